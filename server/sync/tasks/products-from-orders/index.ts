import { defineSyncTask } from "../../kit/definition";

/** Store sales data ③ method ②: listed with its promise; its run is not built yet (the Sync center says so). */
export const productsFromOrders = defineSyncTask({
  key: "products-from-orders",
  title: "Products with sales",
  specItem: "Store sales data ③ method ②",
  promise:
    "ASINs and SKUs of synchronized orders, completed through the product details interface.",
  scope: "store_marketplace",
  source: ["Catalog Items 2022-04-01 getCatalogItem", "Listings Items 2021-08-01 getListingsItem"],
  dataset: ["products"],
  windows: [],
});
