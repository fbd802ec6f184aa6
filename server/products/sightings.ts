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
 * of its latest order, the units ordered in orders that were not cancelled, and its latest order's local
 * day. A SKU no synced order names any more leaves. Returns the rows written.
 */
export async function refreshProductsSold(db: Database, scope: RunScope): Promise<number> {
  return db.transaction(async (tx) => {
    const upserted = await tx.execute(sql`
      insert into products_sold (organization_id, store_marketplace_id, sku, asin, title, units_ordered, orders, last_ordered_day, synced_at)
      select ${scope.organizationId}::uuid, ${scope.scopeId}::uuid, i.seller_sku,
        (array_agg(i.asin order by o.purchase_date desc, i.order_item_id))[1],
        (array_agg(i.title order by o.purchase_date desc, i.order_item_id) filter (where i.title is not null))[1],
        coalesce(sum(i.quantity_ordered) filter (where o.status <> 'Canceled'), 0)::int,
        count(distinct i.amazon_order_id)::int,
        max(o.purchase_day),
        now()
      from order_items i
      join orders o on o.store_marketplace_id = i.store_marketplace_id and o.amazon_order_id = i.amazon_order_id
      where i.store_marketplace_id = ${scope.scopeId} and i.seller_sku is not null
      group by i.seller_sku
      on conflict (store_marketplace_id, sku) do update set
        asin = excluded.asin, title = excluded.title, units_ordered = excluded.units_ordered, orders = excluded.orders,
        last_ordered_day = excluded.last_ordered_day, synced_at = excluded.synced_at
      where (products_sold.asin, products_sold.title, products_sold.units_ordered, products_sold.orders, products_sold.last_ordered_day)
        is distinct from (excluded.asin, excluded.title, excluded.units_ordered, excluded.orders, excluded.last_ordered_day)
      returning sku`);
    const gone = await tx.execute(sql`
      delete from products_sold s
      where s.store_marketplace_id = ${scope.scopeId}
        and not exists (select 1 from order_items i where i.store_marketplace_id = s.store_marketplace_id and i.seller_sku = s.sku)
      returning sku`);
    return upserted.length + gone.length;
  });
}

/**
 * Every SKU the marketplace's Sponsored Products ads promote, from the advertised-product report rows of the
 * organization's ad profiles that are this seller's own account in this marketplace: an Ads account of
 * another seller promotes another seller's SKUs, which this store's listings do not have. Returns the rows
 * written, and how many ad profiles advertise here.
 */
export async function refreshProductsAdvertised(db: Database, scope: RunScope): Promise<{ written: number; adProfiles: number }> {
  return db.transaction(async (tx) => {
    const profiles = await tx.execute<{ id: string }>(sql`
      select id from ad_profiles
      where organization_id = ${scope.organizationId} and marketplace_id = ${scope.marketplaceId ?? ""}
        and account_type = 'seller' and account_id = ${scope.sellingPartnerId ?? ""}`);
    const ids = profiles.map((p) => p.id);
    // No profile of this seller here: the list is empty and every advertised product leaves.
    const idList = ids.length ? sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `) : sql`null::uuid`;
    const upserted = ids.length
      ? await tx.execute(sql`
          insert into products_advertised (organization_id, store_marketplace_id, sku, asin, first_advertised_day, last_advertised_day, synced_at)
          select ${scope.organizationId}::uuid, ${scope.scopeId}::uuid, d.sku,
            (array_agg(d.asin order by d.day desc, d.ad_id))[1], min(d.day)::text, max(d.day)::text, now()
          from ad_product_daily d
          where d.ad_profile_id in (${idList}) and d.sku <> ''
          group by d.sku
          on conflict (store_marketplace_id, sku) do update set
            asin = excluded.asin, first_advertised_day = excluded.first_advertised_day, last_advertised_day = excluded.last_advertised_day,
            synced_at = excluded.synced_at
          where (products_advertised.asin, products_advertised.first_advertised_day, products_advertised.last_advertised_day)
            is distinct from (excluded.asin, excluded.first_advertised_day, excluded.last_advertised_day)
          returning sku`)
      : [];
    const gone = await tx.execute(sql`
      delete from products_advertised a
      where a.store_marketplace_id = ${scope.scopeId}
        and not exists (
          select 1 from ad_product_daily d
          where d.sku = a.sku and d.ad_profile_id in (${idList})
        )
      returning sku`);
    return { written: upserted.length + gone.length, adProfiles: ids.length };
  });
}
