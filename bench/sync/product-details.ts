/**
 * Products with sales (spec ③ method ②) for a big seller (SANDBOX_VOLUME=big: about 2,150 orders a day in the
 * US, some 2,000 products on sale) at Amazon's published rates (Catalog Items 2/s burst 2, Listings Items 5/s
 * burst 5), through the task's own run, its steps in place and its sleeps real. The seller's orders of the
 * last `days` days are stored as the orders syncs would have stored them (what they cost is not measured
 * here), then:
 *   1. before the full report has loaded: every ASIN needs the catalog, every SKU the seller's listing;
 *   2. the same run again: nothing is stale, so nothing is asked for;
 *   3. after the full report (run through its own task): the catalog again for every ASIN (details cleared),
 *      no listing call (the report holds every SKU).
 * For each run: the calls sent per operation beside the minimum the distinct ASINs and SKUs allow
 * (⌈ASINs/20⌉ searchCatalogItems + ⌈SKUs needing a listing/20⌉ searchListingsItems), and the wall time beside
 * the lower bound the quotas allow for those calls (each operation's burst, then one call per 1/rate; the
 * two operations' buckets are separate, so the bound is the slower one's), with the time of the step that
 * reads the synced orders (no Amazon call) apart.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sync/product-details.ts [days=30]
 */
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "~/db/testing";

process.env.ENCRYPTION_KEYS ??= `bench:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.TEST_DATABASE_SERVER_URL ??= process.env.DATABASE_URL;
process.env.SANDBOX_VOLUME = "big";
// The sandbox answers at Amazon's own rates, and says so in x-amzn-RateLimit-Limit; our buckets follow it.
delete process.env.AMAZON_QUOTA_SCALE;
const days = Number(process.argv[2] ?? 30);

const { DateTime } = await import("luxon");
const { eq } = await import("drizzle-orm");
const { startTestAmazon } = await import("~/test/amazon-sandbox");
const { authorizeStoreOnly } = await import("./authorized-store");
const { apiQuotaBuckets, catalogItems, listingOffers, orderItems, orders, syncStates } = await import("~/db/schema");
const { completeRun, planRun } = await import("~/server/sync/kit/plan");
const { KitSteps } = await import("~/server/sync/kit/steps");
const { syncTask } = await import("~/server/sync/registry");
const { detailOperationOf } = await import("~/server/products/testing");
const { mustMarketplace } = await import("~/sandbox/world/marketplaces");
const { orderStatusAt, lastUpdateAt } = await import("~/sandbox/world/orders");
const { SP_LIMITS } = await import("~/sandbox/quota");

const t = await createTestDatabase();
process.env.DATABASE_URL = t.url;
const amazon = await startTestAmazon({ volume: "big", reportDelaySeconds: 0, timeScale: 1 });
try {
  const { member: m, seller, marketplace: mp } = await authorizeStoreOnly(t, amazon);
  const organizationId = m.organizationId;
  const scopeId = mp.id;

  // The seller's orders of the last `days` days, with their items, as the orders syncs store them.
  const now = Date.now();
  const from = DateTime.fromMillis(now, { zone: mp.timeZone }).startOf("day").minus({ days: days - 1 }).toMillis();
  const seeded = performance.now();
  let orderRows: (typeof orders.$inferInsert)[] = [];
  let itemRows: (typeof orderItems.$inferInsert)[] = [];
  let orderCount = 0;
  const flush = async () => {
    if (orderRows.length) await t.db.insert(orders).values(orderRows);
    if (itemRows.length) await t.db.insert(orderItems).values(itemRows);
    orderRows = [];
    itemRows = [];
  };
  for (const o of amazon.sandbox.world.ordersPurchasedBetween(seller, mustMarketplace(mp.marketplaceId), from, now)) {
    const updated = new Date(lastUpdateAt(o, now));
    orderRows.push({
      organizationId, storeMarketplaceId: scopeId, amazonOrderId: o.amazonOrderId, purchaseDate: new Date(o.purchaseMs),
      purchaseDay: DateTime.fromMillis(o.purchaseMs, { zone: mp.timeZone }).toISODate()!, lastUpdateDate: updated, itemsSyncedFor: updated,
      status: orderStatusAt(o, now), syncedAt: new Date(),
    });
    for (const l of o.lines)
      itemRows.push({
        organizationId, storeMarketplaceId: scopeId, amazonOrderId: o.amazonOrderId, orderItemId: l.orderItemId, asin: l.product.asin,
        sellerSku: l.product.sku, title: l.product.title, quantityOrdered: l.quantity, syncedAt: new Date(),
      });
    orderCount += 1;
    if (orderRows.length >= 1000) await flush();
  }
  await flush();
  // …and the incremental sync's success, which the task's first run waits for.
  await t.db.insert(syncStates).values({ organizationId, task: "orders-incremental", window: "since-yesterday", scopeKind: "store_marketplace", scopeId, status: "idle", lastSucceededAt: new Date(), nextDueAt: new Date() });
  // Statistics as autovacuum keeps them on a database that has been syncing for a while.
  await t.sql`analyze orders`;
  await t.sql`analyze order_items`;
  const [distinct] = await t.sql`select count(distinct seller_sku)::int as skus, count(distinct asin)::int as asins, count(*)::int as items from order_items where store_marketplace_id = ${scopeId}`;
  const onSale = amazon.sandbox.world.catalog(seller).filter((p) => !p.isParent).length;
  console.info(
    `big seller, ${mp.marketplaceId}: ${orderCount} orders of the last ${days} days (${distinct!.items} items) stored in ${((performance.now() - seeded) / 1000).toFixed(0)} s; ` +
      `${distinct!.skus} SKUs and ${distinct!.asins} ASINs sold, of ${onSale} products on sale`,
  );

  const before = await runOnce("1. before the full report", { asins: distinct!.asins, skus: distinct!.skus });
  await runOnce("2. the same run again", { asins: 0, skus: 0 });

  // The full report loads every listing; then every product's catalog details are asked for again.
  const full = syncTask("products-full");
  const planned = await planRun(t.db, full, { organizationId, scopeId, window: "full-catalog", trigger: "manual" }, { now: new Date() });
  if (!("plan" in planned)) throw new Error(planned.skipped);
  const steps = new KitSteps({ run: async (_id, fn) => fn(), sleep: async (_id, d) => new Promise((r) => setTimeout(r, Number.parseInt(d, 10) * 1000)) }, t.db, planned.plan.scope);
  const loaded = await full.run!({ plan: planned.plan, steps });
  await completeRun(t.db, full, planned.plan, { ...loaded, apiCalls: steps.apiCalls }, new Date());
  for (const table of [catalogItems, listingOffers]) await t.db.delete(table).where(eq(table.storeMarketplaceId, scopeId));
  const after = await runOnce("3. after the full report (details cleared)", { asins: distinct!.asins, skus: 0 });
  console.info(`the step reading the synced orders took ${before.pageSeconds.toFixed(2)} s and ${after.pageSeconds.toFixed(2)} s for ${distinct!.items} order items`);

  /** One run of the task at Amazon's rates, beside the least calls and time the distinct ASINs and SKUs allow. */
  async function runOnce(label: string, needed: { asins: number; skus: number }) {
    // Full buckets on both sides, as after a quiet hour.
    amazon.sandbox.quotas.reset();
    await t.db.delete(apiQuotaBuckets);
    const task = syncTask("products-from-orders");
    const plan = await planRun(t.db, task, { organizationId, scopeId, window: "sold-products", trigger: "schedule" }, { now: new Date() });
    if (!("plan" in plan)) throw new Error(plan.skipped);
    const calls: Record<string, number> = {};
    let throttled = 0;
    const watching: typeof fetch = async (input, init) => {
      const operation = detailOperationOf(input instanceof Request ? input.url : String(input));
      if (operation) calls[operation] = (calls[operation] ?? 0) + 1;
      const response = await fetch(input, init);
      if (operation && response.status === 429) throttled += 1;
      return response;
    };
    let pageSeconds = 0;
    const runSteps = new KitSteps(
      {
        run: async (id, fn) => {
          const started = performance.now();
          const out = await fn();
          if (id === "page-0") pageSeconds = (performance.now() - started) / 1000;
          return out;
        },
        sleep: async (_id, d) => new Promise((r) => setTimeout(r, Number.parseInt(d, 10) * 1000)),
      },
      t.db,
      plan.plan.scope,
      watching,
    );
    const started = performance.now();
    const result = await task.run!({ plan: plan.plan, steps: runSteps });
    const wall = (performance.now() - started) / 1000;
    await completeRun(t.db, task, plan.plan, { ...result, apiCalls: runSteps.apiCalls }, new Date());
    const catalogCalls = Math.ceil(needed.asins / 20);
    const listingCalls = Math.ceil(needed.skus / 20);
    const minimum = catalogCalls + listingCalls;
    const { searchCatalogItems: c, searchListingsItems: l } = SP_LIMITS;
    const bound = Math.max(Math.max(0, catalogCalls - c!.burst) / c!.rate, Math.max(0, listingCalls - l!.burst) / l!.rate);
    const made = Object.values(calls).reduce((a, b) => a + b, 0);
    console.info(
      `${label}: ${needed.asins} ASINs and ${needed.skus} SKUs to complete; ${made} calls (${JSON.stringify(calls)}) (${throttled} of them answered 429 and sent again) beside the minimum ${minimum} ` +
        `(${minimum ? (made / minimum).toFixed(2) : "—"}×); ${result.rowsWritten} rows written; wall ${wall.toFixed(1)} s beside the quotas' lower bound ${bound.toFixed(1)} s ` +
        `(reading the synced orders ${pageSeconds.toFixed(2)} s of it)`,
    );
    return { pageSeconds };
  }
} finally {
  await amazon.close();
  await t.drop();
}
