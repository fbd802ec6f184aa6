"use client";

import { useState } from "react";
import { StateBadge } from "../state-badge";
import { useEdits } from "./edit-session";
import { editOf, type EditableRow } from "./model";

/**
 * Seller Central's state switch (Enabled ⇄ Paused) and Archive, which asks first: archiving is final on
 * Amazon. Negatives have no pause in Seller Central: only Archive.
 */
export function StateControl({ row, canPause }: { row: EditableRow; canPause: boolean }) {
  const { submit, pending } = useEdits();
  const [confirming, setConfirming] = useState(false);
  const enabled = row.state === "ENABLED";
  const set = (state: "ENABLED" | "PAUSED" | "ARCHIVED") => submit([editOf(row, { state })]);
  return (
    <span className="inline-flex items-center gap-1.5">
      {canPause && (
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-label={`Enabled: ${row.label}`}
          title={enabled ? "Pause" : "Enable"}
          disabled={pending}
          onClick={() => void set(enabled ? "PAUSED" : "ENABLED")}
          className={`relative inline-flex h-4 w-7 shrink-0 items-center rounded-full transition-colors disabled:opacity-50 ${enabled ? "bg-emerald-500" : "bg-slate-300"}`}
        >
          <span className={`inline-block h-3 w-3 rounded-full bg-white shadow transition-transform ${enabled ? "translate-x-3.5" : "translate-x-0.5"}`} />
        </button>
      )}
      <StateBadge state={row.state} synced={row.synced} />
      {confirming ? (
        <span role="dialog" aria-label={`Archive ${row.label}`} className="inline-flex items-center gap-1 rounded border border-red-200 bg-red-50 px-1.5 py-0.5 whitespace-normal">
          <span className="text-xs text-red-800">Archiving is final on Amazon.</span>
          <button
            type="button"
            className="btn-danger py-0"
            disabled={pending}
            onClick={() => void set("ARCHIVED").then(() => setConfirming(false))}
          >
            Archive
          </button>
          <button type="button" className="btn py-0" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button
          type="button"
          // Shown on the row under the pointer (and to the keyboard), so a column of "Archive" does not crowd the table.
          className="text-xs text-slate-400 opacity-0 group-hover/row:opacity-100 hover:text-red-700 hover:underline focus:opacity-100"
          aria-label={`Archive ${row.label}…`} onClick={() => setConfirming(true)}>
          Archive
        </button>
      )}
    </span>
  );
}
