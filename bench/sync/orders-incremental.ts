/**
 * Incremental orders for a big seller (SANDBOX_VOLUME=big: about 2,150 orders a day in the US), at Amazon's
 * published rates: after the first pass (every order since 00:00 yesterday, with its items), each run lists
 * what changed since the last run's listing reached and fetches the items of each changed order. For every run:
 *   - the API calls it sent beside the minimum: a getOrders page per 100 orders changed, and one
 *     getOrderItems per order whose items are not stored for its current version;
 *   - its wall time beside the 15-minute cadence it must fit in, and beside the lower bound Amazon's quotas
 *     allow for those calls (bursts of 20 and 30, then 1/min and 0.5/s).
 * Between runs, Amazon's clock (the sandbox's) moves on by the cadence, and our quota buckets refill by as
 * much. The first pass runs with quotas 200 times Amazon's (it is not what this measures: a big seller's
 * first pass takes hours at Amazon's rates, as its figures say); the runs after it at Amazon's own.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sync/orders-incremental.ts [runs=4] [gapMinutes=15]
 */
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase } from "~/db/testing";

process.env.ENCRYPTION_KEYS ??= `bench:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.TEST_DATABASE_SERVER_URL ??= process.env.DATABASE_URL;
// The sandbox announces its rates in x-amzn-RateLimit-Limit, and our buckets follow it.
delete process.env.AMAZON_QUOTA_SCALE;
const runs = Number(process.argv[2] ?? 4);
const gapMinutes = Number(process.argv[3] ?? 15);

const { startTestAmazon } = await import("~/test/amazon-sandbox");
const { authorizeStoreOnly } = await import("./authorized-store");
const { apiQuotaBuckets, orders } = await import("~/db/schema");
const { completeRun, planRun } = await import("~/server/sync/kit/plan");
const { KitSteps } = await import("~/server/sync/kit/steps");
const { syncTask } = await import("~/server/sync/registry");
const { SP_LIMITS } = await import("~/sandbox/quota");

const FIRST_PASS_SCALE = 200;
const t = await createTestDatabase();
process.env.DATABASE_URL = t.url;
const amazon = await startTestAmazon({ volume: "big", reportDelaySeconds: 0, timeScale: 1, quotaScale: FIRST_PASS_SCALE });
const task = syncTask("orders-incremental");
try {
  const { member: m, marketplace: mp } = await authorizeStoreOnly(t, amazon);
  const scopeId = mp.id;

  const first = await runOnce(m.organizationId, scopeId);
  console.info(`big seller, first pass (quotas ×${FIRST_PASS_SCALE}; the lower bound is at Amazon's rates): ${first.line}`);

  // Amazon's own rates from here on, on both sides.
  for (const [operation, limit] of Object.entries(SP_LIMITS)) amazon.sandbox.quotas.spLimits[operation] = { ...limit };
  amazon.sandbox.quotas.reset();
  await t.db.delete(apiQuotaBuckets);
  const walls: number[] = [];
  for (let i = 1; i <= runs; i++) {
    amazon.sandbox.clock.advance(gapMinutes * 60_000);
    // Our buckets refill by the same time (they run on the real clock, which the benchmark does not wait for).
    await t.db.update(apiQuotaBuckets).set({ updatedAt: sql`${apiQuotaBuckets.updatedAt} - make_interval(mins => ${gapMinutes})` });
    const run = await runOnce(m.organizationId, scopeId);
    walls.push(run.wall);
    console.info(`run ${i}, ${gapMinutes} min after the last (Amazon's rates): ${run.line}`);
  }
  console.info(`slowest run ${Math.max(...walls).toFixed(1)} s of the ${gapMinutes}-minute cadence (${((Math.max(...walls) / (gapMinutes * 60)) * 100).toFixed(1)} %)`);
} finally {
  await amazon.close();
  await t.drop();
}

/** One run of the task, its steps in place and its sleeps real, and what it cost beside the least it could. */
async function runOnce(organizationId: string, scopeId: string) {
  const now = new Date(amazon.sandbox.clock.now());
  const planned = await planRun(t.db, task, { organizationId, scopeId, window: "since-yesterday", trigger: "schedule" }, { now });
  if (!("plan" in planned)) throw new Error(planned.skipped);
  // Which orders already have their items for the version stored, before the run.
  const before = new Map(
    (await t.db.select({ id: orders.amazonOrderId, version: orders.lastUpdateDate, items: orders.itemsSyncedFor }).from(orders).where(eq(orders.storeMarketplaceId, scopeId))).map((o) => [
      o.id,
      o.items?.getTime() === o.version.getTime() ? o.version.getTime() : null,
    ]),
  );
  const listed = new Map<string, number>();
  let pages = 0;
  const watching: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes("/orders/v0/orders?") && response.ok) {
      pages += 1;
      for (const o of ((await response.clone().json()) as { payload: { Orders: { AmazonOrderId: string; LastUpdateDate: string }[] } }).payload.Orders)
        listed.set(o.AmazonOrderId, Date.parse(o.LastUpdateDate));
    }
    return response;
  };
  const steps = new KitSteps(
    { run: async (_id, fn) => fn(), sleep: async (_id, duration) => new Promise((r) => setTimeout(r, Number.parseInt(duration, 10) * 1000)) },
    t.db,
    planned.plan.scope,
    watching,
  );
  const started = performance.now();
  const result = await task.run!({ plan: planned.plan, steps });
  const wall = (performance.now() - started) / 1000;
  await completeRun(t.db, task, planned.plan, { ...result, apiCalls: steps.apiCalls }, new Date(amazon.sandbox.clock.now()));

  // The least Amazon allows: a page per 100 listed orders; items for each order whose stored items are not of
  // its current version (listed ones at their new version, and any stored earlier without their items).
  let needItems = 0;
  for (const [id, version] of listed) if (before.get(id) !== version) needItems += 1;
  for (const [id, itemsFor] of before) if (!listed.has(id) && itemsFor === null) needItems += 1;
  const minimumPages = Math.max(1, Math.ceil(listed.size / 100));
  const minimum = minimumPages + needItems;
  // Amazon's quotas for those calls: getOrders 20 then one a minute, getOrderItems 30 then one every 2 s.
  const bound = Math.max(0, minimumPages - 20) / SP_LIMITS.getOrders!.rate + Math.max(0, needItems - 30) / SP_LIMITS.getOrderItems!.rate;
  const line =
    `${listed.size} orders listed in ${pages} pages, items fetched for ${needItems}; ` +
    `${steps.apiCalls} API calls beside the minimum ${minimum} (${(steps.apiCalls / minimum).toFixed(2)}×); ` +
    `wall ${wall.toFixed(1)} s beside the quotas' lower bound ${bound.toFixed(1)} s`;
  return { wall, line };
}
