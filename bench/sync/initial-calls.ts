/**
 * The API calls of the initial sync after authorizing one sandbox seller (store + ads), beside the minimum
 * the report ranges and page sizes require.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sync/initial-calls.ts [tiny|small]
 */
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase } from "~/db/testing";
import { orders, syncRuns, syncStates } from "~/db/schema";
import { startTestAmazon } from "~/test/amazon-sandbox";
import { eventually, startSyncWorld } from "~/test/sync-world";

process.env.ENCRYPTION_KEYS ??= `bench:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.TEST_DATABASE_SERVER_URL ??= process.env.DATABASE_URL;
const volume = (process.argv[2] ?? "tiny") as "tiny" | "small";

// Sandbox time runs 50× faster, and our request pacing with it, so quotas bind as they would on Amazon
// without making the benchmark wait real minutes.
process.env.AMAZON_QUOTA_SCALE = "50";
const t = await createTestDatabase();
const amazon = await startTestAmazon({ volume, reportDelaySeconds: 0, timeScale: 50 });
const world = await startSyncWorld(t, amazon);
try {
  const started = Date.now();
  const setup = await world.authorize(0);
  for (const p of setup.profiles)
    await eventually(`backfill of ${p.countryCode}`, async () => {
      const [s] = await t.db.select().from(syncStates).where(and(eq(syncStates.scopeId, p.id), eq(syncStates.window, "backfill")));
      return s?.lastSucceededAt;
    }, 600_000);
  await eventually("first orders syncs", async () => {
    const rows = await t.db.select().from(syncStates).where(and(eq(syncStates.task, "orders-incremental"), sql`${syncStates.lastSucceededAt} is not null`));
    return rows.length >= 3;
  }, 600_000);
  const seconds = (Date.now() - started) / 1000;

  const runs = await t.db.select().from(syncRuns).where(eq(syncRuns.status, "succeeded"));
  const ads = runs.filter((r) => r.task === "ads-performance" && r.window === "backfill");
  const orderRuns = runs.filter((r) => r.task === "orders-incremental");
  const adsCalls = ads.reduce((n, r) => n + r.apiCalls, 0);
  const adsReports = ads.reduce((n, r) => n + r.windows.length * 5, 0);
  const perMarketplace = await t.db
    .select({ count: sql<number>`count(*)::int` })
    .from(orders)
    .groupBy(orders.storeMarketplaceId);
  const count = perMarketplace.reduce((n, m) => n + m.count, 0);
  const pages = perMarketplace.reduce((n, m) => n + Math.max(1, Math.ceil(m.count / 100)), 0);
  const ordersCalls = orderRuns.reduce((n, r) => n + r.apiCalls, 0);
  console.info(`volume ${volume}: ${setup.profiles.length} ad profiles, ${orderRuns.length} marketplaces, initial sync done in ${seconds.toFixed(1)} s`);
  console.info(`ads backfill (60 days): ${adsReports} reports; ${adsCalls} API calls; minimum ${adsReports * 2} (one create + one status per report)`);
  console.info(`orders since yesterday: ${count} orders; ${ordersCalls} API calls; minimum ${pages + count} (${pages} getOrders pages of 100 + one getOrderItems per order)`);
} finally {
  await world.close();
  await amazon.close();
  await t.drop();
}
