import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { Sandbox } from "../index";
import type { Entity, EntityKind } from "../ads/entities";
import { finalMetrics } from "../ads/metrics";
import type { ReportTypeId, Row } from "../ads/report-rows";
import { buildAdsRows, COLUMNS } from "../ads/report-rows";
import type { AdsProfile } from "../ads/state";
import { addDays, DAY, localDay } from "../util/time";
import { type AnyJson, FIXED_NOW, testSandbox } from "./helpers";

// Entities the seller adds in the console to an existing ad group show in the four SP reports from their first
// impression day on, and the rows of everything that was there before do not move.

const REPORTS: Array<[ReportTypeId, string[]]> = [["spCampaigns", ["adGroup", "campaign"]], ["spTargeting", ["targeting"]], ["spAdvertisedProduct", ["advertiser"]], ["spSearchTerm", ["searchTerm"]]];

let sb: RunningSandbox;
let twin: Sandbox;
let p: AdsProfile;
beforeAll(async () => {
  sb = await testSandbox();
  // The same world without the console's edits: what the pre-existing rows must still be.
  twin = new Sandbox({ seed: "test-seed", volume: "tiny", now: () => FIXED_NOW, historyDays: 200 });
  p = sb.sandbox.ads.allProfiles()[0]!;
});
afterAll(async () => { await sb.close(); });

async function done(body: Record<string, unknown>): Promise<AnyJson> {
  const r = await fetch(`${sb.origin}/__sandbox/ads/console`, { method: "POST", body: JSON.stringify({ profileId: p.profileId, ...body }) });
  const out = (await r.json()) as AnyJson;
  expect(r.status, JSON.stringify(out)).toBe(200);
  return out;
}

function rows(s: Sandbox, type: ReportTypeId, groupBy: string[], from: string, to: string): Row[] {
  const profile = s.ads.profile(p.profileId)!;
  return buildAdsRows(s, profile, { reportTypeId: type, groupBy, columns: COLUMNS[type].filter((c) => c !== "startDate" && c !== "endDate"), timeUnit: "DAILY", filters: [], startDate: from, endDate: to }, s.clock.now());
}

const sorted = (list: Row[]) => list.map((r) => JSON.stringify(r)).sort();
const today = () => localDay(sb.sandbox.clock.now(), p.marketplace.timezone);
const all = (kind: EntityKind): Entity[] => [...sb.sandbox.ads.list(p, kind).values()];
const advance = (ms: number) => { sb.sandbox.clock.advance(ms); twin.clock.advance(ms); };

describe("console-created entities in the performance reports", () => {
  it("a keyword, target and product ad added to an existing ad group get impressions from their first impression day; negatives never; nothing else moves", async () => {
    const adGroup = all("adGroup").find((g) => sb.sandbox.ads.find(p, "campaign", g.campaignId)?.targetingType === "MANUAL")!;
    const advertised = new Set(all("productAd").filter((a) => a.adGroupId === adGroup.id).map((a) => a.sku));
    const product = sb.sandbox.world.catalog(sb.sandbox.world.sellers[0]!).find((x) => !x.isParent && !advertised.has(x.sku))!;
    const created = today();
    const from = addDays(created, -20);
    const before = REPORTS.map(([type, groupBy]) => rows(sb.sandbox, type, groupBy, from, created));

    const keywordId = (await done({ action: "createKeyword", adGroupId: adGroup.id, keywordText: "console added keyword", matchType: "BROAD", bid: 1.2 })).entity.keywordId as string;
    const targetId = (await done({ action: "createTarget", adGroupId: adGroup.id, expression: [{ type: "ASIN_SAME_AS", value: "B0ADDED001" }] })).entity.targetId as string;
    const adId = (await done({ action: "createProductAd", adGroupId: adGroup.id, sku: product.sku })).entity.adId as string;
    const negatives = [
      (await done({ action: "createNegativeKeyword", adGroupId: adGroup.id, keywordText: "console added keyword", matchType: "NEGATIVE_PHRASE" })).entity.keywordId,
      (await done({ action: "createNegativeTarget", adGroupId: adGroup.id, expression: [{ type: "ASIN_SAME_AS", value: "B0ADDED002" }] })).entity.targetId,
      (await done({ action: "createCampaignNegativeKeyword", campaignId: adGroup.campaignId, keywordText: "added used", matchType: "NEGATIVE_EXACT" })).entity.keywordId,
    ].map(Number);
    const firstDay = addDays(created, 1);
    expect(sb.sandbox.ads.find(p, "keyword", keywordId)!.firstImpressionDay).toBe(firstDay);

    // Before their first impression day: no row of theirs, and every report exactly as it was.
    REPORTS.forEach(([type, groupBy], i) => expect(rows(sb.sandbox, type, groupBy, from, created), type).toEqual(before[i]));
    const truth = (await (await fetch(`${sb.origin}/__sandbox/truth/ads/metrics?profileId=${p.profileId}&from=${from}&to=${created}&level=targeting`)).json()) as AnyJson;
    expect(truth.rows.length).toBeGreaterThan(0);
    expect(truth.rows.some((r: AnyJson) => String(r.keywordId) === keywordId)).toBe(false);

    advance(10 * DAY);
    const end = addDays(today(), -1);
    const got = Object.fromEntries(REPORTS.map(([type, groupBy]) => [type, rows(sb.sandbox, type, groupBy, from, end)])) as Record<ReportTypeId, Row[]>;
    const exp = Object.fromEntries(REPORTS.map(([type, groupBy]) => [type, rows(twin, type, groupBy, from, end)])) as Record<ReportTypeId, Row[]>;
    const added = new Set([keywordId, targetId].map(Number));
    const isNew = (r: Row) => added.has(Number(r.keywordId));
    const ofGroupSince = (r: Row) => Number(r.adGroupId) === Number(adGroup.id) && String(r.date) >= firstDay;

    // The new keyword and target: rows on and after the first impression day only, with impressions.
    for (const type of ["spTargeting", "spSearchTerm"] as const) {
      for (const id of added) {
        const own = got[type].filter((r) => Number(r.keywordId) === id);
        expect(own.length, `${type} ${String(id)}`).toBeGreaterThan(0);
        for (const r of own) { expect(String(r.date) >= firstDay).toBe(true); expect(r.impressions).toBeGreaterThan(0); }
      }
      expect(got[type].some((r) => negatives.includes(Number(r.keywordId))), type).toBe(false);
      // Every other keyword's and target's rows are the twin's.
      expect(sorted(got[type].filter((r) => !isNew(r))), type).toEqual(sorted(exp[type]));
    }
    const adRows = got.spAdvertisedProduct.filter((r) => Number(r.adId) === Number(adId));
    expect(adRows.length).toBeGreaterThan(0);
    for (const r of adRows) expect(String(r.date) >= firstDay).toBe(true);
    // The ad group's traffic is shared with the new ad from its first day; elsewhere and before, nothing moved.
    expect(sorted(got.spAdvertisedProduct.filter((r) => !ofGroupSince(r)))).toEqual(sorted(exp.spAdvertisedProduct.filter((r) => !ofGroupSince(r))));
    expect(sorted(got.spCampaigns.filter((r) => !ofGroupSince(r)))).toEqual(sorted(exp.spCampaigns.filter((r) => !ofGroupSince(r))));
    // The ad group's impressions grew by exactly the new keyword's and target's.
    const sum = (list: Row[]) => list.reduce((a, r) => a + Number(r.impressions), 0);
    expect(sum(got.spCampaigns.filter(ofGroupSince)) - sum(exp.spCampaigns.filter(ofGroupSince))).toBe(sum(got.spTargeting.filter(isNew)));
    expect(sum(got.spAdvertisedProduct.filter(ofGroupSince))).toBe(sum(got.spCampaigns.filter(ofGroupSince)));
  });

  it("a pause stops traffic from the next day, and enabling again later does not bring the paused days back", async () => {
    const d = today();
    const serving = (e: Entity, day: string) => finalMetrics(sb.sandbox.seed, e, day, 2000).impressions > 0;
    const keyword = all("keyword").find((k) => k.state === "ENABLED" && [0, 1, 2, 3].every((n) => serving(k, addDays(d, n))))!;
    expect(keyword).toBeDefined();
    await done({ action: "setState", kind: "keyword", id: keyword.id, state: "PAUSED" });
    advance(3 * DAY);
    await done({ action: "setState", kind: "keyword", id: keyword.id, state: "ENABLED" });
    advance(3 * DAY);
    const days = rows(sb.sandbox, "spTargeting", ["targeting"], d, addDays(d, 5)).filter((r) => String(r.keywordId) === keyword.id).map((r) => r.date);
    // Served the day it was paused (enabled when the day began) and from the day it was enabled again.
    expect(days).toEqual([0, 3, 4, 5].map((n) => addDays(d, n)).filter((day) => serving(keyword, day)));
  });

  it("pausing a campaign or an ad group stops its keywords and targets from the next day; enabling it brings them back from that day", async () => {
    const d = today();
    // Away from the first test's additions, which the twin does not have.
    const seeded = (e: Entity) => e.createdMs < FIXED_NOW.getTime();
    const untouched = (f: (leaf: Entity) => boolean) => [...all("keyword"), ...all("target")].filter(f).every(seeded);
    const campaign = all("campaign").find((c) => c.targetingType === "MANUAL" && c.state === "ENABLED" && untouched((l) => l.campaignId === c.id))!;
    const adGroup = all("adGroup").find((g) => g.campaignId !== campaign.id && g.state === "ENABLED" && seeded(g) && untouched((l) => l.adGroupId === g.id))!;
    await done({ action: "setState", id: campaign.id, state: "PAUSED" });
    await done({ action: "setState", kind: "adGroup", id: adGroup.id, state: "PAUSED" });
    advance(2 * DAY);
    await done({ action: "setState", id: campaign.id, state: "ENABLED" });
    advance(2 * DAY);
    const under = (r: Row) => Number(r.campaignId) === Number(campaign.id) || Number(r.adGroupId) === Number(adGroup.id);
    const got = rows(sb.sandbox, "spTargeting", ["targeting"], d, addDays(d, 3)).filter(under);
    const exp = rows(twin, "spTargeting", ["targeting"], d, addDays(d, 3)).filter(under);
    const on = (list: Row[], day: string, f: (r: Row) => boolean = () => true) => sorted(list.filter((r) => r.date === day && f(r)));
    const ofCampaign = (r: Row) => Number(r.campaignId) === Number(campaign.id);
    // The day of the pause is served in full; the next day nothing.
    expect(on(got, d)).toEqual(on(exp, d));
    expect(on(exp, addDays(d, 1)).length).toBeGreaterThan(0);
    expect(on(got, addDays(d, 1))).toEqual([]);
    // The campaign enabled again serves from that day; the ad group still paused does not.
    expect(on(exp, addDays(d, 2), ofCampaign).length).toBeGreaterThan(0);
    for (const day of [addDays(d, 2), addDays(d, 3)]) {
      expect(on(got, day, ofCampaign)).toEqual(on(exp, day, ofCampaign));
      expect(on(got, day, (r) => !ofCampaign(r))).toEqual([]);
    }
  });
});
