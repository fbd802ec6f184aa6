import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amazonAccessTokens, apiQuotaBuckets } from "~/db/schema";
import { encryptSecret } from "~/server/crypto/secrets";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore } from "~/test/factories";
import { amazonRequest, QuotaWaitError } from "./request";

let t: TestDatabase;
let grantId: string;
let organizationId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ organizationId } = await createMemberOf(t.db, "owner"));
  grantId = (await createStore(t.db, organizationId)).grant.id;
});
afterAll(async () => t.drop());

describe("quota waits", () => {
  it("a wait too long to take in place gives its place back, so retries do not push the line further out", async () => {
    const key = "sp-api:ASELLER:createReport";
    // Two requests' worth in debt at one a minute: the next slot is two minutes away.
    await t.db.insert(apiQuotaBuckets).values({ key, ratePerSecond: 1 / 60, burst: 15, tokens: -1, updatedAt: new Date() });
    const caller = { db: t.db, grantId, quotaScope: "ASELLER", maxQuotaWaitMs: 10_000, fetch: (() => Promise.reject(new Error("must not be sent"))) as typeof fetch };
    const tokens = async () => (await t.db.select().from(apiQuotaBuckets).where(eq(apiQuotaBuckets.key, key)))[0]!.tokens;
    const before = await tokens();
    for (let i = 0; i < 5; i++) {
      const attempt = amazonRequest(caller, { api: "sp-api", operation: "createReport", url: "https://sellingpartnerapi-na.amazon.com/reports/2021-06-30/reports" });
      await expect(attempt).rejects.toBeInstanceOf(QuotaWaitError);
      await expect(attempt).rejects.toThrow(/next request in 1[12]\d s/);
    }
    // Refilled a little meanwhile, but not five places deeper in debt.
    expect(await tokens()).toBeGreaterThanOrEqual(before);
    expect(await tokens()).toBeLessThan(before + 0.5);
  });

  it("a 429 that names no wait holds the bucket for one token at the rate Amazon announced, not the published one", async () => {
    const key = "sp-api:ANOTHERSELLER:getReportDocument";
    // Amazon's header has set this seller's rate to one every 2 s (the published default is one a minute).
    await t.db.insert(apiQuotaBuckets).values({ key, ratePerSecond: 0.5, burst: 15, tokens: 5, updatedAt: new Date() });
    const now = new Date();
    await t.db.insert(amazonAccessTokens).values({ grantId, organizationId, accessTokenEncrypted: encryptSecret("Atza|cached"), expiresAt: new Date(now.getTime() + 3600_000), refreshedAt: now });
    let sent = 0;
    const throttled = (async () => {
      sent += 1;
      return new Response(JSON.stringify({ errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource.", details: "" }] }), { status: 429 });
    }) as unknown as typeof fetch;
    const caller = { db: t.db, grantId, quotaScope: "ANOTHERSELLER", maxQuotaWaitMs: 1_000, fetch: throttled };
    const attempt = amazonRequest(caller, { api: "sp-api", operation: "getReportDocument", url: "https://sellingpartnerapi-na.amazon.com/reports/2021-06-30/documents/D1" });
    await expect(attempt).rejects.toThrow(/next request in 2 s/);
    expect(sent).toBe(1);
  });
});
