import { sql } from "drizzle-orm";
import { boolean, index, integer, numeric, pgTable, pgView, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces } from "./amazon";
import { timestamptz } from "./columns";
import { organizations } from "./organizations";

/*
 * Product details fetched one product at a time (store sales data ③ methods ② and ③): the catalog's view of
 * an ASIN and the seller's listing of a SKU, in one marketplace. Both the products-from-orders and the
 * products-from-ads tasks write them (a product sold and advertised is fetched once), so they live here
 * rather than in a task's folder. Never in `products`, which the full report replaces whole each day.
 */

/**
 * Catalog Items 2022-04-01 for one ASIN in one marketplace. `found` false: Amazon's catalog does not know the
 * ASIN there; the row still counts as fresh until `fetched_at` is a week old, so an unknown ASIN is asked for
 * once a week, not every run.
 */
export const catalogItems = pgTable(
  "catalog_items",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    asin: text().notNull(),
    found: boolean().notNull(),
    title: text(),
    brand: text(),
    /** The largest MAIN image Amazon gives. */
    imageUrl: text(),
    productType: text(),
    /** The item's own dimensions and weight, each with the unit Amazon gives it in (inches, centimeters…). */
    itemLength: numeric({ mode: "string" }),
    itemLengthUnit: text(),
    itemWidth: numeric({ mode: "string" }),
    itemWidthUnit: text(),
    itemHeight: numeric({ mode: "string" }),
    itemHeightUnit: text(),
    itemWeight: numeric({ mode: "string" }),
    itemWeightUnit: text(),
    /** When Amazon was last asked (whether or not anything changed). */
    fetchedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.asin] }), index().on(t.organizationId)],
);

/**
 * Listings Items 2021-08-01 for one of the seller's SKUs in one marketplace: the seller's offer. `found`
 * false: the seller no longer lists the SKU (fresh, like an unknown ASIN, for a week).
 */
export const listingOffers = pgTable(
  "listing_offers",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    sku: text().notNull(),
    found: boolean().notNull(),
    asin: text(),
    title: text(),
    /** In Seller Central's words, as the all-listings report has them: Active (buyable), Inactive or Incomplete. */
    status: text(),
    /** Amazon's statuses as given (BUYABLE, DISCOVERABLE). */
    amazonStatuses: text().array(),
    price: numeric({ precision: 18, scale: 4, mode: "string" }),
    currency: text(),
    /** DEFAULT (the seller ships) or AMAZON_NA / AMAZON_EU / AMAZON_FE. */
    fulfillmentChannel: text(),
    fulfilledBy: text(),
    /** The quantity the seller makes available (their own stock, FBM). */
    quantity: integer(),
    fnsku: text(),
    condition: text(),
    imageUrl: text(),
    createdAt: timestamptz(),
    fetchedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.sku] }), index().on(t.organizationId)],
);

/**
 * Every product of the organization known from any method, one row per marketplace and SKU: the full
 * report's listings (`products`), the SKUs of synced orders (`products_sold`) and of promoted products
 * (`products_advertised`), with the details each source has. The full report's listing wins for what it
 * holds (it is refreshed daily); the Listings API's answer stands in for a SKU it lacks. Titles, brands,
 * pictures and dimensions come from the catalog where fetched. `sources` says which methods know it.
 */
export const productOverview = pgView("product_overview", {
  organizationId: uuid().notNull(),
  storeMarketplaceId: uuid().notNull(),
  sku: text().notNull(),
  asin: text(),
  title: text(),
  brand: text(),
  imageUrl: text(),
  status: text(),
  fulfilledBy: text(),
  price: numeric({ precision: 18, scale: 4, mode: "string" }),
  currency: text(),
  dimensions: text(),
  weight: text(),
  productType: text(),
  unitsOrdered: integer().notNull(),
  lastOrderedDay: text(),
  lastAdvertisedDay: text(),
  sources: text().array().notNull(),
  knownFrom: text().notNull(),
  detailsFetchedAt: timestamptz(),
}).as(sql`
  with known as (
    select organization_id, store_marketplace_id, sku from products
    union
    select organization_id, store_marketplace_id, sku from products_sold
    union
    select organization_id, store_marketplace_id, sku from products_advertised
  ),
  joined as (
    select k.organization_id, k.store_marketplace_id, k.sku, p.sku as report_sku, s.sku as sold_sku, a.sku as ad_sku,
      coalesce(p.asin, l.asin, s.asin, a.asin) as asin,
      p.title as report_title, p.image_url as report_image, p.status as report_status, p.fulfilled_by as report_fulfilled_by,
      p.price as report_price, p.currency as report_currency,
      l.found as listing_found, l.title as listing_title, l.image_url as listing_image, l.status as listing_status,
      l.fulfilled_by as listing_fulfilled_by, l.price as listing_price, l.currency as listing_currency,
      s.title as order_title, s.units_ordered, s.last_ordered_day, a.last_advertised_day, m.currency_code
    from known k
    join store_marketplaces m on m.id = k.store_marketplace_id
    left join products p on p.store_marketplace_id = k.store_marketplace_id and p.sku = k.sku
    left join listing_offers l on l.store_marketplace_id = k.store_marketplace_id and l.sku = k.sku
    left join products_sold s on s.store_marketplace_id = k.store_marketplace_id and s.sku = k.sku
    left join products_advertised a on a.store_marketplace_id = k.store_marketplace_id and a.sku = k.sku
  )
  select j.organization_id, j.store_marketplace_id, j.sku, j.asin,
    coalesce(c.title, j.listing_title, j.report_title, j.order_title) as title,
    c.brand,
    coalesce(c.image_url, j.listing_image, j.report_image) as image_url,
    case when j.report_sku is not null then j.report_status when j.listing_found then j.listing_status when not j.listing_found then 'Not listed' end as status,
    case when j.report_sku is not null then j.report_fulfilled_by else j.listing_fulfilled_by end as fulfilled_by,
    case when j.report_sku is not null then j.report_price else j.listing_price end as price,
    coalesce(case when j.report_sku is not null then j.report_currency else j.listing_currency end, j.currency_code) as currency,
    case when c.item_length is not null and c.item_width is not null and c.item_height is not null then
      case when c.item_length_unit = c.item_width_unit and c.item_width_unit = c.item_height_unit
        then trim_scale(c.item_length)::text || ' × ' || trim_scale(c.item_width)::text || ' × ' || trim_scale(c.item_height)::text || ' ' || c.item_length_unit
        else trim_scale(c.item_length)::text || ' ' || c.item_length_unit || ' × ' || trim_scale(c.item_width)::text || ' ' || c.item_width_unit || ' × ' || trim_scale(c.item_height)::text || ' ' || c.item_height_unit
      end
    end as dimensions,
    case when c.item_weight is not null then trim_scale(c.item_weight)::text || ' ' || c.item_weight_unit end as weight,
    c.product_type,
    coalesce(j.units_ordered, 0) as units_ordered,
    j.last_ordered_day,
    j.last_advertised_day,
    array_remove(array[
      case when j.report_sku is not null then 'report' end,
      case when j.sold_sku is not null then 'orders' end,
      case when j.ad_sku is not null then 'ads' end
    ], null) as sources,
    concat_ws(', ',
      case when j.report_sku is not null then 'full report' end,
      case when j.sold_sku is not null then 'orders' end,
      case when j.ad_sku is not null then 'ads' end
    ) as known_from,
    c.fetched_at as details_fetched_at
  from joined j
  left join catalog_items c on c.store_marketplace_id = j.store_marketplace_id and c.asin = j.asin
`);
