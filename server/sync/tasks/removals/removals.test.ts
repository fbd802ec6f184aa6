import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { storeMarketplaces } from "~/db/schema";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { removalOrders } from "./table";

/*
 * The removal report task on the SP-API report kit, end to end: the sandbox Amazon, the app's Inngest
 * route and the embedded executor. Authorizing a store backfills 12 months of removal orders equal to
 * Amazon's report; a malformed file fails the run in plain words and changes nothing.
 */

const { ctx, truth: reportTruth, stateOf } = setUpReportTaskWorld();
let marketplaceId: string;
beforeAll(async () => {
  const [m] = await ctx.t.db
    .select()
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.marketplaceId, "ATVPDKIKX0DER")));
  marketplaceId = m!.id;
});

const state = (window: string) => stateOf("removals", marketplaceId, window);
const truth = (from: Date, to: Date) => reportTruth("GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA", from, to, "ATVPDKIKX0DER");

const key = (r: { orderId: string; sku: string; fnsku: string; disposition: string }) => `${r.orderId}/${r.sku}/${r.fnsku}/${r.disposition}`;

describe("removal report", () => {
  it("backfills the 12 months before authorization, equal to Amazon's report", { timeout: 240_000 }, async () => {
    const done = await eventually("the removals backfill", async () => {
      const s = await state("backfill");
      if (s?.status === "failed") throw new Error(`removals failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    }, 200_000);
    expect(done.progressDone).toBe(done.progressTotal);
    const ours = await ctx.t.db.select().from(removalOrders).where(eq(removalOrders.storeMarketplaceId, marketplaceId));
    const { DateTime } = await import("luxon");
    const today = DateTime.now().setZone("America/Los_Angeles").startOf("day");
    const expected = await truth(today.minus({ months: 12 }).toJSDate(), today.plus({ days: 1 }).toJSDate());
    expect(expected.length).toBeGreaterThan(0);
    expect(ours.length).toBe(expected.length);
    const mine = new Map(ours.map((r) => [key(r), r]));
    for (const row of expected) {
      const got = mine.get(key({ orderId: row["order-id"]!, sku: row.sku!, fnsku: row.fnsku!, disposition: row.disposition! }));
      expect(got, row["order-id"]).toBeDefined();
      expect({
        status: got!.orderStatus,
        requested: got!.requestedQuantity,
        shipped: got!.shippedQuantity,
        disposed: got!.disposedQuantity,
        fee: got!.removalFee === null ? "" : Number(got!.removalFee).toFixed(2),
        requestedAt: got!.requestedAt.toISOString(),
      }).toEqual({
        status: row["order-status"],
        requested: Number(row["requested-quantity"]),
        shipped: Number(row["shipped-quantity"]),
        disposed: Number(row["disposed-quantity"]),
        fee: row["removal-fee"] ? Number(row["removal-fee"]).toFixed(2) : "",
        requestedAt: new Date(row["request-date"]!).toISOString(),
      });
    }
  });

  it("a malformed file fails the run in plain words, and nothing changes", { timeout: 180_000 }, async () => {
    const checksum = async () =>
      (await ctx.t.sql`select md5(string_agg(t::text, ',' order by t::text)) as h from removal_orders t where store_marketplace_id = ${marketplaceId}`)[0]!.h as string;
    const before = await checksum();
    // A later Amazon moment, so the daily window is not an identical request inside the regeneration limit.
    ctx.amazon.sandbox.clock.advance(31 * 60_000);
    ctx.amazon.sandbox.faults.set("createReport", { malformedRows: 2 });
    try {
      await expect(ctx.world.run("removals", { organizationId: ctx.setup.member.organizationId, scopeId: marketplaceId, window: "recent" })).rejects.toThrow(
        /recent failed: The FBA removal orders report file has a malformed line/,
      );
    } finally {
      ctx.amazon.sandbox.faults.clear();
    }
    expect(await checksum()).toBe(before);
    const s = await state("recent");
    expect(s).toMatchObject({ status: "failed" });
    expect(s!.lastError).toMatch(/malformed line/);
  });

  it("the daily window loads again cleanly, changing nothing that did not change, whatever form Amazon sends the file in", { timeout: 180_000 }, async () => {
    ctx.amazon.sandbox.clock.advance(31 * 60_000);
    // Plain bytes under a GZIP label, in Cp1252 with no charset declared: the same rows.
    ctx.amazon.sandbox.faults.set("createReport", { documentForm: "plain-labelled-gzip", documentCharset: "marketplace-undeclared" });
    const run = await ctx.world
      .run("removals", { organizationId: ctx.setup.member.organizationId, scopeId: marketplaceId, window: "recent" })
      .finally(() => ctx.amazon.sandbox.faults.clear());
    expect(run).toMatchObject({ status: "succeeded", rowsWritten: 0 });
    expect(run.apiCalls).toBeGreaterThan(0);
  });
});
