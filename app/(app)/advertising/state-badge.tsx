import type { AdEntityState } from "~/db/schema";
import { STATE_LABELS } from "~/server/advertising/vocabulary";

const TONES: Record<AdEntityState, string> = {
  ENABLED: "bg-emerald-50 text-emerald-800",
  PAUSED: "bg-amber-50 text-amber-800",
  ARCHIVED: "bg-slate-100 text-slate-500",
};

/** An entity's state; a performance row whose entity the product has not synced yet says so instead. */
export function StateBadge({ state, synced }: { state: AdEntityState | null; synced: boolean }) {
  if (!synced || !state)
    return (
      <span
        data-testid="entity-state"
        data-state="unsynced"
        title="Amazon's reports show its activity; its settings arrive with the next additions sync (Bulk Actions → Synchronize Amazon Additions)."
        className="rounded bg-violet-50 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-violet-800"
      >
        Not synced yet
      </span>
    );
  return (
    <span data-testid="entity-state" data-state={state} className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[state]}`}>
      {STATE_LABELS[state]}
    </span>
  );
}
