import { DateTime } from "luxon";
import { csvCell } from "~/server/lists/csv";
import { resolveActiveMembership } from "~/server/organizations/membership";
import type { Context } from "~/server/trpc/init";
import { summaryFilters, toSummaryFilters } from "./summary-input";
import { allSummaryRows, baseCurrencyOf, type SummaryRow } from "./summary";

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

const local = (iso: string | null, zone: string) => (iso ? DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toFormat("yyyy-MM-dd HH:mm") : null);

function header(base: string): string {
  return [
    "Marketplace", "Day", "Currency", "Amazon orders", "Your orders", "Order gap", "Amazon units", "Your units", "Unit gap",
    "Amazon sales", "Your sales", "Sales gap", `Amazon sales (${base})`, `Your sales (${base})`, "Tie-out", "Why",
    "Amazon fetched (local)", "Your orders synchronized (local)",
  ].map(csvCell).join(",") + "\r\n";
}

function line(r: SummaryRow): string {
  return [
    r.marketplace, r.day, r.currency, r.amazon.orders, r.ours.orders, r.gap.orders, r.amazon.units, r.ours.units, r.gap.units,
    r.amazon.sales, r.ours.sales, r.gap.sales, r.amazonSalesBase, r.oursSalesBase, r.tieOut.status, r.tieOut.reasons.map((x) => x.text).join(" "),
    local(r.amazonFetchedAt, r.timeZone), local(r.oursSyncedAt, r.timeZone),
  ].map(csvCell).join(",") + "\r\n";
}

/**
 * The summary's CSV: exactly the marketplace days the page's filters select, streamed, for the caller's
 * active organization only (from the session, never from the URL).
 */
export async function exportSalesSummary(ctx: Context, query: URLSearchParams): Promise<Response> {
  if (!ctx.userId) return plain(401, "Sign in to export.");
  const membership = await resolveActiveMembership(ctx.db, ctx.userId, ctx.requestedOrganizationId);
  if (!membership) return plain(403, "You are not a member of any organization.");
  const parsed = summaryFilters.safeParse({
    range: query.get("range") ?? undefined,
    from: query.get("from") ?? undefined,
    to: query.get("to") ?? undefined,
    scopeId: query.get("scope") ?? undefined,
    differencesOnly: query.get("diff") === "1" ? true : undefined,
    sort: query.get("sort") ?? undefined,
    dir: query.get("dir") ?? undefined,
  });
  if (!parsed.success) return plain(400, `The export was not accepted: ${parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`);
  const base = await baseCurrencyOf(ctx.db, membership.organizationId);
  const rows = allSummaryRows(ctx.db, membership.organizationId, base, toSummaryFilters(parsed.data));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${header(base)}`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(line).join("")));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="sales-summary-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
