import { DateTime } from "luxon";
import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import { formatMinor } from "../util/money";
import { DAY } from "../util/time";
import { orderStatusAt } from "../world/orders";
import { list, sellerMarketplaces, sellerOf } from "./common";

const GRANULARITIES = ["Hour", "Day", "Week", "Month", "Year", "Total"] as const;
type Granularity = (typeof GRANULARITIES)[number];

function parseInterval(s: string): { start: DateTime; end: DateTime } {
  const [a, b] = s.split("--");
  const start = a ? DateTime.fromISO(a, { setZone: true }) : undefined;
  const end = b ? DateTime.fromISO(b, { setZone: true }) : undefined;
  if (!start?.isValid || !end?.isValid || end <= start) throw spError(400, "InvalidInput", "Invalid interval; expected <start>--<end> in ISO 8601");
  return { start, end };
}

/** Amazon writes interval bounds without seconds: 2019-08-01T00:00-07:00. */
function fmt(d: DateTime): string {
  return d.toFormat("yyyy-MM-dd'T'HH:mmZZ");
}

function getOrderMetrics(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  const mpIds = list(ctx, "marketplaceIds");
  if (mpIds.length !== 1) throw spError(400, "InvalidInput", "marketplaceIds must contain exactly one marketplace");
  const [mp] = sellerMarketplaces(ctx, seller, mpIds, "marketplaceIds");
  if (!mp) throw spError(400, "InvalidInput", "marketplaceIds is required");
  const g = ctx.query.get("granularity") as Granularity | null;
  if (!g || !GRANULARITIES.includes(g)) throw spError(400, "InvalidInput", "Invalid granularity");
  const interval = ctx.query.get("interval");
  if (!interval) throw spError(400, "InvalidInput", "interval is required");
  let { start, end } = parseInterval(interval);
  const tz = ctx.query.get("granularityTimeZone");
  if (g !== "Hour" && !tz) throw spError(400, "InvalidInput", "granularityTimeZone is required for granularity other than Hour");
  const zone = tz ?? "UTC";
  if (!DateTime.now().setZone(zone).isValid) throw spError(400, "InvalidInput", "Invalid granularityTimeZone");
  if (g === "Hour" && start.toMillis() < now - 30 * DAY) throw spError(400, "InvalidInput", "Hour granularity is only available for the last 30 days");
  if (start.toMillis() < now - 2 * 366 * DAY) throw spError(400, "InvalidInput", "interval cannot start more than 2 years ago");
  const buyerType = ctx.query.get("buyerType") ?? "All";
  const network = ctx.query.get("fulfillmentNetwork");
  const asin = ctx.query.get("asin");
  const sku = ctx.query.get("sku");
  if (asin && sku) throw spError(400, "InvalidInput", "asin and sku are mutually exclusive");
  const firstDay = ctx.query.get("firstDayOfWeek") ?? "Monday";
  start = start.setZone(zone);
  end = end.setZone(zone);
  // Bucket boundaries; partial first/last buckets when the interval is misaligned.
  const bounds: DateTime[] = [start];
  if (g !== "Total") {
    const unit = g === "Hour" ? "hour" : g === "Day" ? "day" : g === "Week" ? "week" : g === "Month" ? "month" : "year";
    let b = start.startOf(unit);
    if (g === "Week" && firstDay === "Sunday") b = start.plus({ days: 1 }).startOf("week").minus({ days: 1 });
    if (b <= start) b = b.plus({ [`${unit}s`]: 1 });
    while (b < end) { bounds.push(b); b = b.plus({ [`${unit}s`]: 1 }); }
  }
  bounds.push(end);
  const buckets = bounds.slice(0, -1).map((b, i) => ({ start: b, end: bounds[i + 1] ?? end, units: 0, items: 0, orders: 0, sales: 0 }));
  const s0 = start.toMillis();
  const e0 = Math.min(end.toMillis(), now);
  let bi = 0;
  for (const o of ctx.sb.world.ordersPurchasedBetween(seller, mp, s0, e0)) {
    if (orderStatusAt(o, now) === "Canceled") continue;
    if (buyerType === "B2B" && !o.isBusiness) continue;
    if (buyerType === "B2C" && o.isBusiness) continue;
    if (network && network !== o.channel) continue;
    const lines = o.lines.filter((l) => (!asin || l.product.asin === asin) && (!sku || l.product.sku === sku));
    if (lines.length === 0) continue;
    while (bi < buckets.length - 1 && o.purchaseMs >= (buckets[bi]?.end.toMillis() ?? 0)) bi++;
    const b = buckets[bi];
    if (!b) continue;
    b.orders += 1;
    for (const l of lines) { b.items += 1; b.units += l.quantity; b.sales += l.itemPrice; }
  }
  const cur = mp.currency;
  const payload = buckets.map((b) => ({
    interval: `${fmt(b.start)}--${fmt(b.end)}`,
    unitCount: b.units,
    orderItemCount: b.items,
    orderCount: b.orders,
    averageUnitPrice: { currencyCode: cur, amount: formatMinor(b.units ? Math.round(b.sales / b.units) : 0, cur) },
    totalSales: { currencyCode: cur, amount: formatMinor(b.sales, cur) },
  }));
  return { status: 200, body: { payload } };
}

export const salesRoutes: Route[] = [
  { method: "GET", path: "/sales/v1/orderMetrics", operation: "getOrderMetrics", auth: "sp", handler: getOrderMetrics },
];
