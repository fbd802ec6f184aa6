import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adProfiles, amazonGrants } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import type { RunningSandbox } from "~/sandbox";
import { consentOnAmazon, startTestAmazon } from "~/test/amazon-sandbox";
import { createMemberOf } from "~/test/factories";
import { ADS_REPORTS } from "~/server/advertising/report-tables";
import { createAdsReport, getAdsReport } from "./ads-reports";
import { completeAdsAuthorization, startAdsAuthorization } from "./authorization/ads";
import { completeStoreAuthorization, startStoreAuthorization } from "./authorization/store";
import { QuotaWaitError, type AmazonCaller } from "./request";
import { getSpReport } from "./sp-reports";

// The product against the sandbox's harsher Amazon (sandbox/test/strictness.test.ts shows each answer).
let t: TestDatabase;
let amazon: RunningSandbox;
let store: AmazonCaller;
let ads: AmazonCaller;
let calls = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  amazon = await startTestAmazon({ volume: "tiny", reportDelaySeconds: 60, timeScale: 0 });
  const m = await createMemberOf(t.db, "owner");
  const actor = { userId: m.user.id, organizationId: m.organizationId, role: "owner" as const };
  const seller = amazon.sandbox.world.sellers[0]!;
  const deps = { db: t.db, publish: async () => {} };
  await completeStoreAuthorization(deps, m.user.id, await consentOnAmazon((await startStoreAuthorization(t.db, actor, "na")).url, seller.sellerId));
  await completeAdsAuthorization(deps, m.user.id, await consentOnAmazon((await startAdsAuthorization(t.db, actor, "na")).url, seller.sellerId, "allow"));
  const grant = async (kind: "store" | "ads") => (await t.db.select().from(amazonGrants).where(and(eq(amazonGrants.organizationId, m.organizationId), eq(amazonGrants.kind, kind))))[0]!;
  const [profile] = await t.db.select().from(adProfiles).where(eq(adProfiles.organizationId, m.organizationId));
  store = { db: t.db, grantId: (await grant("store")).id, quotaScope: seller.sellerId, onCall: () => (calls += 1) };
  ads = { db: t.db, grantId: (await grant("ads")).id, quotaScope: profile!.profileId, adsProfileId: profile!.profileId, onCall: () => (calls += 1) };
}, 60_000);
afterAll(async () => {
  await amazon?.close();
  await t?.drop();
});

const knobs = (body: unknown) => fetch(`${amazon.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify(body) });

describe("the product against a stricter Amazon", () => {
  it("an access token that stops working before its hour is renewed once, and the call goes through", async () => {
    await knobs({ faults: { lwaToken: { earlyExpiryRate: 1 } } });
    try {
      // A first call caches a token that Amazon will drop within the hour it announced.
      await expect(getSpReport(store, "na", "1")).rejects.toThrow(/not found|404/i);
      amazon.sandbox.clock.advance(56 * 60_000);
      calls = 0;
      await expect(getSpReport(store, "na", "1")).rejects.toThrow(/not found|404/i);
      // Refused as expired, renewed, asked again: two calls, and the second reached the report's lookup.
      expect(calls).toBe(2);
    } finally {
      await knobs({ faults: null });
    }
  });

  it("a 425 naming a look-alike report of another time unit waits for it instead of loading it as its own", async () => {
    const report = ADS_REPORTS.campaign;
    const day = (back: number) => new Date(amazon.sandbox.clock.now() - back * 86400_000 - 8 * 3600_000).toISOString().slice(0, 10);
    const [startDate, endDate] = [day(20), day(19)];
    // Another report of the same type and days, but SUMMARY, still processing on Amazon.
    const response = await fetch(`${amazon.origin}/reporting/reports`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${(await (await fetch(`${amazon.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "ads" }) })).json()).access_token}`,
        "amazon-advertising-api-clientid": amazon.credentials.adsClientId,
        "amazon-advertising-api-scope": ads.adsProfileId!,
        "content-type": "application/vnd.createasyncreportrequest.v3+json",
      },
      body: JSON.stringify({ startDate, endDate, configuration: { adProduct: "SPONSORED_PRODUCTS", reportTypeId: report.reportTypeId, groupBy: report.groupBy, columns: ["campaignId", "impressions", "startDate", "endDate"], timeUnit: "SUMMARY", format: "GZIP_JSON" } }),
    });
    const twin = (await response.json()) as { reportId: string };
    const asked = { name: "campaign", report, startDate, endDate };

    const refused = createAdsReport(ads, "na", asked);
    await expect(refused).rejects.toBeInstanceOf(QuotaWaitError);
    await expect(refused).rejects.toThrow(`Amazon is still building another advertising report of the same type and days (${twin.reportId})`);

    // Our own report, asked for twice while processing, is the same report: the 425 gives it back.
    amazon.sandbox.clock.advance(61_000);
    const ours = await createAdsReport(ads, "na", asked);
    expect(ours).not.toBe(twin.reportId);
    expect(await createAdsReport(ads, "na", asked)).toBe(ours);
    expect((await getAdsReport(ads, "na", ours)).configuration).toMatchObject({ timeUnit: "DAILY", reportTypeId: report.reportTypeId });
  });
});
