import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { adCampaignDaily, adGroupDaily, adProductDaily, adTargetDaily } from "~/db/schema";
import { createMemberOf, createStore } from "~/test/factories";
import { insertEntity, type ProfileScope } from "./testing";

let t: TestDatabase;
let member: Awaited<ReturnType<typeof createMemberOf>>;
let other: Awaited<ReturnType<typeof createMemberOf>>;
let scope: ProfileScope;
let otherScope: ProfileScope;

/** A fixed week of the profile's local days: the tests never depend on today's date. */
const WEEK = { from: "2026-06-01", to: "2026-06-07" };
const metrics = (impressions: number, clicks: number, cost: string, sales: string, orders: number) => ({
  impressions,
  clicks,
  cost,
  sales7d: sales,
  purchases7d: orders,
  unitsSold7d: orders,
  sales14d: sales,
  purchases14d: orders,
  refreshedAt: new Date(),
});

beforeAll(async () => {
  t = await createTestDatabase();
  member = await createMemberOf(t.db, "viewer");
  other = await createMemberOf(t.db, "owner");
  const store = await createStore(t.db, member.organizationId);
  const otherStore = await createStore(t.db, other.organizationId);
  scope = { organizationId: member.organizationId, adProfileId: store.adProfile.id };
  otherScope = { organizationId: other.organizationId, adProfileId: otherStore.adProfile.id };

  const campaign = { kind: "campaign" as const, targetingType: "MANUAL", biddingStrategy: "LEGACY_FOR_SALES" };
  await insertEntity(t.db, scope, { ...campaign, entityId: "101", campaignId: "101", name: "Kettles exact", budget: "25.0000", placementTop: 50, placementProductPage: 0, placementRestOfSearch: 10 });
  await insertEntity(t.db, scope, { ...campaign, entityId: "102", campaignId: "102", name: "Old archived", budget: "5.0000", state: "ARCHIVED" });
  await insertEntity(t.db, scope, { ...campaign, entityId: "103", campaignId: "103", name: "Boards paused", budget: "12.5000", state: "PAUSED", targetingType: "AUTO" });
  await insertEntity(t.db, scope, { kind: "adGroup", entityId: "201", campaignId: "101", adGroupId: "201", name: "Kettles", defaultBid: "0.7500" });
  await insertEntity(t.db, scope, { kind: "adGroup", entityId: "202", campaignId: "103", adGroupId: "202", name: "Boards", defaultBid: "0.4000" });
  await insertEntity(t.db, scope, { kind: "keyword", entityId: "301", campaignId: "101", adGroupId: "201", keywordText: "steel kettle", matchType: "EXACT" });
  await insertEntity(t.db, scope, { kind: "target", entityId: "302", campaignId: "101", adGroupId: "201", expression: [{ type: "ASIN_SAME_AS", value: "B0KETTLE01" }], expressionType: "MANUAL", bid: "1.1000" });
  await insertEntity(t.db, scope, { kind: "productAd", entityId: "401", campaignId: "101", adGroupId: "201", sku: "KET-1", asin: "B0KETTLE01" });
  await insertEntity(t.db, scope, { kind: "negativeKeyword", entityId: "501", campaignId: "101", adGroupId: "201", keywordText: "cheap", matchType: "NEGATIVE_PHRASE" });
  await insertEntity(t.db, scope, { kind: "campaignNegativeKeyword", entityId: "502", campaignId: "101", keywordText: "used", matchType: "NEGATIVE_EXACT" });
  // The other organization's entities share ids with these: nothing of theirs may show.
  await insertEntity(t.db, otherScope, { ...campaign, entityId: "101", campaignId: "101", name: "Rival campaign", budget: "999.0000" });

  const day = (d: string, s: ProfileScope = scope) => ({ ...s, day: d });
  await t.db.insert(adCampaignDaily).values([
    { ...day("2026-06-02"), campaignId: "101", campaignName: "Kettles exact", campaignStatus: "ENABLED", ...metrics(1000, 40, "20.0000", "80.0000", 4) },
    { ...day("2026-06-03"), campaignId: "101", campaignName: "Kettles exact", campaignStatus: "ENABLED", ...metrics(1000, 10, "5.5000", "20.0000", 1) },
    // Before the range: not counted.
    { ...day("2026-05-20"), campaignId: "101", campaignName: "Kettles exact", campaignStatus: "ENABLED", ...metrics(9999, 999, "999.0000", "0.0000", 0) },
    { ...day("2026-06-04"), campaignId: "102", campaignName: "Old archived", campaignStatus: "ARCHIVED", ...metrics(100, 2, "1.0000", "0.0000", 0) },
    // A campaign that spent but is not synced yet: shown, marked.
    { ...day("2026-06-05"), campaignId: "109", campaignName: "Report-only campaign", campaignStatus: "ENABLED", ...metrics(50, 5, "3.2500", "10.0000", 1) },
    { ...day("2026-06-05", otherScope), campaignId: "101", campaignName: "Rival campaign", campaignStatus: "ENABLED", ...metrics(7777, 77, "77.0000", "77.0000", 7) },
  ]);
  await t.db.insert(adGroupDaily).values([
    { ...day("2026-06-02"), adGroupId: "201", adGroupName: "Kettles", campaignId: "101", ...metrics(900, 30, "15.0000", "60.0000", 3) },
    { ...day("2026-06-05"), adGroupId: "209", adGroupName: "Reported group", campaignId: "109", ...metrics(50, 0, "0.0000", "0.0000", 0) },
  ]);
  await t.db.insert(adTargetDaily).values([
    { ...day("2026-06-02"), targetId: "301", adGroupId: "201", campaignId: "101", targeting: "steel kettle", keywordType: "EXACT", matchType: "EXACT", ...metrics(500, 20, "10.0000", "40.0000", 2) },
    { ...day("2026-06-02"), targetId: "302", adGroupId: "201", campaignId: "101", targeting: 'asin="B0KETTLE01"', keywordType: "TARGETING_EXPRESSION", matchType: null, ...metrics(300, 6, "3.0000", "0.0000", 0) },
    { ...day("2026-06-03"), targetId: "309", adGroupId: "201", campaignId: "101", targeting: "kettle whistle", keywordType: "BROAD", matchType: "BROAD", ...metrics(100, 4, "2.0000", "15.0000", 1) },
  ]);
  await t.db.insert(adProductDaily).values([
    { ...day("2026-06-02"), adId: "401", adGroupId: "201", campaignId: "101", asin: "B0KETTLE01", sku: "KET-1", ...metrics(900, 30, "15.0000", "60.0000", 3) },
  ]);
});
afterAll(async () => t.drop());

const list = (input: Record<string, unknown> = {}) => member.caller.advertising.campaigns({ adProfileId: scope.adProfileId, ...WEEK, ...input });

describe("the campaigns table", () => {
  it("lists the profile's campaigns with their settings beside the range's performance, archived hidden", async () => {
    const page = await list();
    expect(page.rows.map((r) => [r.id, r.label, r.state, r.synced])).toEqual([
      ["101", "Kettles exact", "ENABLED", true],
      ["109", "Report-only campaign", null, false],
      ["103", "Boards paused", "PAUSED", true],
    ]);
    expect(page.rows[0]).toMatchObject({
      kind: "campaign",
      budget: "25.0000",
      targetingType: "MANUAL",
      biddingStrategy: "LEGACY_FOR_SALES",
      placementTop: 50,
      placementProductPage: 0,
      placementRestOfSearch: 10,
      impressions: "2000",
      clicks: "50",
      spend: "25.5000",
      sales: "100.0000",
      orders: "5",
      ctr: "2.50",
      cpc: "0.51",
      acos: "25.50",
      roas: "3.92",
      cvr: "10.00",
    });
    // A campaign without activity in the range is listed with zeros and no ratios.
    expect(page.rows[2]).toMatchObject({ impressions: "0", spend: "0", ctr: null, acos: null, roas: null });
    expect(page.count).toBe(3);
    expect(page.archivedHidden).toBe(1);
    expect(page.totals).toEqual({ impressions: "2050", clicks: "55", spend: "28.7500", sales: "110.0000", orders: "6", ctr: "2.68", cpc: "0.52", acos: "26.14", roas: "3.83", cvr: "10.91" });
    expect(page.profile.currencyCode).toBe("USD");
  });

  it("shows archived ones on request, and filters by state, search and sort", async () => {
    expect((await list({ archived: true })).rows.map((r) => r.id)).toEqual(["101", "109", "102", "103"]);
    expect((await list({ archived: true })).archivedHidden).toBe(0);
    expect((await list({ state: "archived" })).rows.map((r) => r.id)).toEqual(["102"]);
    expect((await list({ state: "enabled" })).rows.map((r) => r.id)).toEqual(["101"]);
    expect((await list({ state: "unsynced" })).rows.map((r) => r.id)).toEqual(["109"]);
    expect((await list({ search: "report-ONLY" })).rows.map((r) => r.id)).toEqual(["109"]);
    expect((await list({ search: "103" })).rows.map((r) => r.id)).toEqual(["103"]);
    // A search's wildcards are text, not patterns.
    expect((await list({ search: "%" })).rows).toEqual([]);
    expect((await list({ sort: "name", dir: "asc" })).rows.map((r) => r.label)).toEqual(["Boards paused", "Kettles exact", "Report-only campaign"]);
    expect((await list({ sort: "budget", dir: "desc" })).rows.map((r) => r.id)).toEqual(["101", "103", "109"]);
    // ACOS 25.5 % before 32.5 %; a campaign without sales has none and comes last either way.
    expect((await list({ sort: "acos", dir: "asc" })).rows.map((r) => r.id)).toEqual(["101", "109", "103"]);
    expect((await list({ sort: "acos", dir: "desc" })).rows.map((r) => r.id)).toEqual(["109", "101", "103"]);
    const paged = await list({ pageSize: 10, page: 2 });
    expect(paged.rows).toEqual([]);
    expect(paged.count).toBe(3);
  });

  it("reads a preset range in the profile's own days", async () => {
    const page = await member.caller.advertising.campaigns({ adProfileId: scope.adProfileId, days: 7 });
    expect(page.range.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.rows.map((r) => r.id).sort()).toEqual(["101", "103"]);
  });
});

describe("the other tables", () => {
  it("lists ad groups, narrowed to a campaign on its page", async () => {
    const all = await member.caller.advertising.adGroups({ adProfileId: scope.adProfileId, ...WEEK });
    expect(all.rows.map((r) => [r.id, r.label, r.defaultBid, r.campaignName, r.spend])).toEqual([
      ["201", "Kettles", "0.7500", "Kettles exact", "15.0000"],
      ["202", "Boards", "0.4000", "Boards paused", "0"],
      ["209", "Reported group", null, null, "0.0000"],
    ]);
    const one = await member.caller.advertising.adGroups({ adProfileId: scope.adProfileId, ...WEEK, campaignId: "103" });
    expect(one.rows.map((r) => r.id)).toEqual(["202"]);
    expect(await member.caller.advertising.parents({ adProfileId: scope.adProfileId, campaignId: "103" })).toEqual({ campaign: { id: "103", name: "Boards paused" }, adGroup: null });
  });

  it("lists keywords and targets with their own bid or their ad group's default, and unsynced ones", async () => {
    const page = await member.caller.advertising.targets({ adProfileId: scope.adProfileId, ...WEEK, adGroupId: "201" });
    expect(page.rows.map((r) => [r.id, r.kind, r.label, r.matchType, r.bid, r.groupDefaultBid, r.synced])).toEqual([
      ["301", "keyword", "steel kettle", "EXACT", null, "0.7500", true],
      ["302", "target", 'asin="B0KETTLE01"', null, "1.1000", "0.7500", true],
      ["309", null, "kettle whistle", "BROAD", null, "0.7500", false],
    ]);
    expect(await member.caller.advertising.parents({ adProfileId: scope.adProfileId, adGroupId: "201" })).toEqual({ campaign: null, adGroup: { id: "201", name: "Kettles", campaignId: "101" } });
    // Not synced yet: named as the report names it.
    expect(await member.caller.advertising.parents({ adProfileId: scope.adProfileId, campaignId: "109", adGroupId: "209" })).toEqual({
      campaign: { id: "109", name: "Report-only campaign" },
      adGroup: { id: "209", name: "Reported group", campaignId: "109" },
    });
    // Sorting by bid counts the ad group's default for a keyword without one.
    expect((await member.caller.advertising.targets({ adProfileId: scope.adProfileId, ...WEEK, sort: "bid", dir: "desc" })).rows.map((r) => r.id)).toEqual(["302", "301", "309"]);
  });

  it("shows keywords only, or non-keyword targets only (an unsynced report row by its match type), with their totals", async () => {
    const keywords = await member.caller.advertising.targets({ adProfileId: scope.adProfileId, ...WEEK, targeting: "keywords" });
    expect(keywords.rows.map((r) => r.id)).toEqual(["301", "309"]);
    expect(keywords).toMatchObject({ count: 2, totals: { impressions: "600", spend: "12.0000" } });
    const targets = await member.caller.advertising.targets({ adProfileId: scope.adProfileId, ...WEEK, targeting: "targets" });
    expect(targets.rows.map((r) => r.id)).toEqual(["302"]);
    expect(targets).toMatchObject({ count: 1, totals: { impressions: "300" } });
  });

  it("lists product ads with SKU, ASIN and performance", async () => {
    const page = await member.caller.advertising.products({ adProfileId: scope.adProfileId, ...WEEK, search: "b0kettle" });
    expect(page.rows.map((r) => [r.id, r.sku, r.asin, r.state, r.orders, r.adGroupName])).toEqual([["401", "KET-1", "B0KETTLE01", "ENABLED", "3", "Kettles"]]);
  });

  it("lists negatives of ad groups and campaigns, without metrics", async () => {
    const page = await member.caller.advertising.negatives({ adProfileId: scope.adProfileId, ...WEEK });
    expect(page.hasMetrics).toBe(false);
    expect(page.rows.map((r) => [r.id, r.kind, r.label, r.matchType, r.adGroupName, r.campaignName])).toEqual([
      ["501", "negativeKeyword", "cheap", "NEGATIVE_PHRASE", "Kettles", "Kettles exact"],
      ["502", "campaignNegativeKeyword", "used", "NEGATIVE_EXACT", null, "Kettles exact"],
    ]);
  });
});

describe("another organization", () => {
  it("cannot read a profile that is not its own, and its own profile shows nothing of this one", async () => {
    for (const procedure of ["campaigns", "adGroups", "targets", "products", "negatives"] as const)
      await expect(other.caller.advertising[procedure]({ adProfileId: scope.adProfileId, ...WEEK })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await other.caller.advertising.campaigns({ adProfileId: otherScope.adProfileId, ...WEEK, archived: true });
    expect(own.rows.map((r) => [r.id, r.label, r.spend])).toEqual([["101", "Rival campaign", "77.0000"]]);
    const narrowed = await other.caller.advertising.targets({ adProfileId: otherScope.adProfileId, ...WEEK, adGroupId: "201" });
    expect(narrowed.rows).toEqual([]);
    expect(await other.caller.advertising.parents({ adProfileId: otherScope.adProfileId, adGroupId: "201" })).toEqual({ campaign: null, adGroup: { id: "201", name: null, campaignId: null } });
    await expect(other.caller.advertising.parents({ adProfileId: scope.adProfileId, campaignId: "101" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.advertising.history({ adProfileId: scope.adProfileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
