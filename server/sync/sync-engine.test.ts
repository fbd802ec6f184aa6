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
  // The store's report tasks (removals, reimbursements, storage fees) backfill months beside the ads and
  // orders this test looks at: SP-API buckets that refill on the frozen clock must not run dry either.
  for (const limit of Object.values(amazon.sandbox.quotas.spLimits)) limit.burst = 1000;
  world = await startSyncWorld(t, amazon);
  setup = await world.authorize(0);
}, 120_000);
afterAll(async () => {
  await world?.close();
  await amazon?.close();
  await t?.drop();
});

/** The initial 60-day backfill of a profile, which authorization started. */
function backfilled(adProfileId: string) {
  return eventually("the 60-day backfill", async () => {
    const [s] = await t.db.select().from(syncStates).where(and(eq(syncStates.task, "ads-performance"), eq(syncStates.scopeId, adProfileId), eq(syncStates.window, "backfill")));
    if (s?.status === "failed") throw new Error(`backfill failed: ${s.lastError}`);
    return s?.lastSucceededAt ? s : null;
  }, 200_000);
}

async function truth<T>(path: string): Promise<T> {
  const response = await fetch(`${amazon.origin}/__sandbox/truth/${path}`);
  if (!response.ok) throw new Error(`truth ${path}: ${response.status}`);
  return (await response.json()) as T;
}

describe("after authorization", () => {
  it("lands 60 days of ad data equal to Amazon's, per day and campaign", { timeout: 240_000 }, async () => {
    const profile = setup.profiles.find((p) => p.marketplaceId === "ATVPDKIKX0DER")!;
    const state = await backfilled(profile.id);
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
    const [run] = await t.db.select().from(syncRuns).where(and(eq(syncRuns.scopeId, marketplace!.id), eq(syncRuns.task, "orders-incremental"), eq(syncRuns.status, "succeeded")));
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

describe("running again", () => {
  it("changes nothing when Amazon's data has not changed", { timeout: 120_000 }, async () => {
    const profile = setup.profiles.find((p) => p.marketplaceId === "ATVPDKIKX0DER")!;
    const checksum = async () =>
      (await t.sql`select md5(string_agg(t::text, ',' order by t::text)) as h from ad_campaign_daily t where ad_profile_id = ${profile.id}`)[0]!.h as string;
    await backfilled(profile.id);
    const before = await checksum();
    const run = await world.runWindow({ organizationId: setup.member.organizationId, adProfileId: profile.id, window: "backfill" });
    expect(run).toMatchObject({ status: "succeeded", rowsWritten: 0 });
    expect(run.apiCalls).toBeGreaterThan(0);
    expect(await checksum()).toBe(before);

    const [marketplace] = await t.db.select().from(storeMarketplaces).where(and(eq(storeMarketplaces.storeId, setup.storeId), eq(storeMarketplaces.marketplaceId, "ATVPDKIKX0DER")));
    const ordersBefore = (await t.sql`select md5(string_agg(t::text, ',' order by t::text)) as h from (select o.*, i.* from orders o left join order_items i using (store_marketplace_id, amazon_order_id) where o.store_marketplace_id = ${marketplace!.id}) t`)[0]!.h;
    const again = await world.runOrders({ organizationId: setup.member.organizationId, storeMarketplaceId: marketplace!.id });
    expect(again).toMatchObject({ status: "succeeded", rowsWritten: 0 });
    const ordersAfter = (await t.sql`select md5(string_agg(t::text, ',' order by t::text)) as h from (select o.*, i.* from orders o left join order_items i using (store_marketplace_id, amazon_order_id) where o.store_marketplace_id = ${marketplace!.id}) t`)[0]!.h;
    expect(ordersAfter).toBe(ordersBefore);
  });
});

describe("secrets at rest", () => {
  it("a dump of every table after the full sync holds no access token, refresh token or signed URL in plaintext", { timeout: 240_000 }, async () => {
    for (const profile of setup.profiles) await backfilled(profile.id);
    const tables = await t.sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public'`;
    let rows = 0;
    const leaks: string[] = [];
    for (const { name } of tables) {
      const dump = await t.sql.unsafe<{ row: string }[]>(`select t::text as row from "${name}" t`);
      rows += dump.length;
      for (const { row } of dump) {
        const found = /Atza\||Atzr\||X-Amz-Signature|\/__docs\//.exec(row);
        if (found) leaks.push(`${name}: …${row.slice(Math.max(0, found.index - 40), found.index + 60)}…`);
      }
    }
    // The scan saw the sync's step results, grants and data, not an empty database.
    expect(rows).toBeGreaterThan(1000);
    // Finished Ads reports' URLs are in the poll steps' results, sealed (secrets at rest start "v1.").
    const polls = await t.sql<{ memo: string }[]>`select memo::text as memo from executor_steps where name like 'report-poll-%'`;
    expect(polls.some((p) => /"document": "v1\./.test(p.memo))).toBe(true);
    expect(leaks).toEqual([]);
  });
});

describe("restatements", () => {
  it("a restated day 4 changes with the next daily refresh, not before", { timeout: 180_000 }, async () => {
    const profile = setup.profiles.find((p) => p.marketplaceId === "ATVPDKIKX0DER")!;
    const { DateTime } = await import("luxon");
    // Day 4, two days before it is day 6: the days Amazon restates most (a fifth of its conversions are booked
    // then; a day 20 gains under 1%, which a small seller's few purchases may not show).
    const day4 = DateTime.now().setZone(profile.timeZone).minus({ days: 3 }).toISODate()!;
    const truthOf = async () =>
      (await truth<{ rows: { campaignId: number; sales14d: number }[] }>(`ads/metrics?profileId=${profile.profileId}&from=${day4}&to=${day4}`)).rows
        .map((r) => `${r.campaignId}:${decimal(r.sales14d)}`)
        .sort();
    const oursOf = async () =>
      (await t.db.select().from(adCampaignDaily).where(and(eq(adCampaignDaily.adProfileId, profile.id), eq(adCampaignDaily.day, day4))))
        .map((r) => `${r.campaignId}:${decimal(r.sales14d)}`)
        .sort();
    await backfilled(profile.id);
    const stored = await oursOf();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(await truthOf());

    // Amazon books late conversions: two days on, day 4's sales are restated.
    amazon.sandbox.clock.advance(2 * 86_400_000);
    const restated = await truthOf();
    expect(restated).not.toEqual(stored);

    const scope = { organizationId: setup.member.organizationId, adProfileId: profile.id };
    await world.runWindow({ ...scope, window: "last-2-days" });
    expect(await oursOf()).toEqual(stored);

    await world.runWindow({ ...scope, window: "days-3-to-60" });
    expect(await oursOf()).toEqual(restated);
  });
});

describe("a hostile Amazon", () => {
  it("asks again for an advertising report Amazon no longer knows (404), and loads it", { timeout: 180_000 }, async () => {
    const profile = setup.profiles.find((p) => p.marketplaceId === "ATVPDKIKX0DER")!;
    await backfilled(profile.id);
    const faults = amazon.sandbox.faults;
    faults.set("createAsyncReport", { reportLost: true });
    // Only the first report Amazon accepts is lost.
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (String(input).endsWith("/reporting/reports") && init?.method === "POST" && response.ok) faults.set("createAsyncReport", { reportLost: false });
      return response;
    };
    try {
      const run = await world.runWindow({ organizationId: setup.member.organizationId, adProfileId: profile.id, window: "last-2-days" });
      expect(run.status).toBe("succeeded");
    } finally {
      globalThis.fetch = realFetch;
      faults.clear();
    }
    expect((await t.sql`select count(*)::int as n from executor_steps where name like '%recreate-%'`)[0]!.n).toBeGreaterThan(0);
  });

  it("converges despite 10% 5xx, forced 429 bursts and a failed report", { timeout: 240_000 }, async () => {
    const profile = setup.profiles.find((p) => p.marketplaceId === "A2EUQ1WTGCTBG2")!;
    await backfilled(profile.id);
    const faults = amazon.sandbox.faults;
    faults.set("*", { errorRate: 0.1 });
    faults.set("createAsyncReport", { force429: 3, reportOutcome: "FATAL" });
    faults.set("getAsyncReport", { force429: 3 });
    // The first report Amazon accepts fails to generate; later ones are fine.
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (String(input).endsWith("/reporting/reports") && init?.method === "POST" && response.ok) faults.set("createAsyncReport", { reportOutcome: undefined });
      return response;
    };
    let run: Awaited<ReturnType<typeof world.runWindow>>;
    try {
      run = await world.runWindow({ organizationId: setup.member.organizationId, adProfileId: profile.id, window: "last-2-days" });
      expect(run.status).toBe("succeeded");
    } finally {
      globalThis.fetch = realFetch;
      faults.clear();
    }
    const recreated = await t.sql`select count(*)::int as n from executor_steps where name like '%recreate-%'`;
    expect(recreated[0]!.n).toBeGreaterThan(0);

    const { start, end } = run.windows[0]!;
    const days = await t.db
      .select({ day: adCampaignDaily.day, campaignId: adCampaignDaily.campaignId, impressions: adCampaignDaily.impressions, cost: adCampaignDaily.cost })
      .from(adCampaignDaily)
      .where(and(eq(adCampaignDaily.adProfileId, profile.id), sql`${adCampaignDaily.day} between ${start} and ${end}`));
    const expected = await truth<{ rows: { campaignId: number; date: string; impressions: number; cost: number }[] }>(
      `ads/metrics?profileId=${profile.profileId}&from=${start}&to=${end}`,
    );
    expect(days.length).toBe(expected.rows.length);
    const mine = new Map(days.map((d) => [`${d.day}/${d.campaignId}`, `${d.impressions}/${decimal(d.cost)}`]));
    for (const r of expected.rows) {
      expect(mine.get(`${r.date}/${r.campaignId}`), `${r.date}/${r.campaignId}`).toBe(`${r.impressions}/${decimal(r.cost)}`);
    }
  });
});
