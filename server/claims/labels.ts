import type { ClaimKind } from "~/db/schema/claims";
import type { ClaimStatus } from "./status";

/** A case's kind in the seller's words, as the page, the CSV and the pasted evidence say it. */
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  warehouse_lost: "Lost in a fulfillment center",
  warehouse_damaged: "Damaged in a fulfillment center",
  customer_return: "Refunded, not returned",
  inbound_shortage: "Inbound shipment short",
};

/** Every kind, for the browser (the schema's list is server code); the record above names each one. */
export const CLAIM_KIND_KEYS = Object.keys(CLAIM_KIND_LABELS) as ClaimKind[];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  waiting: "Waiting for the window",
  open: "Open",
  submitted: "Submitted",
  // A lapsed case is claimable again; the label says what to do.
  lapsed: "Lapsed — file again",
  reimbursed: "Reimbursed",
  resolved: "Resolved by Amazon",
  expired: "Expired",
};

/** A transition of a case in the history, in the seller's words. */
export const CLAIM_TRANSITION_LABELS: Record<string, string> = {
  found: "Found by the analysis",
  submitted: "Marked submitted",
  lapsed: "Lapsed: no answer from Amazon in 30 days",
  reimbursed: "Reimbursed by Amazon",
  found_by_amazon: "Found by Amazon",
  returned: "Returned by the buyer",
  received: "Received by Amazon after all",
  reopened: "Submission undone",
};

/** The facts a transition records, named for the history. */
export const CLAIM_TRANSITION_DETAIL_LABELS: Record<string, string> = {
  amazonCaseId: "Amazon case",
  submittedOn: "filed on",
  attempt: "attempt",
  withdrawnAmazonCaseId: "Amazon case",
  withdrawnSubmittedOn: "filed on",
  units: "units",
};
