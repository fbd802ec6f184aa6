/**
 * Historical orders for a big seller (SANDBOX_VOLUME=big: about 2,150 orders a day): the year before
 * yesterday, through the task's own run (reports in volume-sized spans, rounds of createReport's burst,
 * orders not stored yet COPY'd into orders and order_items), with real quotas on both sides scaled by the same factor.
 * Printed beside it, from the same run:
 *   - the lower bound Amazon allows: createReport's burst (15), then one report per 1/rate, plus one report
 *     delay for the last report;
 *   - the loader's lines per second (download, decoding, checks, building and COPY; not the quota waits) beside
 *     two plain COPYs in the same run: of the same report lines into an unindexed table of text columns
 *     (the fastest anything can write them), and of the rows the merge wrote into empty copies of orders
 *     and order_items with their keys (what storing those rows costs the database at the least), a
 *     transaction per report as the loader.
 * The quota scale stays below 12, so a createReport slot (60 s ÷ scale) is longer than a step waits in
 * place (5 s), as at Amazon's own rates: the run then loads finished reports while it waits for the next slot.
 * The task's volume measurement is seeded with the seller's true orders since 00:00 yesterday (what the
 * incremental sync would have stored), so only this task runs.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sync/orders-history.ts [quotaScale=10] [reportDelaySeconds=20] [days=365]
 */
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "~/db/testing";
import type { CopyValue } from "~/server/sync/replace-days";

process.env.ENCRYPTION_KEYS ??= `bench:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.TEST_DATABASE_SERVER_URL ??= process.env.DATABASE_URL;
process.env.SYNC_REPORT_POLL_SECONDS ??= "1";
const scale = Number(process.argv[2] ?? 10);
const delaySeconds = Number(process.argv[3] ?? 20);
const days = Number(process.argv[4] ?? 365);
// Only the sandbox's quotas are scaled: its x-amzn-RateLimit-Limit tells our buckets the faster rates, as
// Amazon's header tells them a seller's own plan (scaling ours too would run them ahead of Amazon's).
delete process.env.AMAZON_QUOTA_SCALE;

const { startTestAmazon } = await import("~/test/amazon-sandbox");
const { authorizeStoreOnly } = await import("./authorized-store");
const { orders, syncStates } = await import("~/db/schema");
const { planRun } = await import("~/server/sync/kit/plan");
const { KitSteps } = await import("~/server/sync/kit/steps");
const { ordersHistory } = await import("~/server/sync/tasks/orders-history");
const { buildDocument, requestFor } = await import("~/sandbox/spapi/report-docs");
const { mustMarketplace } = await import("~/sandbox/world/marketplaces");
const { copyInto } = await import("~/server/sync/replace-days");

const t = await createTestDatabase();
process.env.DATABASE_URL = t.url;
const amazon = await startTestAmazon({ volume: "big", reportDelaySeconds: delaySeconds, timeScale: 1, quotaScale: scale });
const REPORT = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL";
try {
  const { member: m, seller, marketplace: mp } = await authorizeStoreOnly(t, amazon);
  const scopeId = mp.id;

  // What the incremental sync would have measured: the seller's orders since 00:00 yesterday, and its success.
  const now = new Date();
  const { DateTime } = await import("luxon");
  const yesterday = DateTime.fromJSDate(now, { zone: mp.timeZone }).startOf("day").minus({ days: 1 });
  const recent = [...amazon.sandbox.world.ordersPurchasedBetween(seller, mustMarketplace("ATVPDKIKX0DER"), yesterday.toMillis(), now.getTime())];
  if (recent.length) {
    for (let i = 0; i < recent.length; i += 1000)
      await t.db.insert(orders).values(recent.slice(i, i + 1000).map((o) => ({
        organizationId: m.organizationId, storeMarketplaceId: scopeId, amazonOrderId: o.amazonOrderId, purchaseDate: new Date(o.purchaseMs),
        purchaseDay: DateTime.fromMillis(o.purchaseMs, { zone: mp.timeZone }).toISODate()!, lastUpdateDate: new Date(o.purchaseMs), status: "Pending", syncedAt: now,
      })));
  }
  await t.db.insert(syncStates).values({ organizationId: m.organizationId, task: "orders-incremental", window: "since-yesterday", scopeKind: "store_marketplace", scopeId, status: "idle", lastSucceededAt: now, nextDueAt: now });

  const planned = await planRun(t.db, ordersHistory, { organizationId: m.organizationId, scopeId, window: "backfill", trigger: "authorization" }, { now });
  if (!("plan" in planned)) throw new Error(planned.skipped);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  // Steps run in place, sleeps are real: the run takes exactly the time the quotas and reports make it take.
  const steps = new KitSteps(
    {
      run: async (_id, fn) => fn(),
      sleep: async (_id, duration) => new Promise((r) => setTimeout(r, Number.parseInt(duration, 10) * 1000)),
    },
    t.db,
    planned.plan.scope,
  );
  const started = performance.now();
  // A shorter history (its most recent days) for a quick look; the year by default.
  if (days < planned.plan.days.length) planned.plan.days.splice(0, planned.plan.days.length - days);
  const result = await ordersHistory.run!({ plan: planned.plan, steps });
  const wall = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const detail = result.detail as { spanDays: number; ordersPerDay: number; reports: number; lines: number; loadSeconds: number };
  const loadSeconds = detail.loadSeconds;

  // createReport refills at 0.0167/s (scaled), after a burst of 15; the last report then takes its delay.
  const rate = 0.0167 * scale;
  const lowerBound = Math.max(0, detail.reports - 15) / rate + delaySeconds;

  // The same lines, plainly COPY'd into an unindexed table of text columns.
  const records = amazon.sandbox.reports.forSeller(seller.sellerId).filter((r) => r.reportType === REPORT);
  const texts = records.map((r) => buildDocument(amazon.sandbox, requestFor(amazon.sandbox, r, seller))).flatMap((d) => (d.kind === "rows" ? [d.text.slice(d.text.indexOf("\n") + 1)] : []));
  const columns = 32;
  await t.sql.unsafe(`create table plain_copy (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(", ")})`);
  const copyStarted = performance.now();
  let copied = 0;
  // A transaction per report, as the loader: a pooled COPY's end may otherwise wait for another statement.
  for (const text of texts) {
    const rows = text.split("\n").length - 1;
    await t.sql.begin((tx) => copyInto(tx`copy plain_copy from stdin`, (push) => push.copyText(text, rows)));
    copied += rows;
  }
  const copySeconds = (performance.now() - copyStarted) / 1000;

  // The rows the merge wrote, COPY'd as they are into empty tables like orders and order_items (their keys
  // and indexes, no scope triggers), a report's worth at a time.
  const keyedSeconds = await copyIntoKeyedTables(t.sql, scopeId, detail.reports);

  const [{ n: stored }] = (await t.sql`select count(*)::int as n from order_items where store_marketplace_id = ${scopeId}`) as unknown as [{ n: number }];
  console.info(`big seller: ${detail.ordersPerDay} orders/day measured → ${detail.spanDays}-day spans, ${detail.reports} reports, ${detail.lines} lines (${stored} order items stored)`);
  console.info(`wall ${wall.toFixed(1)} s beside the lower bound ${lowerBound.toFixed(1)} s (quota ×${scale}, report delay ${delaySeconds} s): ${(wall / lowerBound).toFixed(2)}×`);
  const loading = detail.lines / loadSeconds;
  console.info(`loading ${loading.toFixed(0)} lines/s (${loadSeconds.toFixed(1)} s)`);
  console.info(`  beside a plain COPY of the lines into an unindexed table ${(copied / copySeconds).toFixed(0)} lines/s (${copySeconds.toFixed(1)} s): ${(loading / (copied / copySeconds)).toFixed(2)}×`);
  console.info(`  beside a plain COPY of the merged rows into keyed tables ${(detail.lines / keyedSeconds).toFixed(0)} lines/s (${keyedSeconds.toFixed(1)} s): ${(loading / (detail.lines / keyedSeconds)).toFixed(2)}×`);
  console.info(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (sandbox and product in one process)`);
} finally {
  await amazon.close();
  await t.drop();
}

/** Seconds to COPY the scope's stored orders and items, in `pieces` transactions, into fresh keyed tables. */
async function copyIntoKeyedTables(sql: typeof t.sql, scopeId: string, pieces: number): Promise<number> {
  let seconds = 0;
  for (const table of ["orders", "order_items"]) {
    await sql.unsafe(`create table plain_${table} (like ${table} including all)`);
    // The rows as text, fetched first so only the write is timed. (Read by a plain query: a pooled COPY …
    // TO STDOUT read to its end can leave its connection busy, and the next statement then waits on it.)
    const columns = (await sql`select column_name from information_schema.columns where table_name = ${table} order by ordinal_position`).map((r) => r.column_name as string);
    const rows = (await sql.unsafe(`select ${columns.map((c) => `${c}::text`).join(", ")} from ${table} where store_marketplace_id = $1`, [scopeId]).values()) as CopyValue[][];
    const per = Math.ceil(rows.length / pieces);
    const started = performance.now();
    for (let from = 0; from < rows.length; from += per)
      await sql.begin((tx) => copyInto(tx.unsafe(`copy plain_${table} (${columns.join(", ")}) from stdin`), (push) => push(rows.slice(from, from + per))));
    seconds += (performance.now() - started) / 1000;
  }
  return seconds;
}
