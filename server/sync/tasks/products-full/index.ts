import { defineSyncTask } from "../../kit/definition";

/** Store sales data ③ method ①: listed with its promise; its run is not built yet (the Sync center says so). */
export const productsFull = defineSyncTask({
  key: "products-full",
  title: "Products (full report)",
  specItem: "Store sales data ③ method ①",
  promise:
    "Full product data through the product full report; it takes about 1–2 days.",
  scope: "store_marketplace",
  source: ["Reports: GET_MERCHANT_LISTINGS_ALL_DATA"],
  dataset: ["products"],
  windows: [
    { key: "full-catalog", label: "full catalog", cadence: { kind: "daily", atLocalHour: 2 }, days: [] },
  ],
});
