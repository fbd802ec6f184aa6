import type { ClaimEvidence, ClaimKind } from "~/db/schema/claims";
import { CLAIM_KIND_LABELS } from "./labels";

export interface EvidenceCase {
  kind: ClaimKind;
  marketplace: string;
  marketplaceName: string;
  sku: string | null;
  fnsku: string | null;
  asin: string | null;
  title: string | null;
  units: number;
  eventDay: string;
  sourceRef: string;
  /** The last submission, when it lapsed unanswered: Amazon asks a new case to name the old one. */
  lapsedSubmission: { amazonCaseId: string | null; submittedOn: string } | null;
}

/**
 * A case's evidence as plain text, ready to paste into a Seller Central case: what is claimed, for which
 * product, and each fact with the Amazon report it comes from, so Amazon's agent can look it up.
 */
export function evidenceText(c: EvidenceCase, evidence: readonly ClaimEvidence[]): string {
  const product = [c.sku && `SKU ${c.sku}`, c.fnsku && `FNSKU ${c.fnsku}`, c.asin && `ASIN ${c.asin}`].filter(Boolean).join(", ");
  const lines = [
    `Reimbursement request: ${CLAIM_KIND_LABELS[c.kind]}`,
    `Marketplace: ${c.marketplaceName} (${c.marketplace})`,
    ...(c.title ? [`Product: ${c.title}`] : []),
    ...(product ? [`Identifiers: ${product}`] : []),
    `Units claimed: ${String(c.units)}`,
    `Date of the event: ${c.eventDay}`,
    `Reference: ${c.sourceRef}`,
    ...(c.lapsedSubmission
      ? [`Previous case: ${c.lapsedSubmission.amazonCaseId ?? "(no case id recorded)"}, filed ${c.lapsedSubmission.submittedOn}, unanswered after 30 days`]
      : []),
    "",
    "Evidence from Amazon's own records:",
    ...evidence.map((e) => `- ${e.label}: ${e.value} (${e.source})`),
  ];
  return lines.join("\n");
}
