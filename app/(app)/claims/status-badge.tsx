import { CLAIM_STATUS_LABELS } from "~/server/claims/labels";
import type { ClaimStatus } from "~/server/claims/status";

const TONES: Record<ClaimStatus, string> = {
  waiting: "bg-slate-100 text-slate-700",
  open: "bg-brand-50 text-brand-700",
  submitted: "bg-violet-50 text-violet-800",
  lapsed: "bg-amber-100 text-amber-900",
  reimbursed: "bg-emerald-50 text-emerald-800",
  resolved: "bg-emerald-50 text-emerald-800",
  expired: "bg-slate-100 text-slate-500",
};

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <span data-testid="claim-status" data-status={status} className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[status]}`}>
      {CLAIM_STATUS_LABELS[status]}
    </span>
  );
}

/** The deadline with what is left of it, loud once a week or less remains on a case that can still be filed. */
export function Deadline({ deadline, daysLeft, status }: { deadline: string; daysLeft: number; status: ClaimStatus }) {
  const claimable = status === "open" || status === "lapsed" || status === "waiting";
  const urgent = claimable && daysLeft <= 7;
  return (
    <span data-testid="claim-deadline" data-urgent={urgent || undefined} className={urgent ? "font-semibold text-red-700" : undefined}>
      {deadline}
      {claimable && (
        <span className={urgent ? "ml-1 rounded bg-red-50 px-1" : "ml-1 text-slate-500"}>
          {daysLeft === 0 ? "last day" : daysLeft === 1 ? "1 day left" : `${String(daysLeft)} days left`}
        </span>
      )}
    </span>
  );
}
