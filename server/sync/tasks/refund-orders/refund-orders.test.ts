import { and, eq, gte, lt, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { orderItems, orders, storeMarketplaces, syncRuns } from "~/db/schema";
import { FinancesAnswerError } from "~/server/refunds/finances-api";
import { syncRefundEvents } from "~/server/refunds/sync-refunds";
import { listPage } from "~/server/lists/query";
import { refundsList } from "~/server/lists/refunds";
import type { RunPlan } from "~/server/sync/kit/plan";
import { callerFor, resolveScope, type RunScope } from "~/server/sync/kit/scope";
import { localToday } from "~/server/sync/windows";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { refundItems, refunds } from "./table";

/*
 * Refunds end to end against the sandbox Amazon: after authorization the year's refunds arrive from
 * Finances' listFinancialEvents, and every refund of an order the product synced equals Amazon's own
 * (its truth: the order's financial events as Finances shows them); a run again writes nothing; a refund
 * posted later is found by the next run; a refund whose order is synced only later shows once it is; an
 * answer Amazon garbles is refused in plain words and writes nothing.
 */

const { ctx, stateOf, truth: reportTruth } = setUpReportTaskWorld({ volume: "tiny" });
let scope: RunScope;
let marketplaces: (typeof storeMarketplaces.$inferSelect)[];

interface TruthLine { type: string; amount: string }
interface TruthOrder {
  AmazonOrderId: string;
  items: { orderItemId: string; sku: string; asin: string }[];
  financialEvents: { kind: string; postedDate: string; marketplaceName: string; items: { sku: string; orderItemId: string; adjustmentItemId?: string; quantity: number; charges: TruthLine[]; fees: TruthLine[]; promotions: { id: string; amount: string }[] }[] }[];
}

/** Every order of the seller as Amazon holds it now, with its financial events. */
async function amazonOrders(): Promise<TruthOrder[]> {
  const from = new Date(Date.now() - 420 * 86_400_000).toISOString();
  const url = `${ctx.amazon.origin}/__sandbox/truth/orders?sellerId=${ctx.setup.seller.sellerId}&from=${from}&to=${new Date(ctx.amazon.sandbox.clock.now()).toISOString()}`;
  return ((await (await fetch(url)).json()) as { orders: TruthOrder[] }).orders;
}

/** Amazon's exact decimal sum of typed lines ("-12.99" + "-1.04"), in minor units of 1/10000. */
const units = (amount: string) => {
  const [whole, frac = ""] = amount.replace("-", "").split(".");
  const n = BigInt(whole!) * 10000n + BigInt((frac + "0000").slice(0, 4));
  return amount.startsWith("-") ? -n : n;
};
const sum = (lines: TruthLine[], pick: (t: string) => boolean) => lines.filter((l) => pick(l.type)).reduce((a, l) => a + units(l.amount), 0n);
const NAMED = new Set(["Principal", "Tax", "ShippingCharge", "ShippingTax"]);

/** What the Refunds page should show for each refund item of an order the product synced, from Amazon's truth. */
async function expectedRefunds() {
  const synced = new Set((await ctx.t.db.select({ id: orders.amazonOrderId }).from(orders).where(eq(orders.organizationId, scope.organizationId))).map((o) => o.id));
  const out = new Map<string, Record<string, string | number>>();
  for (const o of await amazonOrders()) {
    if (!synced.has(o.AmazonOrderId)) continue;
    for (const e of o.financialEvents.filter((x) => x.kind === "Refund"))
      for (const i of e.items) {
        const principal = sum(i.charges, (t) => t === "Principal");
        const tax = sum(i.charges, (t) => t === "Tax");
        const shipping = sum(i.charges, (t) => t === "ShippingCharge") + sum(i.charges, (t) => t === "ShippingTax");
        const other = sum(i.charges, (t) => !NAMED.has(t));
        const promotion = i.promotions.reduce((a, p) => a + units(p.amount), 0n);
        const commission = sum(i.fees, (t) => t === "Commission");
        const refundCommission = sum(i.fees, (t) => t === "RefundCommission");
        const otherFees = sum(i.fees, (t) => t !== "Commission" && t !== "RefundCommission");
        const amount = principal + tax + shipping + other + promotion;
        const fees = commission + refundCommission + otherFees;
        out.set(`${o.AmazonOrderId}|${new Date(e.postedDate).toISOString()}|${i.adjustmentItemId}`, {
          sku: i.sku,
          asin: o.items.find((x) => x.orderItemId === i.orderItemId)!.asin,
          quantity: i.quantity,
          principal: String(principal),
          tax: String(tax),
          shipping: String(shipping),
          promotion: String(promotion),
          commission: String(commission),
          refundCommission: String(refundCommission),
          refundAmount: String(amount),
          refundFees: String(fees),
          payable: String(amount + fees),
        });
      }
  }
  return out;
}

/** The refunds the product shows (the Refunds page's view), in the same shape. */
async function ourRefunds() {
  const rows = await ctx.t.db.select().from(refunds).where(eq(refunds.organizationId, scope.organizationId));
  return new Map(
    rows.map((r) => [
      `${r.amazonOrderId}|${r.postedAt.toISOString()}|${r.adjustmentItemId}`,
      {
        sku: r.sellerSku!,
        asin: r.asin!,
        quantity: r.quantity,
        principal: String(units(r.principal)),
        tax: String(units(r.tax)),
        shipping: String(units(r.shipping) + units(r.shippingTax)),
        promotion: String(units(r.promotion)),
        commission: String(units(r.commission)),
        refundCommission: String(units(r.refundCommission)),
        refundAmount: String(units(r.refundAmount)),
        refundFees: String(units(r.refundFees)),
        payable: String(units(r.payable)),
      },
    ]),
  );
}

const checksum = async () => (await ctx.t.sql`select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) as h from refund_items r`)[0]!.h as string;
const runRecent = () => ctx.world.run("refund-orders", { organizationId: scope.organizationId, scopeId: scope.scopeId, window: "recent" });

beforeAll(async () => {
  const resolved = await resolveScope(ctx.t.db, "store", ctx.setup.member.organizationId, ctx.setup.storeId);
  if ("skipped" in resolved) throw new Error(resolved.skipped);
  scope = resolved.scope;
  marketplaces = await ctx.t.db.select().from(storeMarketplaces).where(eq(storeMarketplaces.storeId, ctx.setup.storeId));
  // The refunds of synced orders: the year's orders first (history and since yesterday), then the refunds.
  const done = (task: string, scopeId: string, window: string) =>
    eventually(`${task} ${window}`, async () => {
      const s = await stateOf(task, scopeId, window);
      if (s?.status === "failed") throw new Error(`${task} ${window} failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    }, 280_000);
  for (const m of marketplaces) {
    await done("orders-history", m.id, "backfill");
    await done("orders-incremental", m.id, "since-yesterday");
  }
  await done("refund-orders", ctx.setup.storeId, "backfill");
}, 600_000);

describe("refund orders", () => {
  it("backfills the year's refunds for the whole account; every refund of a synced order equals Amazon's", { timeout: 120_000 }, async () => {
    const backfill = await stateOf("refund-orders", ctx.setup.storeId, "backfill");
    expect(backfill!.progressDone).toBe(backfill!.progressTotal);
    const expected = await expectedRefunds();
    // Refunds in every marketplace of the account (US, CA and MX), from one listing for the account.
    expect(expected.size).toBeGreaterThan(20);
    const ours = await ourRefunds();
    expect(ours.size).toBe(expected.size);
    for (const [key, want] of expected) expect(ours.get(key), key).toEqual(want);
    const perMarketplace = await ctx.t.db.select({ m: refunds.storeMarketplaceId, n: sql<number>`count(*)::int` }).from(refunds).where(eq(refunds.organizationId, scope.organizationId)).groupBy(refunds.storeMarketplaceId);
    expect(perMarketplace.length).toBe(marketplaces.length);
    // Each refund's local day is its marketplace's.
    const one = (await ctx.t.db.select().from(refundItems).limit(1))[0]!;
    const zone = marketplaces.find((m) => m.id === one.storeMarketplaceId)!.timeZone;
    expect(one.postedDay).toBe(localToday(zone, one.postedAt));
    // The typed lines are kept as Amazon gave them.
    expect(one.charges.map((c) => c.type)).toEqual(expect.arrayContaining(["Principal", "Tax"]));
    expect(one.fees.map((f) => f.type)).toEqual(["Commission", "RefundCommission"]);
  });

  it("shows each FBA refund's return reason and status from Amazon's returns report", { timeout: 60_000 }, async () => {
    const today = DateTime.now().setZone("America/Los_Angeles").startOf("day");
    const rows = await reportTruth("GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA", today.minus({ days: 365 }).toJSDate(), today.plus({ days: 1 }).toJSDate());
    expect(rows.length).toBeGreaterThan(0);
    const byOrder = new Map(rows.map((r) => [`${r["order-id"]}|${r.sku}`, r]));
    const shown = await ctx.t.db.select().from(refunds).where(eq(refunds.organizationId, scope.organizationId));
    const withReason = shown.filter((r) => r.reason !== null);
    expect(withReason.length).toBeGreaterThan(0);
    for (const r of shown) {
      const row = byOrder.get(`${r.amazonOrderId}|${r.sellerSku}`);
      expect({ reason: r.reason, status: r.status }, r.amazonOrderId).toEqual(row ? { reason: row.reason, status: row.status } : { reason: null, status: null });
    }
    // The page filters by a reason the seller's returns have, with exact totals of what it selects.
    const reason = withReason[0]!.reason!;
    const page = await listPage(ctx.t.db, refundsList, scope.organizationId, { page: 1, pageSize: 200, filters: { reason } });
    const selected = shown.filter((r) => r.reason === reason);
    expect(page.count).toBe(selected.length);
    for (const t of page.totals) {
      const inCurrency = selected.filter((r) => r.currency === t.currency);
      expect(units(t.values.payable!)).toBe(inCurrency.reduce((a, r) => a + units(r.payable), 0n));
    }
  });

  it("a run again writes nothing", { timeout: 120_000 }, async () => {
    const before = await checksum();
    const again = await runRecent();
    expect(again).toMatchObject({ status: "succeeded", rowsWritten: 0 });
    expect(again.apiCalls).toBeGreaterThan(0);
    expect(await checksum()).toBe(before);
  });

  it("a refund Amazon posts later is found by the next run", { timeout: 180_000 }, async () => {
    const before = new Set((await ourRefunds()).keys());
    // Four days pass on Amazon: refunds post (and some posted before show only now, Finances' lag).
    ctx.amazon.sandbox.clock.advance(4 * 86_400_000);
    const run = await runRecent();
    expect(run.status).toBe("succeeded");
    const expected = await expectedRefunds();
    const added = [...expected.keys()].filter((k) => !before.has(k));
    expect(added.length).toBeGreaterThan(0);
    expect(run.rowsWritten).toBeGreaterThanOrEqual(added.length);
    const ours = await ourRefunds();
    for (const [key, want] of expected) expect(ours.get(key), key).toEqual(want);
    expect(ours.size).toBe(expected.size);
    // The run listed from 48 hours before where the last one reached, not the whole year again.
    const [row] = await ctx.t.db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
    expect(row!.apiCalls).toBeLessThan(10);
  });

  it("a refund whose order is not synced yet shows once the order sync stores it", { timeout: 240_000 }, async () => {
    const shown = await ourRefunds();
    // An order of the history (placed before yesterday), which the historical orders sync loads again.
    const old = await ctx.t.db.select({ id: orders.amazonOrderId }).from(orders).where(lt(orders.purchaseDate, new Date(Date.now() - 5 * 86_400_000)));
    const placed = new Set(old.map((o) => o.id));
    const key = [...shown.keys()].sort().find((k) => placed.has(k.split("|")[0]!));
    const orderId = key!.split("|")[0]!;
    const [order] = await ctx.t.db.select().from(orders).where(eq(orders.amazonOrderId, orderId));
    // As if the orders syncs had not reached this order yet.
    await ctx.t.db.delete(orderItems).where(and(eq(orderItems.storeMarketplaceId, order!.storeMarketplaceId), eq(orderItems.amazonOrderId, orderId)));
    await ctx.t.db.delete(orders).where(and(eq(orders.storeMarketplaceId, order!.storeMarketplaceId), eq(orders.amazonOrderId, orderId)));
    expect((await ourRefunds()).has(key!)).toBe(false);
    expect(await ctx.t.db.select().from(refundItems).where(eq(refundItems.amazonOrderId, orderId))).not.toHaveLength(0);

    const history = await ctx.world.run("orders-history", { organizationId: scope.organizationId, scopeId: order!.storeMarketplaceId, window: "backfill" });
    expect(history.status).toBe("succeeded");
    const after = await ourRefunds();
    expect(after.get(key!)).toEqual(shown.get(key!));
    expect(after.get(key!)!.sku).toBeTruthy();
    const [withProduct] = await ctx.t.db.select().from(refunds).where(eq(refunds.amazonOrderId, orderId));
    expect(withProduct!.asin).toMatch(/^B0/);
  });

  /** A run's plan listing the last `days` days, for calling the listing's steps directly. */
  const recentPlan = (days = 2): RunPlan => ({
    task: "refund-orders", window: "recent", trigger: "manual", runId: "test", scope,
    today: localToday(scope.timeZone, new Date()), days: [localToday(scope.timeZone, new Date(Date.now() - days * 86_400_000))],
    startedAt: new Date().toISOString(), resumeFrom: null,
  });
  /** A caller whose Finances answers pass through `change` on their way. */
  const garbling = (change: (body: string) => string) => ({
    ...callerFor(ctx.t.db, scope),
    fetch: (async (url: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(url, init);
      if (!String(url).includes("/finances/")) return response;
      return new Response(change(await response.text()), { status: response.status, headers: response.headers });
    }) as typeof fetch,
  });

  it("keeps a refund whose marketplace Amazon names otherwise under its synced order's marketplace", { timeout: 60_000 }, async () => {
    const plan = recentPlan(30);
    // A refund of a synced order that a listing of the last 30 days reads.
    const [kept] = await ctx.t.db.select().from(refunds).where(gte(refunds.postedAt, new Date(Date.now() - 29 * 86_400_000))).orderBy(refunds.amazonOrderId).limit(1);
    expect(kept).toBeDefined();
    await ctx.t.db.delete(refundItems).where(eq(refundItems.amazonOrderId, kept!.amazonOrderId));
    ctx.amazon.sandbox.quotas.reset();
    let next: string | null = null;
    do next = (await syncRefundEvents(garbling((body) => body.replaceAll(/"MarketplaceName":"[^"]*"/g, '"MarketplaceName":"Amazon"')), plan, next)).nextToken;
    while (next);
    const [back] = await ctx.t.db.select().from(refunds).where(eq(refunds.amazonOrderId, kept!.amazonOrderId));
    expect(back).toEqual(kept);
  });

  it("an answer Amazon garbles is refused in plain words and writes nothing", { timeout: 60_000 }, async () => {
    const before = await checksum();
    const plan = recentPlan();
    ctx.amazon.sandbox.quotas.reset();
    await expect(syncRefundEvents(garbling((body) => body.slice(0, body.length / 2)), plan, null)).rejects.toThrow(/^Amazon's financial events answer is not valid JSON/);
    // A refund whose amount is text, not the number Amazon's model says.
    const bad = `{"AmazonOrderId":"111-0000000-0000000","MarketplaceName":"Amazon.com","PostedDate":"2026-01-02T03:04:05Z","ShipmentItemAdjustmentList":[{"SellerSKU":"X","OrderAdjustmentItemId":"1","ItemChargeAdjustmentList":[{"ChargeType":"Principal","ChargeAmount":{"CurrencyCode":"USD","CurrencyAmount":"-12.99"}}]}]}`;
    const error = await syncRefundEvents(garbling((body) => body.replace('"RefundEventList":[', `"RefundEventList":[${bad},`).replace(",]", "]")), plan, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FinancesAnswerError);
    expect((error as Error).message).toMatch(
      /^Amazon's financial events answer is not as its model says \(the refund of order 111-0000000-0000000, ShipmentItemAdjustmentList\.0\.ItemChargeAdjustmentList\.0\.ChargeAmount\.CurrencyAmount: .*number/,
    );
    expect(await checksum()).toBe(before);
  });
});
