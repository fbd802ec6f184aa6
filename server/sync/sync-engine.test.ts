import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { adCampaignDaily, orders, storeMarketplaces, syncRuns, syncStates } from "~/db/schema";
import type { RunningSandbox } from "~/sandbox";
import { startTestAmazon } from "~/test/amazon-sandbox";
import { decimal, eventually, startSyncWorld } from "~/test/sync-world";

let t: TestDatabase;
let amazon: RunningSandbox;
let world: Awaited<ReturnType<typeof startSyncWorld>>;
let setup: Awaited<ReturnType<Awaited<ReturnType<typeof startSyncWorld>>["authorize"]>>;

beforeAll(async () => {
  t = await createTestDatabase();
  // Amazon's figures move with time (restatements, today's traffic): freeze the sandbox clock so "equal to
  // Amazon" is exact, make reports ready at once, and give the frozen quota buckets room for the test.
  amazon = await startTestAmazon({ volume: "tiny", reportDelaySeconds: 0, timeScale: 0 });
  amazon.sandbox.quotas.adsLimit = { rate: 1000, burst: 1000 };
  world = await startSyncWorld(t, amazon);
  setup = await world.authorize(0);
}, 120_000);
afterAll(async () => {
  await world?.close();
  await amazon?.close();
  await t?.drop();
});

async function truth<T>(path: string): Promise<T> {
  const response = await fetch(`${amazon.origin}/__sandbox/truth/${path}`);
  if (!response.ok) throw new Error(`truth ${path}: ${response.status}`);
  return (await response.json()) as T;
}

describe("after authorization", () => {
  it("lands 60 days of ad data equal to Amazon's, per day and campaign", { timeout: 240_000 }, async () => {
    const profile = setup.profiles.find((p) => p.marketplaceId === "ATVPDKIKX0DER")!;
    const state = await eventually("the 60-day backfill", async () => {
      const [s] = await t.db
        .select()
        .from(syncStates)
        .where(and(eq(syncStates.scopeId, profile.id), eq(syncStates.window, "backfill")));
      if (s?.status === "failed") throw new Error(`backfill failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    }, 200_000);
    expect(state).toMatchObject({ progressDone: 60, progressTotal: 60 });

    const [first] = await t.db.select({ from: sql<string>`min(day)`, to: sql<string>`max(day)` }).from(adCampaignDaily).where(eq(adCampaignDaily.adProfileId, profile.id));
    const expected = await truth<{ rows: { campaignId: number; date: string; impressions: number; clicks: number; cost: number; sales14d: number }[] }>(
      `ads/metrics?profileId=${profile.profileId}&from=${first!.from}&to=${first!.to}`,
    );
    const ours = await t.db.select().from(adCampaignDaily).where(eq(adCampaignDaily.adProfileId, profile.id));
    const key = (day: string, campaign: string | number) => `${day}/${campaign}`;
    const mine = new Map(ours.map((r) => [key(r.day, r.campaignId), r]));
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(ours.length).toBe(expected.rows.length);
    for (const row of expected.rows) {
      const got = mine.get(key(row.date, row.campaignId));
      expect(got, key(row.date, row.campaignId)).toBeDefined();
      expect({ impressions: got!.impressions, clicks: got!.clicks, cost: decimal(got!.cost), sales: decimal(got!.sales14d) }).toEqual({
        impressions: row.impressions,
        clicks: row.clicks,
        cost: decimal(row.cost),
        sales: decimal(row.sales14d),
      });
    }
  });

  it("lands the orders since local midnight yesterday, equal to Amazon's", { timeout: 120_000 }, async () => {
    const [marketplace] = await t.db.select().from(storeMarketplaces).where(and(eq(storeMarketplaces.storeId, setup.storeId), eq(storeMarketplaces.marketplaceId, "ATVPDKIKX0DER")));
    const done = await eventually("the first incremental orders sync", async () => {
      const [s] = await t.db.select().from(syncStates).where(and(eq(syncStates.scopeId, marketplace!.id), eq(syncStates.task, "orders-incremental")));
      if (s?.status === "failed") throw new Error(`orders failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    });
    const [run] = await t.db.select().from(syncRuns).where(and(eq(syncRuns.scopeId, marketplace!.id), eq(syncRuns.status, "succeeded")));
    const from = run!.windows[0]!.start;
    const { DateTime } = await import("luxon");
    const fromInstant = DateTime.fromISO(from, { zone: "America/Los_Angeles" }).toUTC().toISO()!;
    const expected = await truth<{ orders: { AmazonOrderId: string; OrderStatus: string; OrderTotal?: { Amount: string } }[] }>(
      `orders?sellerId=${setup.seller.sellerId}&marketplaceId=ATVPDKIKX0DER&from=${encodeURIComponent(fromInstant)}&to=${encodeURIComponent(done.lastStartedAt!.toISOString())}`,
    );
    const ours = await t.db.select().from(orders).where(eq(orders.storeMarketplaceId, marketplace!.id));
    const mine = new Map(ours.map((o) => [o.amazonOrderId, o]));
    expect(expected.orders.length).toBeGreaterThan(0);
    for (const o of expected.orders) {
      const got = mine.get(o.AmazonOrderId);
      expect(got, o.AmazonOrderId).toBeDefined();
      expect({ status: got!.status, total: got!.orderTotal === null ? null : decimal(got!.orderTotal) }).toEqual({
        status: o.OrderStatus,
        total: o.OrderTotal ? decimal(o.OrderTotal.Amount) : null,
      });
    }
  });
});
