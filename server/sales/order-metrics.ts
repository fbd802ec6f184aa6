import { DateTime } from "luxon";
import { z } from "zod";
import { amazonHosts, type Region } from "~/server/amazon/endpoints";
import { amazonRequest, type AmazonCaller } from "~/server/amazon/request";

const money = z.object({ amount: z.string(), currencyCode: z.string() });
const metrics = z.object({
  payload: z.array(
    z.object({
      interval: z.string(),
      unitCount: z.number().int(),
      orderItemCount: z.number().int(),
      orderCount: z.number().int(),
      averageUnitPrice: money,
      totalSales: money,
    }),
  ),
});

export interface DayMetrics {
  /** The marketplace's local day. */
  day: string;
  orderCount: number;
  orderItemCount: number;
  unitCount: number;
  totalSales: string;
  averageUnitPrice: string;
  currency: string;
}

/**
 * Sales v1 getOrderMetrics for local days `from`–`to` of one marketplace, one figure per day: granularity
 * Day in the marketplace's time zone, so Amazon's days are the marketplace's days (its interval bounds carry
 * the zone's offset, and a day of a clock change is 23 or 25 hours long).
 */
export async function getDailyOrderMetrics(caller: AmazonCaller, region: Region, args: { marketplaceId: string; timeZone: string; from: string; to: string }): Promise<DayMetrics[]> {
  const start = DateTime.fromISO(args.from, { zone: args.timeZone }).startOf("day");
  const end = DateTime.fromISO(args.to, { zone: args.timeZone }).startOf("day").plus({ days: 1 });
  const params = new URLSearchParams({
    marketplaceIds: args.marketplaceId,
    interval: `${start.toISO({ suppressMilliseconds: true })}--${end.toISO({ suppressMilliseconds: true })}`,
    granularity: "Day",
    granularityTimeZone: args.timeZone,
  });
  const response = await amazonRequest(caller, { api: "sp-api", operation: "getOrderMetrics", url: `${amazonHosts(region).spApi}/sales/v1/orderMetrics?${params}` });
  return metrics.parse(await response.json()).payload.map((m) => ({
    // "2026-11-30T00:00-08:00--2026-12-01T00:00-08:00": the day is the interval's start, in its own offset.
    day: m.interval.slice(0, 10),
    orderCount: m.orderCount,
    orderItemCount: m.orderItemCount,
    unitCount: m.unitCount,
    totalSales: m.totalSales.amount,
    averageUnitPrice: m.averageUnitPrice.amount,
    currency: m.totalSales.currencyCode,
  }));
}
