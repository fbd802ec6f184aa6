import { sql, type SQL } from "drizzle-orm";
import type { Database } from "~/db/client";
import { orderItems, orders, organizations, storeMarketplaces, stores, syncRuns } from "~/db/schema";
import { salesMetricsDaily } from "~/server/sync/tasks/sales-api/table";
import { tieOut, type TieOut } from "./tie-out";

/*
 * The All Sites Sales Summary: every marketplace of every store, per local day, Amazon's own figures (Sales
 * API) beside the product's order totals, the gap and why, and totals in the organization's base currency
 * (ECB rates of each day, `in_currency`). Money stays numeric in PostgreSQL and leaves as exact decimal text.
 */

export interface SummaryFilters {
  /** The last N local days of each marketplace's own calendar, or an explicit range. */
  days?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  storeMarketplaceId?: string | undefined;
  /** Only days whose figures differ. */
  differencesOnly?: boolean | undefined;
  sort?: SummarySortKey | undefined;
  dir?: "asc" | "desc" | undefined;
}

export const SUMMARY_SORT_KEYS = ["day", "marketplace", "amazonOrders", "oursOrders", "orderGap", "amazonUnits", "oursUnits", "amazonSales", "oursSales", "salesGap", "amazonSalesBase"] as const;
export type SummarySortKey = (typeof SUMMARY_SORT_KEYS)[number];

const SORT_SQL: Record<SummarySortKey, SQL> = {
  day: sql`day`,
  marketplace: sql`country_code`,
  amazonOrders: sql`amazon_orders`,
  oursOrders: sql`ours_orders`,
  orderGap: sql`order_gap`,
  amazonUnits: sql`amazon_units`,
  oursUnits: sql`ours_units`,
  amazonSales: sql`amazon_sales`,
  oursSales: sql`ours_sales`,
  salesGap: sql`sales_gap`,
  amazonSalesBase: sql`amazon_sales_base`,
};

/** The order syncs whose runs say when our side of a day was last brought up to date. */
const ORDER_TASKS = ["orders-incremental", "orders-history"];

/** Both sides of every marketplace day the filters select, with what the tie-out needs; one row per day. */
function dayRows(organizationId: string, baseCurrency: string, f: SummaryFilters): SQL {
  const day = sql`s.day`;
  const range = f.days
    ? sql`${day}::date > (now() at time zone m.time_zone)::date - ${f.days}::int`
    : sql`${day} >= ${f.from ?? "0000-01-01"} and ${day} <= ${f.to ?? "9999-12-31"}`;
  // Sync runs that can cover these days started no earlier than two days before the first of them
  // (a run never covers a day that has not begun, and zones are at most a day apart).
  const runsSince = f.days ? sql`now() - make_interval(days => ${f.days + 2})` : sql`${f.from ?? "0000-01-01"}::date - 2`;
  return sql`
    with m as (
      select sm.id, sm.country_code, sm.name, sm.time_zone
      from ${storeMarketplaces} sm join ${stores} st on st.id = sm.store_id
      where sm.organization_id = ${organizationId} and sm.is_participating
        ${f.storeMarketplaceId ? sql`and sm.id = ${f.storeMarketplaceId}` : sql``}
    ),
    amazon as (
      select s.store_marketplace_id, s.day, s.order_count, s.unit_count, s.total_sales, s.currency,
        m.country_code, m.name as marketplace_name, m.time_zone,
        ((s.day::date + 1)::timestamp at time zone m.time_zone) as day_end
      from ${salesMetricsDaily} s join m on m.id = s.store_marketplace_id
      where s.organization_id = ${organizationId} and ${range}
    ),
    -- The last successful run of each kind that covered a day: runs with the same days collapse first
    -- (a day is asked for ~100 times while it is recent), then their days are spelled out.
    runs as (
      select r.task, r.scope_id, r.windows, max(r.finished_at) as at
      from ${syncRuns} r
      where r.organization_id = ${organizationId} and r.status = 'succeeded' and r.started_at >= ${runsSince}
        and r.task in ('sales-api', ${sql.join(ORDER_TASKS.map((t) => sql`${t}`), sql`, `)})
      group by 1, 2, 3
    ),
    covered as (
      select r.scope_id, d::date::text as day,
        max(r.at) filter (where r.task = 'sales-api') as amazon_fetched_at,
        max(r.at) filter (where r.task <> 'sales-api') as ours_run_at
      from runs r
      cross join lateral jsonb_to_recordset(r.windows) as w(start text, "end" text)
      cross join lateral generate_series(w.start::date, w."end"::date, interval '1 day') as d
      group by 1, 2
    ),
    ours as (
      select o.store_marketplace_id, o.purchase_day as day,
        count(*) filter (where o.status <> 'Canceled')::int as orders,
        coalesce(sum(i.units) filter (where o.status <> 'Canceled'), 0)::int as units,
        coalesce(sum(i.sales) filter (where o.status <> 'Canceled'), 0) as sales,
        count(*) filter (where o.status in ('Pending', 'PendingAvailability'))::int as pending,
        count(*) filter (where o.status <> 'Canceled' and (o.items_synced_for is null or o.items_synced_for < o.last_update_date))::int as items_pending,
        count(*) filter (where o.status = 'Canceled' and o.last_update_date > c.amazon_fetched_at)::int as cancelled_after_fetch,
        count(*) filter (where o.status <> 'Canceled' and o.purchase_date > c.amazon_fetched_at)::int as placed_after_fetch,
        max(o.synced_at) as last_written_at
      from ${orders} o
      join amazon a on a.store_marketplace_id = o.store_marketplace_id and a.day = o.purchase_day
      left join covered c on c.scope_id = o.store_marketplace_id and c.day = o.purchase_day
      left join lateral (
        select sum(it.quantity_ordered) as units, sum(it.item_price) as sales
        from ${orderItems} it where it.store_marketplace_id = o.store_marketplace_id and it.amazon_order_id = o.amazon_order_id
      ) i on true
      where o.organization_id = ${organizationId}
      group by 1, 2
    )
    select a.store_marketplace_id, a.country_code, a.marketplace_name, a.time_zone, a.day, a.currency,
      a.order_count as amazon_orders, a.unit_count as amazon_units, a.total_sales as amazon_sales,
      coalesce(o.orders, 0) as ours_orders, coalesce(o.units, 0) as ours_units, coalesce(o.sales, 0) as ours_sales,
      a.order_count - coalesce(o.orders, 0) as order_gap,
      a.unit_count - coalesce(o.units, 0) as unit_gap,
      a.total_sales - coalesce(o.sales, 0) as sales_gap,
      in_currency(a.total_sales, a.currency, ${baseCurrency}, a.day) as amazon_sales_base,
      in_currency(coalesce(o.sales, 0), a.currency, ${baseCurrency}, a.day) as ours_sales_base,
      coalesce(o.pending, 0) as pending, coalesce(o.items_pending, 0) as items_pending,
      coalesce(o.cancelled_after_fetch, 0) as cancelled_after_fetch, coalesce(o.placed_after_fetch, 0) as placed_after_fetch,
      c.amazon_fetched_at, greatest(c.ours_run_at, o.last_written_at) as ours_synced_at, a.day_end,
      -- The neighbouring days' order gaps, for "counted on the other side of midnight".
      lag(a.order_count - coalesce(o.orders, 0)) over w as previous_order_gap,
      lead(a.order_count - coalesce(o.orders, 0)) over w as next_order_gap
    from amazon a
    left join ours o on o.store_marketplace_id = a.store_marketplace_id and o.day = a.day
    left join covered c on c.scope_id = a.store_marketplace_id and c.day = a.day
    window w as (partition by a.store_marketplace_id order by a.day)`;
}

interface DayRow extends Record<string, unknown> {
  store_marketplace_id: string;
  country_code: string;
  marketplace_name: string;
  time_zone: string;
  day: string;
  currency: string;
  amazon_orders: number;
  amazon_units: number;
  amazon_sales: string;
  ours_orders: number;
  ours_units: number;
  ours_sales: string;
  order_gap: number;
  unit_gap: number;
  sales_gap: string;
  amazon_sales_base: string | null;
  ours_sales_base: string | null;
  pending: number;
  items_pending: number;
  cancelled_after_fetch: number;
  placed_after_fetch: number;
  amazon_fetched_at: Date | string | null;
  ours_synced_at: Date | string | null;
  day_end: Date | string;
  previous_order_gap: number | null;
  next_order_gap: number | null;
  total_count: number;
}

export interface SummaryRow {
  storeMarketplaceId: string;
  marketplace: string;
  marketplaceName: string;
  timeZone: string;
  day: string;
  currency: string;
  amazon: { orders: number; units: number; sales: string };
  ours: { orders: number; units: number; sales: string };
  gap: { orders: number; units: number; sales: string };
  /** Amazon's sales and ours in the base currency; null where the ECB quotes no rate for the currency. */
  amazonSalesBase: string | null;
  oursSalesBase: string | null;
  amazonFetchedAt: string | null;
  oursSyncedAt: string | null;
  tieOut: TieOut;
}

const instant = (v: Date | string | null) => (v === null ? null : new Date(v));
/** A sync after the day ended saw all of it: for "who saw more of the day", later than its end is its end. */
const notAfter = (v: Date | null, end: Date) => (v && v > end ? end : v);
const decimalSign = (v: string) => (/^-/.test(v) ? -1 : /[1-9]/.test(v) ? 1 : 0);

function toSummaryRow(r: DayRow): SummaryRow {
  const amazonFetchedAt = instant(r.amazon_fetched_at);
  const syncedAt = instant(r.ours_synced_at);
  const dayEnd = new Date(r.day_end);
  return {
    storeMarketplaceId: r.store_marketplace_id,
    marketplace: r.country_code,
    marketplaceName: r.marketplace_name,
    timeZone: r.time_zone,
    day: r.day,
    currency: r.currency,
    amazon: { orders: r.amazon_orders, units: r.amazon_units, sales: r.amazon_sales },
    ours: { orders: r.ours_orders, units: r.ours_units, sales: r.ours_sales },
    gap: { orders: r.order_gap, units: r.unit_gap, sales: r.sales_gap },
    amazonSalesBase: r.amazon_sales_base,
    oursSalesBase: r.ours_sales_base,
    amazonFetchedAt: amazonFetchedAt?.toISOString() ?? null,
    oursSyncedAt: syncedAt?.toISOString() ?? null,
    tieOut: tieOut({
      orderGap: r.order_gap,
      unitGap: r.unit_gap,
      salesGapSign: decimalSign(r.sales_gap),
      amazonFetchedAt: notAfter(amazonFetchedAt, dayEnd),
      oursSyncedAt: notAfter(syncedAt, dayEnd),
      pendingOrders: r.pending,
      itemsPendingOrders: r.items_pending,
      cancelledAfterFetch: r.cancelled_after_fetch,
      placedAfterFetch: r.placed_after_fetch,
      oppositeNeighbourGap: r.order_gap !== 0 && (r.previous_order_gap === -r.order_gap || r.next_order_gap === -r.order_gap),
    }),
  };
}

const differs = sql`(order_gap <> 0 or unit_gap <> 0 or sales_gap <> 0)`;

/** One page of the summary's marketplace days, sorted, with how many the filters select. */
export async function summaryRows(db: Database, organizationId: string, baseCurrency: string, f: SummaryFilters & { page: number; pageSize: number }) {
  const sort = SORT_SQL[f.sort ?? "day"];
  const dir = f.sort ? (f.dir === "desc" ? sql`desc` : sql`asc`) : sql`desc`;
  const rows = await db.execute<DayRow>(sql`
    select *, count(*) over ()::int as total_count from (${dayRows(organizationId, baseCurrency, f)}) d
    ${f.differencesOnly ? sql`where ${differs}` : sql``}
    order by ${sort} ${dir} nulls last, day desc, country_code asc, store_marketplace_id asc
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { rows: rows.map(toSummaryRow), count: rows[0]?.total_count ?? 0 };
}

/** Every marketplace day the filters select, in batches (the CSV export). */
export async function* allSummaryRows(db: Database, organizationId: string, baseCurrency: string, f: SummaryFilters, batch = 1000) {
  for (let page = 1; ; page++) {
    const { rows } = await summaryRows(db, organizationId, baseCurrency, { ...f, page, pageSize: batch });
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

/**
 * Totals of what the filters select: per currency (Amazon's and ours), per day in the base currency (the
 * chart), and overall in the base currency, with the currencies the ECB quotes no rate for.
 */
export async function summaryTotals(db: Database, organizationId: string, baseCurrency: string, f: SummaryFilters) {
  const rows = await db.execute<{
    level: number;
    currency: string | null;
    day: string | null;
    amazon_orders: number;
    amazon_units: number;
    amazon_sales: string | null;
    ours_orders: number;
    ours_units: number;
    ours_sales: string | null;
    amazon_sales_base: string | null;
    ours_sales_base: string | null;
    unconverted: string[] | null;
  }>(sql`
    select grouping(currency, day)::int as level, currency, day,
      sum(amazon_orders)::int as amazon_orders, sum(amazon_units)::int as amazon_units, sum(amazon_sales)::text as amazon_sales,
      sum(ours_orders)::int as ours_orders, sum(ours_units)::int as ours_units, sum(ours_sales)::text as ours_sales,
      round(sum(amazon_sales_base), 2)::text as amazon_sales_base, round(sum(ours_sales_base), 2)::text as ours_sales_base,
      array_agg(distinct currency) filter (where amazon_sales_base is null) as unconverted
    from (${dayRows(organizationId, baseCurrency, f)}) d
    ${f.differencesOnly ? sql`where ${differs}` : sql``}
    group by grouping sets ((currency), (day), ())`);
  // grouping(currency, day): 1 = per currency (day rolled up), 2 = per day, 3 = everything.
  const byCurrency = rows
    .filter((r) => r.level === 1)
    .map((r) => ({ currency: r.currency!, amazon: { orders: r.amazon_orders, units: r.amazon_units, sales: r.amazon_sales ?? "0" }, ours: { orders: r.ours_orders, units: r.ours_units, sales: r.ours_sales ?? "0" } }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
  const byDay = rows
    .filter((r) => r.level === 2)
    .map((r) => ({ day: r.day!, amazonSales: r.amazon_sales_base, oursSales: r.ours_sales_base, amazonOrders: r.amazon_orders, oursOrders: r.ours_orders }))
    .sort((a, b) => a.day.localeCompare(b.day));
  const all = rows.find((r) => r.level === 3);
  const unconverted = all?.unconverted ?? [];
  return {
    byCurrency,
    byDay,
    base: {
      currency: baseCurrency,
      orders: { amazon: all?.amazon_orders ?? 0, ours: all?.ours_orders ?? 0 },
      units: { amazon: all?.amazon_units ?? 0, ours: all?.ours_units ?? 0 },
      // A total that leaves out a currency without a rate would be wrong; it is not given.
      amazonSales: unconverted.length ? null : (all?.amazon_sales_base ?? "0.00"),
      oursSales: unconverted.length ? null : (all?.ours_sales_base ?? "0.00"),
      unconverted,
    },
  };
}

export async function baseCurrencyOf(db: Database, organizationId: string): Promise<string> {
  const [row] = await db.select({ baseCurrency: organizations.baseCurrency }).from(organizations).where(sql`${organizations.id} = ${organizationId}`);
  return row?.baseCurrency ?? "USD";
}
