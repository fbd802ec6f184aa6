import { and, eq, gte, like, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { executorRuns, orderItems, orders, storeMarketplaces, syncRuns } from "~/db/schema";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { historySpanDays } from "./span";

/*
 * Historical orders end to end against the sandbox Amazon: after authorization, the orders placed in the
 * year before 00:00 yesterday arrive from the order-date report, in spans sized by the volume the
 * incremental sync measured, equal to Amazon's report; a stored order is replaced only by a newer version;
 * a re-run changes nothing; a malformed file changes nothing and says why.
 */

const US = "ATVPDKIKX0DER";
const REPORT = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL";
const { ctx, truth, stateOf } = setUpReportTaskWorld();
let scopeId: string;
beforeAll(async () => {
  const [m] = await ctx.t.db
    .select()
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.marketplaceId, US)));
  scopeId = m!.id;
});

const run = () => ctx.world.run("orders-history", { organizationId: ctx.setup.member.organizationId, scopeId, window: "backfill" });
const checksum = async () =>
  (
    await ctx.t.sql`select md5(string_agg(x, ',' order by x)) as h from (
      select o::text as x from orders o where store_marketplace_id = ${scopeId}
      union all select i::text from order_items i where store_marketplace_id = ${scopeId}) all_rows`
  )[0]!.h as string;
const STATUS: Record<string, string> = { Cancelled: "Canceled" };
const minor = (v: string | undefined) => (v ? Math.round(Number(v) * 100) : 0);

describe("historical orders", () => {
  it("backfills the orders placed in the year before 00:00 yesterday, equal to Amazon's report, in volume-sized spans", { timeout: 300_000 }, async () => {
    const done = await eventually("the historical orders backfill", async () => {
      const s = await stateOf("orders-history", scopeId, "backfill");
      if (s?.status === "failed") throw new Error(`orders-history failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    }, 280_000);
    expect(done.progressDone).toBe(done.progressTotal);
    expect(done.progressTotal).toBe(363);

    const zone = "America/Los_Angeles";
    const today = DateTime.now().setZone(zone).startOf("day");
    const placedBefore = today.minus({ days: 1 });
    // Amazon's order reports span 30 days at most (a longer range answers a one-line refusal): the truth is
    // read 20 days at a time.
    const rows: Record<string, string>[] = [];
    for (let from = today.minus({ days: 364 }); from < today.plus({ days: 1 }); from = from.plus({ days: 20 })) {
      const chunk = await truth(REPORT, from.toJSDate(), from.plus({ days: 20 }).toJSDate(), US);
      expect(chunk.length, `orders from ${from.toISODate()}`).toBeGreaterThan(0);
      rows.push(...chunk.filter((r) => Date.parse(r["purchase-date"]!) < placedBefore.toMillis()));
    }
    const expected = new Map<string, Record<string, string>[]>();
    for (const r of rows) expected.set(r["amazon-order-id"]!, [...(expected.get(r["amazon-order-id"]!) ?? []), r]);
    expect(expected.size).toBeGreaterThan(1000);

    const ours = await ctx.t.db.select().from(orders).where(and(eq(orders.storeMarketplaceId, scopeId), lt(orders.purchaseDate, placedBefore.toJSDate())));
    expect(ours.length).toBe(expected.size);
    const items = await ctx.t.db.select().from(orderItems).where(eq(orderItems.storeMarketplaceId, scopeId));
    const itemsOf = new Map<string, typeof items>();
    for (const i of items) itemsOf.set(i.amazonOrderId, [...(itemsOf.get(i.amazonOrderId) ?? []), i]);
    for (const o of ours) {
      const lines = expected.get(o.amazonOrderId)!;
      expect(lines, o.amazonOrderId).toBeDefined();
      const status = STATUS[lines[0]!["order-status"]!] ?? lines[0]!["order-status"]!;
      const withheld = status === "Pending" || status === "Canceled";
      const total = lines.reduce(
        (a, l) => a + minor(l["item-price"]) + minor(l["item-tax"]) + minor(l["shipping-price"]) + minor(l["shipping-tax"]) + minor(l["item-promotion-discount"]) + minor(l["ship-promotion-discount"]),
        0,
      );
      expect({
        status: o.status,
        purchaseDate: o.purchaseDate.toISOString(),
        lastUpdate: o.lastUpdateDate.toISOString(),
        total: o.orderTotal === null ? null : minor(o.orderTotal),
        channel: o.fulfillmentChannel,
        lines: itemsOf.get(o.amazonOrderId)?.map((i) => `${i.sellerSku}×${i.quantityOrdered}`).sort(),
      }).toEqual({
        status,
        purchaseDate: new Date(lines[0]!["purchase-date"]!).toISOString(),
        lastUpdate: new Date(lines[0]!["last-updated-date"]!).toISOString(),
        total: withheld ? null : total,
        channel: lines[0]!["fulfillment-channel"] === "Amazon" ? "AFN" : "MFN",
        lines: lines.map((l) => `${l.sku}×${l.quantity}`).sort(),
      });
    }
    // Orders placed since 00:00 yesterday are the incremental sync's: none has an item from the report.
    const recentFromReport = await ctx.t.db
      .select({ id: orderItems.amazonOrderId })
      .from(orderItems)
      .innerJoin(orders, and(eq(orders.storeMarketplaceId, orderItems.storeMarketplaceId), eq(orders.amazonOrderId, orderItems.amazonOrderId)))
      .where(and(eq(orderItems.storeMarketplaceId, scopeId), like(orderItems.orderItemId, "flat:%"), gte(orders.purchaseDate, placedBefore.toJSDate())));
    expect(recentFromReport).toEqual([]);

    // The span was sized by the volume the incremental sync measured, and no report exceeded it or Amazon's 30 days.
    const [backfill] = await ctx.t.db
      .select({ output: executorRuns.output })
      .from(syncRuns)
      .innerJoin(executorRuns, eq(executorRuns.id, syncRuns.jobRunId))
      .where(and(eq(syncRuns.scopeId, scopeId), eq(syncRuns.task, "orders-history"), eq(syncRuns.status, "succeeded")));
    const detail = backfill!.output as { spanDays: number; ordersPerDay: number; volumeMeasured: boolean };
    expect(detail.volumeMeasured).toBe(true);
    expect(detail.ordersPerDay).toBeGreaterThan(0);
    expect(detail.spanDays).toBe(historySpanDays(detail.ordersPerDay));
    const asked = ctx.amazon.sandbox.reports.forSeller(ctx.setup.seller.sellerId).filter((r) => r.reportType === REPORT && r.marketplaceIds[0] === US);
    expect(asked.length).toBe(Math.ceil(365 / detail.spanDays));
    for (const r of asked) expect(r.dataEndTime! - r.dataStartTime!).toBeLessThanOrEqual(Math.min(30 * 86_400_000, detail.spanDays * 86_400_000 + 3_600_000));
  });

  it("replaces a stored order only by a newer version, and a re-run changes nothing", { timeout: 240_000 }, async () => {
    const [fresher, older] = await ctx.t.db
      .select()
      .from(orders)
      .where(and(eq(orders.storeMarketplaceId, scopeId), eq(orders.status, "Shipped")))
      .orderBy(orders.amazonOrderId)
      .limit(2);
    // What the incremental sync would have written after the report (a newer version), and an older one.
    const later = new Date(fresher!.lastUpdateDate.getTime() + 3_600_000);
    await ctx.t.db.update(orders).set({ lastUpdateDate: later, status: "Shipped", orderTotal: "1.0000" }).where(and(eq(orders.storeMarketplaceId, scopeId), eq(orders.amazonOrderId, fresher!.amazonOrderId)));
    await ctx.t.db
      .update(orders)
      .set({ lastUpdateDate: new Date(older!.lastUpdateDate.getTime() - 3_600_000), orderTotal: "0.0000", itemsSyncedFor: null })
      .where(and(eq(orders.storeMarketplaceId, scopeId), eq(orders.amazonOrderId, older!.amazonOrderId)));
    const olderItems = await ctx.t.db.select().from(orderItems).where(and(eq(orderItems.storeMarketplaceId, scopeId), eq(orderItems.amazonOrderId, older!.amazonOrderId)));

    const result = await run();
    expect(result).toMatchObject({ status: "succeeded", rowsWritten: 1 + olderItems.length });
    const [kept] = await ctx.t.db.select().from(orders).where(and(eq(orders.storeMarketplaceId, scopeId), eq(orders.amazonOrderId, fresher!.amazonOrderId)));
    expect({ at: kept!.lastUpdateDate.toISOString(), total: kept!.orderTotal }).toEqual({ at: later.toISOString(), total: "1.0000" });
    const [restored] = await ctx.t.db.select().from(orders).where(and(eq(orders.storeMarketplaceId, scopeId), eq(orders.amazonOrderId, older!.amazonOrderId)));
    expect({ at: restored!.lastUpdateDate.toISOString(), total: restored!.orderTotal }).toEqual({ at: older!.lastUpdateDate.toISOString(), total: older!.orderTotal });

    const before = await checksum();
    expect(await run()).toMatchObject({ status: "succeeded", rowsWritten: 0 });
    expect(await checksum()).toBe(before);
  });

  it("a malformed file fails the run in plain words, and nothing changes", { timeout: 240_000 }, async () => {
    const before = await checksum();
    ctx.amazon.sandbox.faults.set("createReport", { malformedRows: 2 });
    try {
      await expect(run()).rejects.toThrow(/backfill failed: The order history report file has a malformed line/);
    } finally {
      ctx.amazon.sandbox.faults.clear();
    }
    expect(await checksum()).toBe(before);
  });
});
