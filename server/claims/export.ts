import { csvCell } from "~/server/lists/csv";
import { resolveActiveMembership } from "~/server/organizations/membership";
import type { Context } from "~/server/trpc/init";
import type { ClaimRow } from "./case-rows";
import { claimFiltersInUrl, claimListFilters } from "./input";
import { CLAIM_URL_KEYS } from "./tabs";
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from "./labels";
import { allClaimRows } from "./queries";

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Days are the marketplace's own local days, as the page shows them; money is exact, beside its currency. */
const HEADER = [
  "Marketplace", "Kind", "Status", "SKU", "FNSKU", "ASIN", "Title", "Reference", "Units", "Currency", "Unit value", "Amount at stake",
  "Event day (local)", "Eligible from (local)", "Deadline (local)", "Days left", "Amazon case id", "Submitted on (local)", "Submissions",
  "Reimbursement id", "Reimbursed amount",
];

export function claimCsvHeader(): string {
  return HEADER.map(csvCell).join(",") + "\r\n";
}

export function claimCsvLine(r: ClaimRow): string {
  return [
    r.marketplace, CLAIM_KIND_LABELS[r.kind], CLAIM_STATUS_LABELS[r.status], r.sku, r.fnsku, r.asin, r.title, r.sourceRef, r.units, r.currency, r.unitValue, r.atStake,
    r.eventDay, r.eligibleFrom, r.deadline, r.daysLeft, r.amazonCaseId, r.submittedOn, r.submissions,
    r.reimbursementId, r.reimbursedAmount,
  ].map(csvCell).join(",") + "\r\n";
}

/**
 * The Claims page's CSV: exactly the cases its filters select, in its order, streamed, for the caller's
 * active organization only (from the session, never from the URL).
 */
export async function exportClaims(ctx: Context, query: URLSearchParams, now = new Date()): Promise<Response> {
  if (!ctx.userId) return plain(401, "Sign in to export.");
  const membership = await resolveActiveMembership(ctx.db, ctx.userId, ctx.requestedOrganizationId);
  if (!membership) return plain(403, "You are not a member of any organization.");
  const parsed = claimListFilters.safeParse(claimFiltersInUrl(Object.fromEntries(CLAIM_URL_KEYS.map((key) => [key, query.get(key)]))));
  if (!parsed.success) return plain(400, `The export was not accepted: ${parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`);
  const rows = allClaimRows(ctx.db, membership.organizationId, parsed.data, now);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${claimCsvHeader()}`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(claimCsvLine).join("")));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="claims-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
