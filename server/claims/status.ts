import type { ClaimResolution } from "~/db/schema/claims";
import { addDays, type LocalDay } from "~/server/sync/windows";
import { LAPSE_DAYS } from "./policy";

/**
 * Where a case stands on a given local day:
 * - waiting: Amazon's window has not opened (it may still find or reimburse the units on its own);
 * - open: claimable now; lapsed: filed, unanswered for 30 days, claimable again (spec ③);
 * - submitted: filed, waiting for Amazon's answer;
 * - reimbursed: a reimbursement matched the units; resolved: found, returned or received after all;
 * - expired: the window closed without a claim.
 */
export type ClaimStatus = "waiting" | "open" | "submitted" | "lapsed" | "reimbursed" | "resolved" | "expired";

export const CLAIM_STATUSES: readonly ClaimStatus[] = ["waiting", "open", "submitted", "lapsed", "reimbursed", "resolved", "expired"];

export interface ClaimStatusInput {
  resolution: ClaimResolution | null;
  submittedOn: LocalDay | null;
  eligibleFrom: LocalDay;
  deadline: LocalDay;
}

/** The day a submission made on `submittedOn` lapses if Amazon has not answered. */
export const lapsesOn = (submittedOn: LocalDay): LocalDay => addDays(submittedOn, LAPSE_DAYS);

export function claimStatus(c: ClaimStatusInput, today: LocalDay): ClaimStatus {
  if (c.resolution === "reimbursed") return "reimbursed";
  if (c.resolution) return "resolved";
  if (c.submittedOn) {
    if (today < lapsesOn(c.submittedOn)) return "submitted";
    return today > c.deadline ? "expired" : "lapsed";
  }
  if (today < c.eligibleFrom) return "waiting";
  return today > c.deadline ? "expired" : "open";
}

/** Whether the seller can file the case now (first time, or again after a lapse). */
export const canSubmit = (status: ClaimStatus) => status === "open" || status === "lapsed";
