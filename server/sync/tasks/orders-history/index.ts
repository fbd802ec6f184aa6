import { defineSyncTask } from "../../kit/definition";

/** Store sales data ②: listed with its promise; its run is not built yet (the Sync center says so). */
export const ordersHistory = defineSyncTask({
  key: "orders-history",
  title: "Historical orders",
  specItem: "Store sales data ②",
  promise:
    "Orders generated before 00:00 yesterday, for nearly 1 year, in time spans sized by order volume: the larger the volume, the smaller the span.",
  scope: "store_marketplace",
  source: ["Reports: GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL (≤ 30 days per report)"],
  dataset: ["orders", "order_items"],
  backfill: { label: "about 1 year before yesterday", days: 365 },
  windows: [],
});
