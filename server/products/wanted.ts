import { sql, type SQL } from "drizzle-orm";
import type { Database } from "~/db/client";
import type { RunScope } from "~/server/sync/kit/scope";

/** Details older than this are asked for again (a product's title, picture or price seldom moves faster). */
export const DETAILS_MAX_AGE_DAYS = 7;

/** Where a method's products are listed, and which of them to complete first. */
export interface Sightings {
  /** products_sold or products_advertised. */
  table: "products_sold" | "products_advertised";
  /** Larger first: the best sellers, the most recently advertised. */
  priority: SQL;
}

export interface Wanted {
  asins: string[];
  skus: string[];
}

/**
 * The ASINs and SKUs of a method's products whose details are missing or stale, most important first:
 *   - an ASIN whose catalog details were never fetched in this marketplace, or over a week ago (an ASIN
 *     Amazon did not know counts as fetched);
 *   - a SKU the full report does not hold (or whose last full report is over a week old) and whose listing
 *     was never fetched, or over a week ago.
 * The ASIN of a SKU is the one the page shows: the full report's, else the listing's, else the order's or ad's.
 */
export async function detailsWanted(db: Database, scope: RunScope, sightings: Sightings, now: Date): Promise<Wanted> {
  const staleBefore = new Date(now.getTime() - DETAILS_MAX_AGE_DAYS * 86_400_000).toISOString();
  const s = sql.raw(sightings.table);
  // The full report holds every listing of the marketplace when it last succeeded: a SKU it holds needs no
  // listing call while that report is recent.
  const [report] = await db.execute<{ fresh: boolean }>(sql`
    select coalesce(bool_or(last_succeeded_at > ${staleBefore}::timestamptz), false) as fresh
    from sync_states where task = 'products-full' and scope_id = ${scope.scopeId}`);
  const reportFresh = report?.fresh ?? false;
  const skus = await db.execute<{ sku: string }>(sql`
    select s.sku from ${s} s
    where s.store_marketplace_id = ${scope.scopeId}
      and not (${reportFresh} and exists (select 1 from products p where p.store_marketplace_id = s.store_marketplace_id and p.sku = s.sku))
      and not exists (select 1 from listing_offers l where l.store_marketplace_id = s.store_marketplace_id and l.sku = s.sku and l.fetched_at > ${staleBefore}::timestamptz)
    order by ${sightings.priority} desc, s.sku`);
  const asins = await db.execute<{ asin: string }>(sql`
    select x.asin from (
      select coalesce(p.asin, l.asin, s.asin) as asin, max(${sightings.priority}) as priority
      from ${s} s
      left join products p on p.store_marketplace_id = s.store_marketplace_id and p.sku = s.sku
      left join listing_offers l on l.store_marketplace_id = s.store_marketplace_id and l.sku = s.sku and l.found
      where s.store_marketplace_id = ${scope.scopeId}
      group by 1
    ) x
    where x.asin is not null and x.asin <> ''
      and not exists (select 1 from catalog_items c where c.store_marketplace_id = ${scope.scopeId} and c.asin = x.asin and c.fetched_at > ${staleBefore}::timestamptz)
    order by x.priority desc, x.asin`);
  return { asins: asins.map((r) => r.asin), skus: skus.map((r) => r.sku) };
}
