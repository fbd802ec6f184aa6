import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { adCampaignDaily, adChanges, adEntities, AD_ENTITY_KINDS, adTargetDaily, type AdEntityKind } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { AD_ENTITY_ENDPOINTS } from "~/server/amazon/ads-entities";
import { adEntityFromAmazon } from "~/server/advertising/entities/from-amazon";
import { syncSelectedSettingsNow } from "~/server/advertising/entities/sync-now";
import { dueSyncRequests } from "~/server/sync/scheduler";
import { createMemberOf } from "~/test/factories";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { decimal, eventually } from "~/test/sync-world";

/*
 * Advertising ③ and ④ end to end against the sandbox Amazon: the account listed at authorization equals
 * Amazon's; Seller Central's changes arrive with the 12-hour run (or the button) and are recorded in the
 * history; an entity added in Seller Central stays unknown until it receives impressions or the seller asks
 * for the additions; every re-run writes nothing.
 */

const US = "ATVPDKIKX0DER";
const { ctx, stateOf } = setUpReportTaskWorld();
let adProfileId: string;
let amazonProfileId: string;
let organizationId: string;

beforeAll(async () => {
  const profile = ctx.setup.profiles.find((p) => p.marketplaceId === US)!;
  adProfileId = profile.id;
  amazonProfileId = profile.profileId;
  organizationId = ctx.setup.member.organizationId;
  await eventually("the ad account's first listing", async () => {
    const s = await stateOf("ads-settings", adProfileId, "backfill");
    if (s?.status === "failed") throw new Error(`ads-settings failed: ${s.lastError}`);
    return s?.lastSucceededAt && s.status !== "running";
  }, 280_000);
}, 300_000);

async function truth(): Promise<Record<string, Array<Record<string, unknown>>>> {
  return (await (await fetch(`${ctx.amazon.origin}/__sandbox/truth/ads/entities?profileId=${amazonProfileId}`)).json()) as Record<string, Array<Record<string, unknown>>>;
}

async function inSellerCentral(body: Record<string, unknown>) {
  const response = await fetch(`${ctx.amazon.origin}/__sandbox/ads/console`, { method: "POST", body: JSON.stringify({ profileId: amazonProfileId, ...body }) });
  expect(response.status).toBe(200);
  return (await response.json()) as { entity: Record<string, unknown>; children?: { adGroups: string[]; keywords: string[] } };
}

const stored = (kind: AdEntityKind) =>
  ctx.t.db.select().from(adEntities).where(and(eq(adEntities.adProfileId, adProfileId), eq(adEntities.kind, kind))).orderBy(asc(adEntities.entityId));
const entity = async (kind: AdEntityKind, id: string) =>
  (await ctx.t.db.select().from(adEntities).where(and(eq(adEntities.adProfileId, adProfileId), eq(adEntities.kind, kind), eq(adEntities.entityId, id))))[0];
const history = () => ctx.t.db.select().from(adChanges).where(eq(adChanges.adProfileId, adProfileId)).orderBy(asc(adChanges.at), asc(adChanges.field));
const run = (task: string, window: string) => ctx.world.run(task, { organizationId, scopeId: adProfileId, window });

describe("ad settings and additions", () => {
  it("lists the whole account at authorization, every kind and state, equal to Amazon's, with no history yet", async () => {
    const amazon = await truth();
    for (const kind of AD_ENTITY_KINDS) {
      const expected = (amazon[AD_ENTITY_ENDPOINTS[kind].plural] ?? []).map((raw) => adEntityFromAmazon(kind, raw)).sort((a, b) => a.entityId.localeCompare(b.entityId));
      const rows = await stored(kind);
      expect(rows.map((r) => r.entityId), kind).toEqual(expected.map((e) => e.entityId));
      for (const [i, row] of rows.entries()) {
        const e = expected[i]!;
        expect({ state: row.state, campaignId: row.campaignId, adGroupId: row.adGroupId, name: row.name, keywordText: row.keywordText, matchType: row.matchType, sku: row.sku, seenBy: row.seenBy, biddingStrategy: row.biddingStrategy, placementTop: row.placementTop, placementProductPage: row.placementProductPage, placementRestOfSearch: row.placementRestOfSearch }, `${kind} ${row.entityId}`).toEqual({
          state: e.state, campaignId: e.campaignId, adGroupId: e.adGroupId, name: e.name, keywordText: e.keywordText, matchType: e.matchType, sku: e.sku, seenBy: "authorization",
          biddingStrategy: e.biddingStrategy, placementTop: e.placementTop, placementProductPage: e.placementProductPage, placementRestOfSearch: e.placementRestOfSearch,
        });
        for (const money of ["budget", "defaultBid", "bid"] as const) expect(row[money] === null ? null : decimal(row[money]), `${kind} ${money}`).toEqual(e[money] === null ? null : decimal(e[money]));
      }
    }
    expect((await stored("campaign")).length).toBeGreaterThan(2);
    expect((await stored("campaign")).some((c) => c.placementTop !== null || c.placementProductPage !== null)).toBe(true);
    expect((await stored("keyword")).length).toBeGreaterThan(5);
    // Archived entities are stored too: performance of the last 60 days may name them.
    expect((amazon.campaigns ?? []).length).toBe((await stored("campaign")).length);
    expect(await history()).toEqual([]);
  }, 60_000);

  it("picks up Seller Central's changes to bids, budgets and status with the 12-hour run, records each, and a re-run writes nothing", async () => {
    const [campaign] = (await stored("campaign")).filter((c) => c.state === "ENABLED");
    const [keyword] = (await stored("keyword")).filter((k) => k.state === "ENABLED" && k.bid !== null);
    const [adGroup] = (await stored("adGroup")).filter((g) => g.state === "ENABLED");
    await inSellerCentral({ action: "setBudget", id: campaign!.entityId, budget: 37.5 });
    await inSellerCentral({ action: "setBid", kind: "keyword", id: keyword!.entityId, bid: 0.91 });
    await inSellerCentral({ action: "setState", kind: "adGroup", id: adGroup!.entityId, state: "PAUSED" });
    await inSellerCentral({ action: "setPlacement", id: campaign!.entityId, placement: "PLACEMENT_REST_OF_SEARCH", percentage: 35 });

    // Not before about 12 hours after the account was listed (the scheduler's clock moved, nothing else).
    const due = async (hours: number) =>
      (await dueSyncRequests(ctx.t.db, new Date(listedAt.getTime() + hours * 3_600_000))).some((r) => r.name === "sync/ads-settings.requested" && r.data.scopeId === adProfileId && r.data.window === "all-entities");
    const listedAt = (await stateOf("ads-settings", adProfileId, "backfill"))!.lastStartedAt!;
    expect(await due(11.9)).toBe(false);
    expect(await due(12.6)).toBe(true);

    const first = await run("ads-settings", "all-entities");
    expect(first.rowsWritten).toBe(3);
    expect((await entity("campaign", campaign!.entityId))!.placementRestOfSearch).toBe(35);
    expect(decimal((await entity("campaign", campaign!.entityId))!.budget!)).toBe("37.5");
    expect(decimal((await entity("keyword", keyword!.entityId))!.bid!)).toBe("0.91");
    expect((await entity("adGroup", adGroup!.entityId))!.state).toBe("PAUSED");
    const changes = await history();
    expect(changes.map((c) => [c.kind, c.entityId, c.field, c.before === null ? null : decimal(c.before), c.after === null ? null : decimal(c.after), c.source, c.result]).sort()).toEqual(
      [
        ["adGroup", adGroup!.entityId, "state", "ENABLED", "PAUSED", "seller_central", "detected"],
        ["campaign", campaign!.entityId, "budget", decimal(campaign!.budget!), "37.5", "seller_central", "detected"],
        ["campaign", campaign!.entityId, "placementRestOfSearch", campaign!.placementRestOfSearch === null ? null : String(campaign!.placementRestOfSearch), "35", "seller_central", "detected"],
        ["keyword", keyword!.entityId, "bid", decimal(keyword!.bid!), "0.91", "seller_central", "detected"],
      ].sort(),
    );
    expect(changes.find((c) => c.kind === "campaign")!.entityLabel).toBe(campaign!.name);

    const again = await run("ads-settings", "all-entities");
    expect(again.rowsWritten).toBe(0);
    expect(await history()).toHaveLength(4);
  }, 300_000);

  it("leaves a campaign created in Seller Central unknown to the settings run; Synchronize Amazon Additions stores it and its children", async () => {
    const made = await inSellerCentral({ action: "createCampaign", name: "Made in Seller Central", budget: 12, keywords: ["blue widget", "red widget"] });
    const id = String(made.entity.campaignId);
    await run("ads-settings", "all-entities");
    expect(await entity("campaign", id)).toBeUndefined();

    await run("ads-additions", "full-pass");
    expect(await entity("campaign", id)).toMatchObject({ name: "Made in Seller Central", state: "ENABLED", seenBy: "additions-sync" });
    for (const g of made.children!.adGroups) expect(await entity("adGroup", g)).toMatchObject({ campaignId: id, seenBy: "additions-sync" });
    for (const k of made.children!.keywords) expect(await entity("keyword", k)).toMatchObject({ campaignId: id, seenBy: "additions-sync" });
    const created = (await history()).filter((c) => c.field === "created" && c.campaignId === id);
    expect(created.map((c) => c.kind).sort()).toEqual(["adGroup", "campaign", "keyword", "keyword"]);

    // Asked again, nothing is new.
    const again = await run("ads-additions", "full-pass");
    expect(again.rowsWritten).toBe(0);
  }, 300_000);

  it("reads an entity added in Seller Central by id once a performance report shows its first impressions", async () => {
    const made = await inSellerCentral({ action: "createCampaign", name: "First impressions", budget: 9, keywords: ["green widget"] });
    const id = String(made.entity.campaignId);
    const keywordId = made.children!.keywords[0]!;
    const adGroupId = made.children!.adGroups[0]!;
    // Nothing shows the new entities yet: the additions run reads nothing.
    const quiet = await run("ads-additions", "impressions");
    expect(quiet.rowsWritten).toBe(0);
    expect(await entity("campaign", id)).toBeUndefined();

    // The next report names the campaign and its keyword with impressions (as the performance sync stores it).
    const metrics = { impressions: 40, clicks: 2, cost: "1.2000", sales7d: "0", purchases7d: 0, unitsSold7d: 0, sales14d: "0", purchases14d: 0, refreshedAt: new Date() };
    const today = (await ctx.t.sql`select (now() at time zone ${ctx.setup.profiles.find((p) => p.id === adProfileId)!.timeZone})::date::text as d`)[0]!.d as string;
    await ctx.t.db.insert(adCampaignDaily).values({ organizationId, adProfileId, day: today, campaignId: id, campaignName: "First impressions", campaignStatus: "ENABLED", ...metrics });
    await ctx.t.db.insert(adTargetDaily).values({ organizationId, adProfileId, day: today, targetId: keywordId, adGroupId, campaignId: id, targeting: "green widget", keywordType: "EXACT", matchType: "EXACT", ...metrics });

    const found = await run("ads-additions", "impressions");
    expect(found.rowsWritten).toBe(2);
    expect(await entity("campaign", id)).toMatchObject({ seenBy: "impressions", name: "First impressions" });
    expect(await entity("keyword", keywordId)).toMatchObject({ seenBy: "impressions", keywordText: "green widget" });
    // Its ad group has no impressions of its own in a report yet.
    expect(await entity("adGroup", adGroupId)).toBeUndefined();
    expect((await run("ads-additions", "impressions")).rowsWritten).toBe(0);
  }, 300_000);

  it("Synchronize Budget/Bid or Status on selected entities reads them at once; another organization's ids are refused", async () => {
    const [keyword] = (await stored("keyword")).filter((k) => k.state === "ENABLED");
    await inSellerCentral({ action: "setBid", kind: "keyword", id: keyword!.entityId, bid: 1.23 });
    const result = await syncSelectedSettingsNow(ctx.t.db, organizationId, adProfileId, [{ kind: "keyword", ids: [keyword!.entityId] }]);
    expect(result).toMatchObject({ read: 1, updated: 1, changes: 1, missing: [] });
    expect(decimal((await entity("keyword", keyword!.entityId))!.bid!)).toBe("1.23");

    const stranger = await createMemberOf(ctx.t.db, "owner");
    await expect(syncSelectedSettingsNow(ctx.t.db, stranger.organizationId, adProfileId, [{ kind: "keyword", ids: [keyword!.entityId] }])).rejects.toBeInstanceOf(UserFacingError);
    await expect(syncSelectedSettingsNow(ctx.t.db, organizationId, adProfileId, [{ kind: "keyword", ids: ["999999999999"] }])).rejects.toThrow(/not in this ad profile/);
  }, 120_000);
});
