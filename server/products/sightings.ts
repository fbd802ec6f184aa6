import { sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import type { RunScope } from "~/server/sync/kit/scope";

/*
 * Which products a marketplace's synced data names: the SKUs (and their ASINs) of its orders, and of the
 * promoted products of the seller's own ad profile there. Each is kept as a small table of its own, written
 * only when a product's figures changed, so a run with nothing new writes nothing.
 */

/**
 * Every SKU of the marketplace's synced orders (incremental and historical alike), with the ASIN and title
 * of its latest day's orders, the units ordered in orders that were not cancelled, and its latest order's
 * local day. A SKU no synced order names any more leaves. Returns the rows written.
 */
export async function refreshProductsSold(db: Database, scope: RunScope): Promise<number> {
  // One statement, one read of the items: the upsert and the removal both come from `sold`. The latest
  // day's ASIN and title are the greatest "day + value" text — a hash aggregate, where ordering every item
  // (array_agg … order by) sorted a year of a big seller's items for each run.
  const [result] = await db.execute<{ written: number }>(sql`
    with sold as (
      select i.seller_sku as sku,
        max(o.purchase_day || ' ' || i.asin) as latest_asin,
        max(o.purchase_day || ' ' || coalesce(i.title, '')) as latest_title,
        coalesce(sum(i.quantity_ordered) filter (where o.status <> 'Canceled'), 0)::int as units,
        max(o.purchase_day) as last_day
      from order_items i
      join orders o on o.store_marketplace_id = i.store_marketplace_id and o.amazon_order_id = i.amazon_order_id
      where i.store_marketplace_id = ${scope.scopeId} and i.seller_sku is not null
      group by i.seller_sku
    ),
    upserted as (
      insert into products_sold (organization_id, store_marketplace_id, sku, asin, title, units_ordered, last_ordered_day, synced_at)
      select ${scope.organizationId}::uuid, ${scope.scopeId}::uuid, sku, substr(latest_asin, 12), nullif(substr(latest_title, 12), ''), units, last_day, now()
      from sold
      on conflict (store_marketplace_id, sku) do update set
        asin = excluded.asin, title = excluded.title, units_ordered = excluded.units_ordered,
        last_ordered_day = excluded.last_ordered_day, synced_at = excluded.synced_at
      where (products_sold.asin, products_sold.title, products_sold.units_ordered, products_sold.last_ordered_day)
        is distinct from (excluded.asin, excluded.title, excluded.units_ordered, excluded.last_ordered_day)
      returning 1
    ),
    gone as (
      delete from products_sold s
      where s.store_marketplace_id = ${scope.scopeId} and s.sku not in (select sku from sold)
      returning 1
    )
    select ((select count(*) from upserted) + (select count(*) from gone))::int as written`);
  return result!.written;
}

/**
 * Every SKU the marketplace's Sponsored Products ads promote, from the advertised-product report rows of the
 * organization's ad profiles that are this seller's own account in this marketplace: an Ads account of
 * another seller promotes another seller's SKUs, which this store's listings do not have. Returns the rows
 * written, and how many ad profiles advertise here.
 */
export async function refreshProductsAdvertised(db: Database, scope: RunScope): Promise<{ written: number; adProfiles: number }> {
  // One statement, as for products sold; no profile of this seller here leaves the list empty.
  const [result] = await db.execute<{ written: number; ad_profiles: number }>(sql`
    with profiles as (
      select id from ad_profiles
      where organization_id = ${scope.organizationId} and marketplace_id = ${scope.marketplaceId ?? ""}
        and account_type = 'seller' and account_id = ${scope.sellingPartnerId ?? ""}
    ),
    advertised as (
      select d.sku, max(d.day::text || ' ' || d.asin) as latest_asin, min(d.day)::text as first_day, max(d.day)::text as last_day
      from ad_product_daily d
      where d.ad_profile_id in (select id from profiles) and d.sku <> ''
      group by d.sku
    ),
    upserted as (
      insert into products_advertised (organization_id, store_marketplace_id, sku, asin, first_advertised_day, last_advertised_day, synced_at)
      select ${scope.organizationId}::uuid, ${scope.scopeId}::uuid, sku, substr(latest_asin, 12), first_day, last_day, now()
      from advertised
      on conflict (store_marketplace_id, sku) do update set
        asin = excluded.asin, first_advertised_day = excluded.first_advertised_day, last_advertised_day = excluded.last_advertised_day,
        synced_at = excluded.synced_at
      where (products_advertised.asin, products_advertised.first_advertised_day, products_advertised.last_advertised_day)
        is distinct from (excluded.asin, excluded.first_advertised_day, excluded.last_advertised_day)
      returning 1
    ),
    gone as (
      delete from products_advertised a
      where a.store_marketplace_id = ${scope.scopeId} and a.sku not in (select sku from advertised)
      returning 1
    )
    select ((select count(*) from upserted) + (select count(*) from gone))::int as written, (select count(*) from profiles)::int as ad_profiles`);
  return { written: result!.written, adProfiles: result!.ad_profiles };
}
