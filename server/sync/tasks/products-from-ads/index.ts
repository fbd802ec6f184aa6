import { defineSyncTask } from "../../kit/definition";

/** Store sales data ③ method ③: listed with its promise; its run is not built yet (the Sync center says so). */
export const productsFromAds = defineSyncTask({
  key: "products-from-ads",
  title: "Advertised products",
  specItem: "Store sales data ③ method ③",
  promise:
    "ASINs and SKUs of promoted products, once advertising is authorized, completed through the product details interface.",
  scope: "store_marketplace",
  source: ["Catalog Items 2022-04-01 getCatalogItem"],
  dataset: ["products"],
  windows: [],
});
