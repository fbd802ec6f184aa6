import { sql } from "drizzle-orm";
import { refreshProductsSold } from "~/server/products/sightings";
import { productDetailsRun } from "~/server/products/sync-details";
import { defineSyncTask } from "../../kit/definition";

/**
 * Store sales data ③ method ②: the products of synced orders, completed through the product details
 * interfaces — the catalog for every ASIN (title, brand, picture, dimensions), the seller's listing for a
 * SKU the full report does not hold yet — 20 to a call, best sellers first, each product again after a week.
 */
export const productsFromOrders = defineSyncTask({
  key: "products-from-orders",
  title: "Products with sales",
  specItem: "Store sales data ③ method ②",
  promise:
    "ASINs and SKUs of synchronized orders, completed through the product details interface: product information for products with sales, on their own.",
  scope: "store_marketplace",
  source: [
    "Catalog Items 2022-04-01 searchCatalogItems (20 ASINs a call; getCatalogItem for an ASIN the search does not return)",
    "Listings Items 2021-08-01 searchListingsItems (20 SKUs a call; getListingsItem for a SKU the search cannot name or does not return)",
  ],
  dataset: ["products_sold", "catalog_items", "listing_offers"],
  windows: [
    // Also the initial sync (after the first orders); each product's details are kept a week.
    { key: "sold-products", label: "products of synced orders", cadence: { kind: "interval", minMinutes: 60, maxMinutes: 120 }, days: [] },
  ],
  run: productDetailsRun({
    sightings: { table: "products_sold", priority: sql`s.units_ordered` },
    refresh: async (caller, plan) => ({ written: await refreshProductsSold(caller.db, plan.scope) }),
    // On authorization both start at once: the first orders' products are completed as soon as they are in.
    after: { task: "orders-incremental", window: "since-yesterday" },
  }),
});
