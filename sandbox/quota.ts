// Token buckets per (seller or profile, operation) at Amazon's published
// default rates (notes §c-§i). Refill follows the sandbox clock, so the
// time-scale knob speeds quotas up together with everything else.

export interface Limit { rate: number; burst: number }

export const SP_LIMITS: Record<string, Limit> = {
  getMarketplaceParticipations: { rate: 0.016, burst: 15 },
  getOrders: { rate: 0.0167, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  getOrderItems: { rate: 0.5, burst: 30 },
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder2026: { rate: 0.5, burst: 30 },
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReports: { rate: 0.0222, burst: 10 },
  cancelReport: { rate: 0.0222, burst: 10 },
  getReportDocument: { rate: 0.0167, burst: 15 },
  getCatalogItem: { rate: 2, burst: 2 },
  searchCatalogItems: { rate: 2, burst: 2 },
  getListingsItem: { rate: 5, burst: 10 },
  searchListingsItems: { rate: 5, burst: 5 },
  getInventorySummaries: { rate: 2, burst: 2 },
  listFinancialEventsByOrderId: { rate: 0.5, burst: 30 },
  listFinancialEvents: { rate: 0.5, burst: 30 },
  getOrderMetrics: { rate: 0.5, burst: 15 },
  getShipments: { rate: 2, burst: 30 },
  getShipmentItemsByShipmentId: { rate: 2, burst: 30 },
  getShipmentItems: { rate: 2, burst: 30 },
};

/** Ads limits are dynamic and unpublished: one configurable default. */
export const ADS_DEFAULT_LIMIT: Limit = { rate: 10, burst: 20 };

interface Bucket { tokens: number; at: number }

export class Quotas {
  private buckets = new Map<string, Bucket>();
  adsLimit: Limit = { ...ADS_DEFAULT_LIMIT };
  /** Amazon's published SP-API limits; a test with a frozen clock may widen one (its bucket never refills). */
  spLimits: Record<string, Limit> = structuredClone(SP_LIMITS);

  limitFor(operation: string, ads: boolean): Limit | undefined {
    return ads ? this.adsLimit : this.spLimits[operation];
  }

  /** Takes one token; returns false when the bucket is empty. */
  take(key: string, limit: Limit, now: number): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: limit.burst, at: now };
      this.buckets.set(key, b);
    }
    const elapsed = Math.max(0, now - b.at) / 1000;
    b.tokens = Math.min(limit.burst, b.tokens + elapsed * limit.rate);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Sandbox seconds until the next token (for Retry-After). */
  retryAfterSeconds(key: string, limit: Limit): number {
    const b = this.buckets.get(key);
    const missing = b ? 1 - b.tokens : 0;
    return Math.max(1, Math.ceil(missing / limit.rate));
  }

  reset(): void {
    this.buckets.clear();
  }
}
