import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { adCampaignDaily, adTargetDaily } from "~/db/schema";
import { createMemberOf, createStore } from "~/test/factories";
import { startFileServer } from "~/test/file-server";
import { loadAdsReport } from "./load-report";

let t: TestDatabase;
let files: Awaited<ReturnType<typeof startFileServer>>;
let scope: { organizationId: string; adProfileId: string };

beforeAll(async () => {
  t = await createTestDatabase();
  files = await startFileServer();
  const { organizationId } = await createMemberOf(t.db, "owner");
  const { adProfile } = await createStore(t.db, organizationId);
  scope = { organizationId, adProfileId: adProfile.id };
});
afterAll(async () => {
  await files.close();
  await t.drop();
});

const row = (date: string, campaignId: number, cost: string, sales = "0") =>
  `{"date":"${date}","campaignId":${campaignId},"campaignName":"C ${campaignId}","campaignStatus":"ENABLED","impressions":100,"clicks":7,"cost":${cost},"sales7d":${sales},"purchases7d":1,"unitsSoldClicks7d":1,"sales14d":${sales},"purchases14d":1}`;
const window = { start: "2026-06-01", end: "2026-06-02" };
const load = (json: string, name: string) =>
  loadAdsReport(t.sql, { ...scope, kind: "campaign", window, url: files.put(name, json), refreshedAt: new Date() });
const rows = () =>
  t.db
    .select({ day: adCampaignDaily.day, campaignId: adCampaignDaily.campaignId, cost: adCampaignDaily.cost, sales: adCampaignDaily.sales7d })
    .from(adCampaignDaily)
    .where(and(eq(adCampaignDaily.adProfileId, scope.adProfileId)))
    .orderBy(adCampaignDaily.day, adCampaignDaily.campaignId);

describe("loading an Ads report", () => {
  it("keeps money exact, and a second identical load changes nothing", async () => {
    const json = `[${row("2026-06-01", 11, "14.55", "100.10")},${row("2026-06-02", 11, "0.1")},${row("2026-06-02", 12, "123456789.1234")}]`;
    expect(await load(json, "a")).toEqual({ received: 3, changed: 3, removed: 0 });
    expect(await rows()).toEqual([
      { day: "2026-06-01", campaignId: "11", cost: "14.5500", sales: "100.1000" },
      { day: "2026-06-02", campaignId: "11", cost: "0.1000", sales: "0.0000" },
      { day: "2026-06-02", campaignId: "12", cost: "123456789.1234", sales: "0.0000" },
    ]);
    expect(await load(json, "a2")).toEqual({ received: 3, changed: 0, removed: 0 });
  });

  it("applies Amazon's restatements and drops rows it no longer reports", async () => {
    const json = `[${row("2026-06-01", 11, "15.00", "120.00")},${row("2026-06-02", 11, "0.1")}]`;
    expect(await load(json, "b")).toEqual({ received: 2, changed: 1, removed: 1 });
    expect((await rows()).map((r) => `${r.day}/${r.campaignId}/${r.cost}`)).toEqual(["2026-06-01/11/15.0000", "2026-06-02/11/0.1000"]);
  });

  it("refuses a malformed row with a clear error and keeps the previous data", async () => {
    const before = await rows();
    const bad = `[${row("2026-06-01", 11, "99")},{"date":"2026-06-02","campaignId":11,"impressions":"lots"}]`;
    await expect(load(bad, "c")).rejects.toThrow(/Row 2 of the campaign report is malformed \(impressions: expected a whole number\)/);
    await expect(load(`[${row("2026-07-09", 11, "1")}]`, "d")).rejects.toThrow(/outside the requested/);
    expect(await rows()).toEqual(before);
  });

  it("treats an empty report as a window with no activity", async () => {
    expect(await load("[]", "e")).toEqual({ received: 0, changed: 0, removed: 2 });
  });

  it("stores numbers and text exactly as Amazon wrote them, whitespace and escapes included", async () => {
    const august = { start: "2026-08-01", end: "2026-08-01" };
    const json = `[\n  {"date":"2026-08-01", "campaignId":"31","campaignName":"Tente \\"2 places\\" \\u00e9t\\u00e9\\t\\ud83c\\udfd5","campaignStatus":null,
      "impressions":0,"clicks":"3","cost":1e-7,"sales7d":-0.50,"purchases7d":0,"unitsSoldClicks7d":0,"sales14d":12345678901234.5678,"purchases14d":0}\n]\n`;
    const loaded = await loadAdsReport(t.sql, { ...scope, kind: "campaign", window: august, url: files.put("exact", json), refreshedAt: new Date() });
    expect(loaded).toEqual({ received: 1, changed: 1, removed: 0 });
    const [stored] = await t.db
      .select({ name: adCampaignDaily.campaignName, status: adCampaignDaily.campaignStatus, cost: adCampaignDaily.cost, sales: adCampaignDaily.sales7d, sales14: adCampaignDaily.sales14d })
      .from(adCampaignDaily)
      .where(and(eq(adCampaignDaily.adProfileId, scope.adProfileId), eq(adCampaignDaily.day, "2026-08-01")));
    expect(stored).toEqual({ name: 'Tente "2 places" été\t🏕', status: "", cost: "0.0000", sales: "-0.5000", sales14: "12345678901234.5678" });
  });

  it("refuses a missing, wrong-typed or cut-short report in plain words, naming the row and field", async () => {
    const before = await rows();
    const good = row("2026-06-01", 11, "1");
    const refused = async (json: string) => load(json, `bad-${Math.random()}`).catch((e: Error) => e.message);
    expect(await refused(`[${good},${good.replace('"impressions":100,', "")}]`)).toBe(
      "Row 2 of the campaign report is malformed (impressions: expected a whole number); the report was not loaded.",
    );
    expect(await refused(`[${good.replace('"clicks":7', '"clicks":true')}]`)).toMatch(/Row 1 .* \(clicks: expected a whole number\)/);
    expect(await refused(`[${good.replace('"campaignName":"C 11"', '"campaignName":5')}]`)).toMatch(/\(campaignName: expected text\)/);
    expect(await refused(`[${good.replace('"campaignId":11', '"campaignId":""')}]`)).toMatch(/\(campaignId: expected an id\)/);
    // Several problems: the metrics are named first, then the date, then the kind's own fields.
    expect(await refused(`[${good.replace('"campaignId":11', '"campaignId":null').replace('"date":"2026-06-01"', '"date":"June"').replace('"cost":1', '"cost":"1,5"')}]`)).toMatch(
      /\(cost: expected an amount\)/,
    );
    expect(await refused(`[${good.replace('"campaignId":11', '"campaignId":null').replace('"date":"2026-06-01"', '"date":"June"')}]`)).toMatch(
      /\(date: expected a YYYY-MM-DD date\)/,
    );
    expect(await refused(`[${good},${good.slice(0, 40)}`)).toMatch(/cut short/);
    expect(await refused(`[${good},{"date":"2026-06-01","nested":{"a":1}}]`)).toMatch(/nested value/);
    expect(await rows()).toEqual(before);
  });

  it("loads a big target report through many COPY writes, keeps one row per key, and reloads it without a change", async () => {
    const july = { start: "2026-07-01", end: "2026-07-31" };
    const target = (i: number, cost: string) =>
      `{"date":"2026-07-${String((i % 31) + 1).padStart(2, "0")}","campaignId":1,"adGroupId":2,"keywordId":${1000 + Math.floor(i / 31)},"targeting":"t ${i}","keywordType":"BROAD","matchType":${i % 2 ? '"EXACT"' : "null"},"impressions":${i},"clicks":1,"cost":${cost},"sales7d":0,"purchases7d":0,"unitsSoldClicks7d":0,"sales14d":0,"purchases14d":0}`;
    const total = 20_000;
    const body = Array.from({ length: total }, (_, i) => target(i, "0.25"));
    const loadTargets = (name: string, json: string) =>
      loadAdsReport(t.sql, { ...scope, kind: "target", window: july, url: files.put(name, json), refreshedAt: new Date() });
    expect(await loadTargets("big", `[${body.join(",")}]`)).toEqual({ received: total, changed: total, removed: 0 });
    expect(await loadTargets("big2", `[${body.join(",\n")}]`)).toEqual({ received: total, changed: 0, removed: 0 });
    // The same key twice in one report (Amazon never does this) keeps the last row.
    expect(await loadTargets("dup", `[${[...body, target(0, "9.99")].join(",")}]`)).toEqual({ received: total + 1, changed: 1, removed: 0 });
    const stored = await t.db
      .select({ cost: adTargetDaily.cost, matchType: adTargetDaily.matchType })
      .from(adTargetDaily)
      .where(and(eq(adTargetDaily.adProfileId, scope.adProfileId), eq(adTargetDaily.day, "2026-07-01"), eq(adTargetDaily.targetId, "1000")));
    expect(stored).toEqual([{ cost: "9.9900", matchType: null }]);
  });
});
