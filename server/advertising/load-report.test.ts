import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { adCampaignDaily } from "~/db/schema";
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
});
