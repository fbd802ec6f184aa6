"use client";

import { FIELD_LABELS, labelOf } from "~/server/advertising/vocabulary";
import { changeValue } from "../format";
import { useEdits } from "./edit-session";
import { countOutcome } from "./model";

/** Long selections list the first of each kind of answer; the counts say how many there are. */
const SHOWN = 20;
/** Up to this many applied changes are listed open; more are folded under their summary. */
const OPEN_UP_TO = 5;

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * What Amazon made of the last edits: how many it applied, refused (each with Amazon's reason) or found
 * already so, and what became of values changed in Seller Central meanwhile.
 */
export function EditOutcome() {
  const { outcome, error, pending, currency, dismiss } = useEdits();
  if (pending) return <p role="status" className="text-slate-600" data-testid="edit-outcome" data-state="pending">Sending the changes to Amazon…</p>;
  if (error)
    return (
      <div role="alert" className="flex items-center gap-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800" data-testid="edit-outcome" data-state="error">
        <span>{error}</span>
        <button type="button" className="btn ml-auto py-0.5" onClick={dismiss}>Dismiss</button>
      </div>
    );
  if (!outcome) return null;
  const counts = countOutcome(outcome.results);
  const failed = outcome.results.filter((r) => r.status === "failed");
  const applied = outcome.results.filter((r) => r.status === "applied");
  const conflicts = {
    none: null,
    open: `${plural(counts.conflict, "entity was", "entities were")} changed in Seller Central since you loaded the page: choose whose values to keep.`,
    kept: `${plural(counts.conflict, "entity keeps", "entities keep")} Amazon's values (changed in Seller Central).`,
    overwritten: null,
  }[outcome.conflicts];
  return (
    <div
      role="status"
      className={`rounded border px-3 py-2 ${counts.failed ? "border-amber-200 bg-amber-50" : "border-emerald-200 bg-emerald-50"}`}
      data-testid="edit-outcome"
      data-state="done"
      data-applied={counts.applied}
      data-failed={counts.failed}
      data-unchanged={counts.unchanged}
      data-conflicts={counts.conflict}
    >
      <div className="flex items-center gap-2">
        <strong data-testid="edit-counts">
          {counts.applied} applied · {counts.failed} failed · {counts.unchanged} unchanged
        </strong>
        {conflicts && <span className="text-slate-700">{conflicts}</span>}
        <button type="button" className="btn ml-auto py-0.5" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      {failed.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-red-800" aria-label="Refused by Amazon">
          {failed.slice(0, SHOWN).map((r) => (
            <li key={`${r.kind}:${r.entityId}`} data-testid="edit-failed">
              <span className="font-medium">{r.label}</span>: {r.message ?? "Amazon gave no reason."}
            </li>
          ))}
          {failed.length > SHOWN && <li>and {failed.length - SHOWN} more</li>}
        </ul>
      )}
      {applied.length > 0 && (
        // A bulk edit's list of changes is there to check, not to read first: folded when long.
        <details open={applied.length <= OPEN_UP_TO} className="mt-1 text-slate-700">
          <summary className="cursor-pointer">What Amazon applied</summary>
          <ul className="list-disc pl-5" aria-label="Applied by Amazon">
            {applied.slice(0, SHOWN).map((r) => (
              <li key={`${r.kind}:${r.entityId}`} data-testid="edit-applied">
                <span className="font-medium">{r.label}</span>:{" "}
                {(r.changes ?? []).map((c) => `${labelOf(FIELD_LABELS, c.field) ?? c.field} ${changeValue(c.field, c.before, currency)} → ${changeValue(c.field, c.after, currency)}`).join("; ")}
              </li>
            ))}
            {applied.length > SHOWN && <li>and {applied.length - SHOWN} more</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
