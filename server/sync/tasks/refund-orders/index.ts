import { defineSyncTask } from "../../kit/definition";

/** Store sales data ④: listed with its promise; its run is not built yet (the Sync center says so). */
export const refundOrders = defineSyncTask({
  key: "refund-orders",
  title: "Refund orders",
  specItem: "Store sales data ④",
  promise:
    "When a synchronized order is a refund order, its fee details are retrieved.",
  scope: "store_marketplace",
  source: ["Finances v0 listFinancialEventsByOrderId"],
  dataset: ["order_refunds", "order_fees"],
  windows: [],
});
