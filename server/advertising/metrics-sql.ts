import { sql, type SQL } from "drizzle-orm";
import type { adCampaignDaily, adGroupDaily, adProductDaily, adTargetDaily } from "~/db/schema";

type DailyTable = typeof adCampaignDaily | typeof adGroupDaily | typeof adTargetDaily | typeof adProductDaily;

/**
 * The range's sums of one daily report table, per group, named as every list reads them. Sales and orders
 * are Sponsored Products' seller attribution (7 days), as Seller Central shows them.
 */
export const reportSums = (t: DailyTable) => sql`
  sum(${t.impressions}) as impressions, sum(${t.clicks}) as clicks, sum(${t.cost}) as spend,
  sum(${t.sales7d}) as sales, sum(${t.purchases7d}) as orders`;

/** Zero rather than nothing for an entity without a report row in the range. */
export const SUMS_OR_ZERO = sql.raw(
  ["impressions", "clicks", "spend", "sales", "orders"].map((m) => `coalesce(m.${m}, 0) as ${m}`).join(", "),
);

/** Sums of nothing: the shape of `reportSums` for a list without a report (negatives get no metrics). */
export const NO_SUMS = sql.raw("0::numeric as impressions, 0::numeric as clicks, 0::numeric as spend, 0::numeric as sales, 0::numeric as orders");

/**
 * The ratios Seller Central shows, computed in PostgreSQL from exact sums (null when the divisor is zero):
 * CTR = clicks / impressions, CPC = spend / clicks, ACOS = spend / sales, ROAS = sales / spend,
 * CVR = orders / clicks; percentages with two decimals. `m` is the alias holding the sums.
 */
export function ratios(m: string): Record<"ctr" | "cpc" | "acos" | "roas" | "cvr", SQL> {
  const c = (column: string) => sql.raw(`${m}.${column}`);
  return {
    ctr: sql`case when ${c("impressions")} > 0 then round(${c("clicks")} * 100.0 / ${c("impressions")}, 2) end`,
    cpc: sql`case when ${c("clicks")} > 0 then round(${c("spend")} / ${c("clicks")}, 2) end`,
    acos: sql`case when ${c("sales")} > 0 then round(${c("spend")} * 100 / ${c("sales")}, 2) end`,
    roas: sql`case when ${c("spend")} > 0 then round(${c("sales")} / ${c("spend")}, 2) end`,
    cvr: sql`case when ${c("clicks")} > 0 then round(${c("orders")} * 100.0 / ${c("clicks")}, 2) end`,
  };
}

/** Each metric's sort expression over the alias holding the sums: a ratio sorts by its exact value, not its text. */
export function metricSorts(m: string): Record<"impressions" | "clicks" | "spend" | "orders" | "sales" | "ctr" | "cpc" | "acos" | "roas" | "cvr", SQL> {
  const c = (column: string) => sql.raw(`${m}.${column}`);
  return {
    impressions: c("impressions"),
    clicks: c("clicks"),
    spend: c("spend"),
    orders: c("orders"),
    sales: c("sales"),
    ctr: sql`case when ${c("impressions")} > 0 then ${c("clicks")} / ${c("impressions")} end`,
    cpc: sql`case when ${c("clicks")} > 0 then ${c("spend")} / ${c("clicks")} end`,
    acos: sql`case when ${c("sales")} > 0 then ${c("spend")} / ${c("sales")} end`,
    roas: sql`case when ${c("spend")} > 0 then ${c("sales")} / ${c("spend")} end`,
    cvr: sql`case when ${c("clicks")} > 0 then ${c("orders")} / ${c("clicks")} end`,
  };
}

/** The ratios as text columns of a select list (money and percentages leave PostgreSQL as exact text). */
export function ratioColumns(m: string): SQL {
  const r = ratios(m);
  return sql.join(
    Object.entries(r).map(([name, expression]) => sql`(${expression})::text as ${sql.raw(name)}`),
    sql`, `,
  );
}

/** What every list row and total carries: exact decimal strings; ratios null when undefined. */
export interface Metrics {
  impressions: string;
  clicks: string;
  spend: string;
  sales: string;
  orders: string;
  ctr: string | null;
  cpc: string | null;
  acos: string | null;
  roas: string | null;
  cvr: string | null;
}
