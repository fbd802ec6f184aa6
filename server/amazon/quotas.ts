import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { apiQuotaBuckets } from "~/db/schema";
import { setting } from "~/server/settings";

export interface QuotaSpec {
  ratePerSecond: number;
  burst: number;
}

/**
 * Amazon's published default usage plans (requests per second, burst). Amazon may grant a seller more or
 * less; its `x-amzn-RateLimit-Limit` header corrects the rate as soon as one answer carries it.
 */
export const SP_API_QUOTAS: Record<string, QuotaSpec> = {
  getMarketplaceParticipations: { ratePerSecond: 0.016, burst: 15 },
  getOrders: { ratePerSecond: 0.0167, burst: 20 },
  getOrderItems: { ratePerSecond: 0.5, burst: 30 },
  searchOrders: { ratePerSecond: 0.0056, burst: 20 },
  createReport: { ratePerSecond: 0.0167, burst: 15 },
  getReport: { ratePerSecond: 2, burst: 15 },
  getReports: { ratePerSecond: 0.0222, burst: 10 },
  cancelReport: { ratePerSecond: 0.0222, burst: 10 },
  getReportDocument: { ratePerSecond: 0.0167, burst: 15 },
  getCatalogItem: { ratePerSecond: 2, burst: 2 },
  searchCatalogItems: { ratePerSecond: 2, burst: 2 },
  getListingsItem: { ratePerSecond: 5, burst: 10 },
  searchListingsItems: { ratePerSecond: 5, burst: 5 },
  getInventorySummaries: { ratePerSecond: 2, burst: 2 },
  listFinancialEvents: { ratePerSecond: 0.5, burst: 30 },
  listFinancialEventsByOrderId: { ratePerSecond: 0.5, burst: 30 },
  getOrderMetrics: { ratePerSecond: 0.5, burst: 15 },
  getShipments: { ratePerSecond: 2, burst: 30 },
  getShipmentItems: { ratePerSecond: 2, burst: 30 },
};

/** The Ads API publishes no numbers and throttles dynamically (429 + Retry-After); start modestly. */
export const ADS_API_QUOTA: QuotaSpec = { ratePerSecond: 2, burst: 5 };

/** Speeds every rate up together with the sandbox's time scale, for accelerated tests and demos. */
export function quotaScale(): number {
  return setting("AMAZON_QUOTA_SCALE");
}

/**
 * Reserves one request from a shared bucket and says how long to wait before sending it. Tokens may go
 * below zero: each caller then holds a place in line, so concurrent jobs (in any process) pace themselves
 * at the bucket's rate instead of discovering it through 429s.
 */
export async function reserveRequest(db: Database, key: string, spec: QuotaSpec, now = new Date()): Promise<number> {
  const rate = spec.ratePerSecond * quotaScale();
  const at = now.toISOString();
  const [row] = await db
    .insert(apiQuotaBuckets)
    .values({ key, ratePerSecond: rate, burst: spec.burst, tokens: spec.burst - 1, updatedAt: now })
    .onConflictDoUpdate({
      target: apiQuotaBuckets.key,
      set: {
        tokens: sql`least(${apiQuotaBuckets.burst}::float8, ${apiQuotaBuckets.tokens} + greatest(0, extract(epoch from (${at}::timestamptz - ${apiQuotaBuckets.updatedAt}))) * ${apiQuotaBuckets.ratePerSecond}) - 1`,
        updatedAt: sql`greatest(${apiQuotaBuckets.updatedAt}, ${at}::timestamptz)`,
      },
    })
    .returning();
  const deficit = row!.tokens < 0 ? (-row!.tokens / row!.ratePerSecond) * 1000 : 0;
  const blocked = row!.blockedUntil ? row!.blockedUntil.getTime() - now.getTime() : 0;
  return Math.max(0, Math.ceil(Math.max(deficit, blocked)));
}

/** Gives back a reservation that will not be used (the caller chose to wait elsewhere, not in line). */
export async function releaseRequest(db: Database, key: string): Promise<void> {
  await db
    .update(apiQuotaBuckets)
    .set({ tokens: sql`least(${apiQuotaBuckets.burst}::float8, ${apiQuotaBuckets.tokens} + 1)` })
    .where(eq(apiQuotaBuckets.key, key));
}

/** Adopts the rate Amazon says applies to this seller and operation. */
export async function correctRate(db: Database, key: string, announcedPerSecond: number): Promise<void> {
  if (!(announcedPerSecond > 0)) return;
  const rate = announcedPerSecond * quotaScale();
  await db
    .update(apiQuotaBuckets)
    .set({ ratePerSecond: rate })
    .where(sql`${apiQuotaBuckets.key} = ${key} and abs(${apiQuotaBuckets.ratePerSecond} - ${rate}) > 1e-9`);
}

/**
 * After a 429 that names no wait (SP-API's): nobody sends on this bucket for one token's time at the rate
 * the bucket runs on, which Amazon's `x-amzn-RateLimit-Limit` may have corrected (the published default
 * would hold a seller with a faster plan back for a minute).
 */
export async function blockForOneToken(db: Database, key: string, now = new Date()): Promise<void> {
  await db
    .update(apiQuotaBuckets)
    .set({
      blockedUntil: sql`${now.toISOString()}::timestamptz + make_interval(secs => 1 / ${apiQuotaBuckets.ratePerSecond})`,
      tokens: sql`least(${apiQuotaBuckets.tokens}, 0)`,
    })
    .where(eq(apiQuotaBuckets.key, key));
}

/** After a 429: nobody sends on this bucket until Amazon's wait is over. */
export async function blockUntil(db: Database, key: string, until: Date): Promise<void> {
  await db
    .update(apiQuotaBuckets)
    .set({ blockedUntil: until, tokens: sql`least(${apiQuotaBuckets.tokens}, 0)` })
    .where(eq(apiQuotaBuckets.key, key));
}
