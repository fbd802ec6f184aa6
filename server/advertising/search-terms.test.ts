import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { adSearchTermDaily } from "~/db/schema";
import { createMemberOf, createStore } from "~/test/factories";
import { exportSearchTerms } from "./search-term-export";
import { insertEntity, type ProfileScope } from "./testing";

let t: TestDatabase;
let member: Awaited<ReturnType<typeof createMemberOf>>;
let other: Awaited<ReturnType<typeof createMemberOf>>;
let scope: ProfileScope;
let otherScope: ProfileScope;

/** A fixed week of the profile's local days: the tests never depend on today's date. */
const WEEK = { from: "2026-06-01", to: "2026-06-07" };
const term = (s: ProfileScope, day: string, targetId: string, searchTerm: string, adGroupId: string, campaignId: string, m: [number, number, string, string, number]) => ({
  ...s,
  day,
  targetId,
  searchTerm,
  adGroupId,
  campaignId,
  impressions: m[0],
  clicks: m[1],
  cost: m[2],
  sales7d: m[3],
  purchases7d: m[4],
  unitsSold7d: m[4],
  sales14d: m[3],
  purchases14d: m[4],
  refreshedAt: new Date(),
});

beforeAll(async () => {
  t = await createTestDatabase();
  member = await createMemberOf(t.db, "viewer");
  other = await createMemberOf(t.db, "owner");
  scope = { organizationId: member.organizationId, adProfileId: (await createStore(t.db, member.organizationId)).adProfile.id };
  otherScope = { organizationId: other.organizationId, adProfileId: (await createStore(t.db, other.organizationId)).adProfile.id };

  await insertEntity(t.db, scope, { kind: "campaign", entityId: "101", campaignId: "101", name: "Kettles exact", targetingType: "MANUAL", budget: "25.0000" });
  await insertEntity(t.db, scope, { kind: "adGroup", entityId: "201", campaignId: "101", adGroupId: "201", name: "Kettles", defaultBid: "0.7500" });
  await insertEntity(t.db, scope, { kind: "keyword", entityId: "301", campaignId: "101", adGroupId: "201", keywordText: "steel kettle", matchType: "EXACT", bid: "0.9000" });
  await insertEntity(t.db, scope, { kind: "target", entityId: "302", campaignId: "101", adGroupId: "201", expression: [{ type: "ASIN_SAME_AS", value: "B0KETTLE01" }], expressionType: "MANUAL" });
  // Already a keyword of the ad group (in other letters), and negatives: one archived, which no longer negates.
  await insertEntity(t.db, scope, { kind: "keyword", entityId: "303", campaignId: "101", adGroupId: "201", keywordText: "kettle", matchType: "BROAD" });
  // An ASIN already targeted as a product of the ad group counts as added too.
  await insertEntity(t.db, scope, { kind: "target", entityId: "304", campaignId: "101", adGroupId: "201", expression: [{ type: "ASIN_SAME_AS", value: "B0KETTLE02" }], expressionType: "MANUAL" });
  await insertEntity(t.db, scope, { kind: "negativeKeyword", entityId: "501", campaignId: "101", adGroupId: "201", keywordText: "cheap kettle", matchType: "NEGATIVE_EXACT" });
  await insertEntity(t.db, scope, { kind: "negativeKeyword", entityId: "502", campaignId: "101", adGroupId: "201", keywordText: "steel kettle 2l", matchType: "NEGATIVE_EXACT", state: "ARCHIVED" });
  await insertEntity(t.db, scope, { kind: "negativeTarget", entityId: "503", campaignId: "101", adGroupId: "201", expression: [{ type: "ASIN_SAME_AS", value: "B0KETTLE02" }] });
  // The other organization's entities share ids with these: nothing of theirs may show.
  await insertEntity(t.db, otherScope, { kind: "keyword", entityId: "301", campaignId: "101", adGroupId: "201", keywordText: "rival keyword", matchType: "EXACT" });

  await t.db.insert(adSearchTermDaily).values([
    term(scope, "2026-06-02", "301", "steel kettle 2l", "201", "101", [1000, 20, "10.0000", "40.0000", 2]),
    term(scope, "2026-06-03", "301", "steel kettle 2l", "201", "101", [500, 10, "5.0000", "0.0000", 0]),
    // Before the range: not counted.
    term(scope, "2026-05-20", "301", "steel kettle 2l", "201", "101", [9999, 999, "999.0000", "999.0000", 99]),
    term(scope, "2026-06-03", "301", "Kettle", "201", "101", [200, 3, "1.5000", "0.0000", 0]),
    term(scope, "2026-06-04", "302", "b0kettle02", "201", "101", [100, 1, "0.8000", "0.0000", 0]),
    term(scope, "2026-06-05", "301", "cheap kettle", "201", "101", [80, 0, "0.0000", "0.0000", 0]),
    // Matched by a target of an ad group and campaign the product has not synced yet.
    term(scope, "2026-06-04", "309", "cheap kettle", "209", "109", [50, 5, "2.0000", "15.0000", 1]),
    term(otherScope, "2026-06-04", "301", "rival term", "201", "101", [7777, 77, "77.0000", "77.0000", 7]),
  ]);
});
afterAll(async () => t.drop());

const list = (input: Record<string, unknown> = {}) => member.caller.advertising.searchTerms({ adProfileId: scope.adProfileId, ...WEEK, ...input });
const keys = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((r) => `${r.searchTerm}@${r.targetId}`);

describe("the search terms", () => {
  it("sums the range per term and what it matched, with names, what is already a keyword or negative, and totals", async () => {
    const page = await list();
    expect(keys(page)).toEqual(["steel kettle 2l@301", "cheap kettle@309", "Kettle@301", "b0kettle02@302", "cheap kettle@301"]);
    expect(page.rows[0]).toEqual({
      searchTerm: "steel kettle 2l",
      targetId: "301",
      targetKind: "keyword",
      targetLabel: "steel kettle",
      matchType: "EXACT",
      expressionType: null,
      campaignId: "101",
      campaignName: "Kettles exact",
      targetingType: "MANUAL",
      adGroupId: "201",
      adGroupName: "Kettles",
      adGroupSynced: true,
      isKeyword: false,
      isNegative: false,
      impressions: "1500",
      clicks: "30",
      spend: "15.0000",
      sales: "40.0000",
      orders: "2",
      ctr: "2.00",
      cpc: "0.50",
      acos: "37.50",
      roas: "2.67",
      cvr: "6.67",
    });
    const unsynced = page.rows[1]!;
    expect([unsynced.targetKind, unsynced.targetLabel, unsynced.campaignName, unsynced.adGroupName, unsynced.adGroupSynced]).toEqual([null, "309", null, null, false]);
    expect(page.rows.map((r) => [r.isKeyword, r.isNegative])).toEqual([
      [false, false],
      // A negative of another ad group does not negate it here.
      [false, false],
      [true, false],
      [true, true],
      [false, true],
    ]);
    expect(page.rows[3]!.targetLabel).toBe('asin="B0KETTLE01"');
    expect(page.count).toBe(5);
    expect(page.totals).toEqual({ impressions: "1930", clicks: "39", spend: "19.3000", sales: "55.0000", orders: "3", ctr: "2.02", cpc: "0.49", acos: "35.09", roas: "2.85", cvr: "7.69" });
    expect(page.profile.currencyCode).toBe("USD");
  });

  it("filters by search text, clicks and orders, sorts and pages", async () => {
    expect(keys(await list({ search: "KETTLE 2" }))).toEqual(["steel kettle 2l@301"]);
    // A search's wildcards are text, not patterns.
    expect((await list({ search: "%" })).rows).toEqual([]);
    expect(keys(await list({ minClicks: 5 }))).toEqual(["steel kettle 2l@301", "cheap kettle@309"]);
    expect(keys(await list({ orders: "with" }))).toEqual(["steel kettle 2l@301", "cheap kettle@309"]);
    const without = await list({ orders: "without" });
    expect(keys(without)).toEqual(["Kettle@301", "b0kettle02@302", "cheap kettle@301"]);
    expect(without.totals).toMatchObject({ clicks: "4", orders: "0", acos: null, cvr: "0.00" });
    expect(keys(await list({ search: "cheap", sort: "searchTerm" }))).toEqual(["cheap kettle@301", "cheap kettle@309"]);
    expect(keys(await list({ sort: "clicks", dir: "asc" }))).toEqual(["cheap kettle@301", "b0kettle02@302", "Kettle@301", "cheap kettle@309", "steel kettle 2l@301"]);
    // ACOS 13.33 % before 37.5 %; terms without sales have none and come last either way.
    expect(keys(await list({ sort: "acos", dir: "asc" })).slice(0, 2)).toEqual(["cheap kettle@309", "steel kettle 2l@301"]);
    expect(keys(await list({ sort: "acos", dir: "desc" })).slice(0, 2)).toEqual(["steel kettle 2l@301", "cheap kettle@309"]);
    const paged = await list({ pageSize: 10, page: 2 });
    expect(paged.rows).toEqual([]);
    expect(paged.count).toBe(5);
  });

  it("reads a preset range in the profile's own days", async () => {
    const page = await member.caller.advertising.searchTerms({ adProfileId: scope.adProfileId, days: 7 });
    expect(page.range.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.rows).toEqual([]);
  });
});

describe("another organization", () => {
  it("cannot read a profile that is not its own, and its own shows nothing of this one", async () => {
    await expect(other.caller.advertising.searchTerms({ adProfileId: scope.adProfileId, ...WEEK })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await other.caller.advertising.searchTerms({ adProfileId: otherScope.adProfileId, ...WEEK });
    expect(own.rows.map((r) => [r.searchTerm, r.targetLabel, r.campaignName, r.spend])).toEqual([["rival term", "rival keyword", null, "77.0000"]]);
  });
});

describe("the search terms' CSV", () => {
  const exportAs = (userId: string | null, query: Record<string, string>) => exportSearchTerms({ db: t.db, userId, requestedOrganizationId: undefined }, new URLSearchParams(query));

  it("holds exactly what the filters select for the page's days, spreadsheet-safe", async () => {
    const response = await exportAs(member.user.id, { profile: scope.adProfileId, ...WEEK, orders: "with" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ad-search-terms-US-2026-06-01-2026-06-07.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, for spreadsheet programs (decoding text drops it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n")).toEqual([
      "Search term,Keyword or target id,Keyword or target,Match type,Campaign id,Campaign,Ad group id,Ad group,Impressions,Clicks,CTR (%),Spend,CPC,Orders (7d),Sales (7d),ACOS (%),ROAS,CVR (%),Currency",
      "steel kettle 2l,301,steel kettle,Exact,101,Kettles exact,201,Kettles,1500,30,2.00,15.0000,0.50,2,40.0000,37.50,2.67,6.67,USD",
      "cheap kettle,309,309,,109,,209,,50,5,10.00,2.0000,0.40,1,15.0000,13.33,7.50,20.00,USD",
      "",
    ]);
    const all = await (await exportAs(member.user.id, { profile: scope.adProfileId, ...WEEK })).text();
    expect(all.trim().split("\r\n")).toHaveLength(6);
    expect(all).not.toContain("rival");
  });

  it("refuses strangers, other organizations' profiles and unfit filters in plain words", async () => {
    expect((await exportAs(null, { profile: scope.adProfileId, ...WEEK })).status).toBe(401);
    const foreign = await exportAs(other.user.id, { profile: scope.adProfileId, ...WEEK });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("kettle");
    const bad = await exportAs(member.user.id, { profile: scope.adProfileId, ...WEEK, minClicks: "many" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^The export was not accepted: minClicks: /);
    expect((await exportAs(member.user.id, { profile: scope.adProfileId, from: "2026-06-07", to: "2026-06-01" })).status).toBe(400);
  });
});
