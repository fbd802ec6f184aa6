import { sql } from "drizzle-orm";
import { refreshProductsAdvertised } from "~/server/products/sightings";
import { productDetailsRun } from "~/server/products/sync-details";
import { defineSyncTask } from "../../kit/definition";

/**
 * Store sales data ③ method ③: once advertising is authorized and the advertised-product reports are
 * synced, the promoted products of the seller's own ad profile in the marketplace are completed the same
 * way as products with sales (a product both sold and advertised is fetched once), most recently promoted first.
 */
export const productsFromAds = defineSyncTask({
  key: "products-from-ads",
  title: "Advertised products",
  specItem: "Store sales data ③ method ③",
  promise:
    "ASINs and SKUs of promoted products, once advertising is authorized and promoted product information is synchronized back, completed through the product details interface.",
  scope: "store_marketplace",
  source: [
    "Sponsored Products advertised-product report rows (ad_product_daily) of the seller's own ad profile in the marketplace",
    "Catalog Items 2022-04-01 searchCatalogItems (20 ASINs a call; getCatalogItem for an ASIN the search does not return)",
    "Listings Items 2021-08-01 searchListingsItems (20 SKUs a call; getListingsItem for a SKU the search cannot name or does not return)",
  ],
  dataset: ["products_advertised", "catalog_items", "listing_offers"],
  windows: [
    { key: "advertised-products", label: "promoted products of synced ads", cadence: { kind: "interval", minMinutes: 60, maxMinutes: 120 }, days: [] },
  ],
  // No wait for the ads: a 60-day backfill takes hours, and the Ads account may be authorized any time
  // later; each run completes what the synced reports name by then.
  run: productDetailsRun({
    sightings: { table: "products_advertised", priority: sql`s.last_advertised_day` },
    refresh: async (caller, plan) => ({ written: (await refreshProductsAdvertised(caller.db, plan.scope)).written }),
  }),
});
