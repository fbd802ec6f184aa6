"use client";

import { useEffect, useRef } from "react";
import { FIELD_LABELS, labelOf } from "~/server/advertising/vocabulary";
import { changeValue } from "../format";
import type { EditResult } from "./model";

/**
 * Values changed in Seller Central since the seller loaded them: per entity and field, the value loaded,
 * the one they set and Amazon's now. Nothing of these entities was sent; the seller keeps Amazon's values
 * or overwrites them with their own.
 */
export function ConflictDialog(props: { results: EditResult[]; currency: string; pending: boolean; onKeep: () => void; onOverwrite: () => void }) {
  const conflicts = props.results.filter((r) => r.status === "conflict");
  const first = useRef<HTMLButtonElement>(null);
  // A modal takes the focus, so the keyboard answers it first.
  useEffect(() => first.current?.focus(), []);
  const value = (field: string, v: string | null) => changeValue(field, v, props.currency);
  return (
    <div className="fixed inset-0 z-30 flex items-center justify-center bg-slate-900/30 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby="conflict-title" className="card max-h-[80vh] w-full max-w-2xl overflow-y-auto p-4 shadow-lg" data-testid="conflict-dialog">
        <h2 id="conflict-title">Changed in Seller Central</h2>
        <p className="mt-1 text-slate-600">
          Amazon has other values than the ones you loaded for {conflicts.length === 1 ? "this entity" : `these ${String(conflicts.length)} entities`}. None of
          their changes were sent.
        </p>
        <ul className="mt-3 space-y-2">
          {conflicts.map((r) => (
            <li key={`${r.kind}:${r.entityId}`} data-testid="conflict" data-entity-id={r.entityId}>
              <div className="font-medium">{r.label}</div>
              <ul className="pl-4">
                {(r.conflicts ?? []).map((c) => (
                  <li key={c.field} data-testid="conflict-field" data-field={c.field}>
                    {labelOf(FIELD_LABELS, c.field)}: You loaded <b data-testid="conflict-loaded">{value(c.field, c.loaded)}</b>, you set{" "}
                    <b data-testid="conflict-yours">{value(c.field, c.yours)}</b>, Amazon now has <b data-testid="conflict-amazon">{value(c.field, c.amazon)}</b>{" "}
                    (changed in Seller Central).
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex justify-end gap-2">
          <button ref={first} type="button" className="btn" disabled={props.pending} onClick={props.onKeep}>
            Keep Amazon&apos;s
          </button>
          <button type="button" className="btn-primary" disabled={props.pending} onClick={props.onOverwrite}>
            Overwrite with mine
          </button>
        </div>
      </div>
    </div>
  );
}
