"use client";

import { useState } from "react";
import type { EntityListKey } from "~/server/advertising/vocabulary";
import { useEdits } from "./edit-session";
import { BULK_MONEY, bulkEdits, isEditable, parseAmount, parsePercent, type BulkChange, type EditableRow } from "./model";

export type BulkEditAction = "enable" | "pause" | "archive" | "set" | "percent";

/** The edits Bulk Actions offers on a table: states everywhere (negatives have no pause), bids and budgets where the table has one. */
export function bulkEditItems(list: EntityListKey): Array<{ action: BulkEditAction; label: string }> {
  const money = BULK_MONEY[list];
  return [
    ...(list === "negatives" ? [] : [{ action: "enable" as const, label: "Enable" }, { action: "pause" as const, label: "Pause" }]),
    { action: "archive", label: "Archive" },
    ...(money ? [{ action: "set" as const, label: `Set ${money.label} to…` }, { action: "percent" as const, label: `Change ${money.label} by %…` }] : []),
  ];
}

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * A bulk edit of the selected rows, in one call with what each row showed: Enable and Pause at once,
 * Archive after a confirmation (it is final on Amazon), a bid or budget after its value or percentage.
 * Rows that cannot change (archived, not synced) are left out and said so.
 */
export function BulkEdit(props: { list: EntityListKey; action: BulkEditAction; selection: EditableRow[]; onClose: (done: boolean) => void }) {
  const { submit, pending } = useEdits();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const rows = props.selection.filter(isEditable);
  const left = props.selection.length - rows.length;
  const money = BULK_MONEY[props.list];
  const what = plural(rows.length, "selected row", "selected rows");

  const run = async (change: BulkChange) => {
    if (await submit(bulkEdits(rows, change))) props.onClose(true);
  };
  const apply = () => {
    if (props.action === "archive") return void run({ state: "ARCHIVED" });
    if (!money) return;
    if (props.action === "set") {
      const parsed = parseAmount(text);
      return "error" in parsed ? setError(parsed.error) : void run({ field: money.field, set: parsed.amount });
    }
    const parsed = parsePercent(text);
    return "error" in parsed ? setError(parsed.error) : void run({ field: money.field, percent: parsed.percent });
  };

  const title = { enable: "Enable", pause: "Pause", archive: "Archive", set: `Set ${money?.label ?? ""}`, percent: `Change ${money?.label ?? ""} by %` }[props.action];
  return (
    <form
      role="dialog"
      aria-label={title}
      className="flex flex-wrap items-center gap-2 rounded border border-brand-100 bg-brand-50 px-2 py-1"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      {rows.length === 0 ? (
        <span>None of the selected rows can be changed (archived or not synced yet).</span>
      ) : props.action === "archive" ? (
        <span className="text-red-800">Archive the {what}? Archiving is final on Amazon: archived entities cannot be enabled again.</span>
      ) : (
        <label className="flex items-center gap-1.5">
          {props.action === "set" ? `Set the ${money?.label ?? ""} of the ${what} to` : `Change the ${money?.label ?? ""} of the ${what} by`}
          <input
            aria-label={props.action === "set" ? "New amount" : "Percentage"}
            className="input w-24 py-0.5"
            inputMode="decimal"
            placeholder={props.action === "set" ? "0.75" : "+10 or -15"}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {props.action === "percent" && "%"}
        </label>
      )}
      {left > 0 && <span className="text-xs text-slate-600">({plural(left, "archived or unsynced row is", "archived or unsynced rows are")} left out)</span>}
      {rows.length > 0 && (
        <button type="submit" className={props.action === "archive" ? "btn-danger py-0.5" : "btn-primary py-0.5"} disabled={pending}>
          {pending ? "Sending…" : props.action === "archive" ? "Archive" : "Apply"}
        </button>
      )}
      <button type="button" className="btn py-0.5" onClick={() => props.onClose(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
