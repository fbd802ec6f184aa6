import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiQuotaBuckets } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore } from "~/test/factories";
import { amazonRequest, QuotaWaitError } from "./request";

let t: TestDatabase;
let grantId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const { organizationId } = await createMemberOf(t.db, "owner");
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
});
