import { csvCell } from "~/server/lists/csv";
import { resolveActiveMembership } from "~/server/organizations/membership";
import type { Context } from "~/server/trpc/init";
import { COST_CSV_COLUMNS } from "./csv-parse";
import { costFiltersFromUrl, type CostListFilters } from "./input";
import { allCostRows, type CostListRow } from "./list";
import { costStores, storeToday, type CostStore } from "./stores";

/*
 * The costs list as CSV, and the upload's template. Both start with the upload's own columns, so a seller
 * can export, edit in a spreadsheet and upload the same file back; money is exact, beside its currency.
 */

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

const EXTRA_COLUMNS = ["total_unit_cost", "asin", "title", "units_ordered", "periods", "batches"];

const line = (cells: (string | number | null)[]) => cells.map(csvCell).join(",") + "\r\n";

export function costCsvLine(r: CostListRow): string {
  return line([r.sku, r.validFrom, r.currency, r.purchaseCost, r.inboundShippingCost, r.otherCost, r.note, r.totalCost, r.asin, r.title, r.unitsOrdered, r.periods, r.batches]);
}

/** The caller's organization (from the session, never the URL) and the store the URL names, or its first. */
async function resolve(ctx: Context, query: URLSearchParams): Promise<Response | { organizationId: string; store: CostStore | null; filters: CostListFilters }> {
  if (!ctx.userId) return plain(401, "Sign in to download.");
  const membership = await resolveActiveMembership(ctx.db, ctx.userId, ctx.requestedOrganizationId);
  if (!membership) return plain(403, "You are not a member of any organization.");
  const filters = costFiltersFromUrl(Object.fromEntries(query));
  if (query.get("store") && !filters.storeId) return plain(400, "The download was not accepted: store is not a store id.");
  const stores = await costStores(ctx.db, membership.organizationId);
  const store = filters.storeId ? stores.find((s) => s.id === filters.storeId) : stores[0];
  if (filters.storeId && !store) return plain(404, "There is no such store in this organization.");
  return { organizationId: membership.organizationId, store: store ?? null, filters };
}

const csvResponse = (body: ReadableStream<Uint8Array> | string, name: string) =>
  new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });

/** Exactly the SKUs the page's filters select, in its order, streamed. */
export async function exportCosts(ctx: Context, query: URLSearchParams, now = new Date()): Promise<Response> {
  const resolved = await resolve(ctx, query);
  if (resolved instanceof Response) return resolved;
  const { organizationId, store, filters } = resolved;
  const header = `\uFEFF${line([...COST_CSV_COLUMNS, ...EXTRA_COLUMNS])}`;
  const name = `product-costs-${now.toISOString().slice(0, 10)}.csv`;
  if (!store) return csvResponse(header, name);
  const rows = allCostRows(ctx.db, organizationId, store, filters, now);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(header));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(costCsvLine).join("")));
    },
  });
  return csvResponse(body, name);
}

/**
 * The upload's template: its columns, then a row for each SKU of the store that has no cost yet — SKU,
 * today and the store's currency filled in, the costs left for the seller. A row left without costs is
 * skipped on upload, so the seller fills in only what they know.
 */
export async function costTemplate(ctx: Context, query: URLSearchParams, now = new Date()): Promise<Response> {
  const resolved = await resolve(ctx, query);
  if (resolved instanceof Response) return resolved;
  const { organizationId, store } = resolved;
  let text = `\uFEFF${line([...COST_CSV_COLUMNS])}`;
  if (store) {
    const today = storeToday(store, now);
    for await (const rows of allCostRows(ctx.db, organizationId, store, { missingOnly: true }, now))
      text += rows.map((r) => line([r.sku, today, store.currency, null, null, null, null])).join("");
  }
  return csvResponse(text, "product-costs-template.csv");
}
