"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { AdEntityKind } from "~/db/schema";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import type { EntityListKey } from "~/server/advertising/vocabulary";
import { BulkEdit, bulkEditItems, type BulkEditAction } from "./edits/bulk-edit";
import { useEdits } from "./edits/edit-session";
import { bulkEdits, isEditable, type EditableRow } from "./edits/model";

type Action = "settings" | "additions";
type SettingsResult = RouterOutputs["advertising"]["syncSettings"];

const VIEWER_HINT = "Operators, admins and owners can change and synchronize; viewers see the settings.";

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/** What a synchronization did, in plain words. */
function outcome(result: SettingsResult | { started: true }) {
  if ("started" in result || result.scope === "profile") return null;
  const parts = [`${plural(result.read, "entity", "entities")} read`, `${plural(result.changes, "change", "changes")} from Seller Central`];
  if (result.missing.length) parts.push(`${plural(result.missing.length, "entity", "entities")} no longer found on Amazon (${result.missing.join(", ")})`);
  return parts.join("; ");
}

/** The selected entities, one group per kind, as the synchronization reads them. */
function byKind(selection: EditableRow[]) {
  const groups = new Map<AdEntityKind, string[]>();
  for (const { kind, id } of selection) groups.set(kind, [...(groups.get(kind) ?? []), id]);
  return [...groups].map(([kind, ids]) => ({ kind, ids }));
}

/**
 * Bulk Actions of an Advertising table: the selected rows enabled, paused, archived, or their bids or
 * budgets changed on Amazon; Seller Central's changes to their settings read now (or, with nothing
 * selected, the whole profile's in the background), and additions made in Seller Central.
 */
export function BulkActions(props: { list: EntityListKey; adProfileId: string; selection: EditableRow[]; canSync: boolean; onSynced: () => void; onEdited: () => void }) {
  const { adProfileId, selection, canSync } = props;
  const edits = useEdits();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [editing, setEditing] = useState<BulkEditAction | null>(null);
  const editable = selection.filter(isEditable);
  const [result, setResult] = useState<{ text: string | null; started: boolean; error?: string } | null>(null);
  const settings = api.advertising.syncSettings.useMutation({
    onSuccess: (r) => {
      setResult({ text: outcome(r), started: r.scope === "profile" });
      props.onSynced();
    },
    onError: (e) => setResult({ text: null, started: false, error: e.message }),
  });
  const additions = api.advertising.syncAdditions.useMutation({
    onSuccess: () => setResult({ text: null, started: true }),
    onError: (e) => setResult({ text: null, started: false, error: e.message }),
  });
  const pending = settings.isPending || additions.isPending;
  const menu = useRef<HTMLDivElement>(null);

  // An open menu closes on a click elsewhere or Escape, as menus do.
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("mousedown", outside);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);

  const choose = (action: Action) => {
    setOpen(false);
    setResult(null);
    setEditing(null);
    setConfirming(action);
  };
  const chooseEdit = (action: BulkEditAction) => {
    setOpen(false);
    setConfirming(null);
    // Enable and Pause are undone as easily as done: they go at once, as in Seller Central.
    if (action === "enable" || action === "pause")
      void edits.submit(bulkEdits(editable, { state: action === "enable" ? "ENABLED" : "PAUSED" })).then((sent) => sent && props.onEdited());
    else setEditing(action);
  };
  const run = () => {
    if (confirming === "settings") settings.mutate({ adProfileId, selection: selection.length ? byKind(selection) : undefined });
    if (confirming === "additions") additions.mutate({ adProfileId });
    setConfirming(null);
  };

  return (
    <div ref={menu} className="relative flex flex-wrap items-center gap-2">
      <span title={canSync ? undefined : VIEWER_HINT}>
        <button
          type="button"
          className="btn"
          aria-haspopup="menu"
          aria-expanded={open}
          disabled={!canSync || pending || edits.pending}
          onClick={() => setOpen(!open)}
        >
          Bulk Actions ▾
        </button>
      </span>
      {open && (
        <div role="menu" aria-label="Bulk Actions" className="absolute top-full left-0 z-10 mt-1 w-72 rounded border border-slate-200 bg-white py-1 shadow-md">
          {bulkEditItems(props.list).map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              className="block w-full px-3 py-1.5 text-left hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-white"
              disabled={editable.length === 0}
              title={editable.length === 0 ? "Select rows to change first (archived and unsynced ones cannot change)." : undefined}
              onClick={() => chooseEdit(item.action)}
            >
              {item.label}
            </button>
          ))}
          <div role="separator" className="my-1 border-t border-slate-100" />
          <button type="button" role="menuitem" className="block w-full px-3 py-1.5 text-left hover:bg-slate-50" onClick={() => choose("settings")}>
            Synchronize Budget/Bid or Status
          </button>
          <button type="button" role="menuitem" className="block w-full px-3 py-1.5 text-left hover:bg-slate-50" onClick={() => choose("additions")}>
            Synchronize Amazon Additions
          </button>
        </div>
      )}
      {editing && (
        <BulkEdit
          list={props.list}
          action={editing}
          selection={selection}
          onClose={(done) => {
            setEditing(null);
            if (done) props.onEdited();
          }}
        />
      )}
      {confirming && (
        <div role="dialog" aria-label="Confirm synchronization" className="flex flex-wrap items-center gap-2 rounded border border-brand-100 bg-brand-50 px-2 py-1">
          <span>
            {confirming === "additions"
              ? "Look for campaigns, ad groups, ads, keywords and targets added in Seller Central: the whole ad profile is listed in the background."
              : selection.length
                ? `Read the budget, bid and status of the ${plural(selection.length, "selected entity", "selected entities")} from Amazon now.`
                : "No rows are selected: the settings of every campaign, ad group, ad, keyword, target and negative of this ad profile are synchronized in the background."}
          </span>
          <button type="button" className="btn-primary py-0.5" onClick={run}>
            Synchronize
          </button>
          <button type="button" className="btn py-0.5" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      <p role="status" data-testid="bulk-result" className={result?.error ? "text-red-700" : "text-slate-600"}>
        {pending
          ? "Synchronizing…"
          : result?.error
            ? result.error
            : result?.started
              ? (
                  <>
                    Synchronization started — follow it in the{" "}
                    <Link className="underline" href="/sync">
                      Sync center
                    </Link>
                    .
                  </>
                )
              : (result?.text ?? (canSync ? "" : VIEWER_HINT))}
      </p>
    </div>
  );
}
