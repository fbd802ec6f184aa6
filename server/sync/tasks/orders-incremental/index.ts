import { syncOrderItems, syncOrdersPage } from "~/server/orders/incremental-sync";
import { defineSyncTask } from "../../kit/definition";
import { pagedApiRun } from "../../kit/paged-api-task";

/** getOrderItems is paced at 0.5/s: a step fetches this many orders' items at most. */
const ITEMS_PER_STEP = 20;

/** Store sales data ①: orders since local midnight yesterday, with their items. */
export const ordersIncremental = defineSyncTask({
  key: "orders-incremental",
  title: "Incremental orders",
  specItem: "Store sales data ①",
  promise: "Orders generated from 00:00 yesterday onwards, synchronized approximately every 15–30 minutes.",
  scope: "store_marketplace",
  source: [
    "Orders v0 getOrders (the first time, CreatedAfter = local midnight yesterday; then LastUpdatedAfter = where the last run's listing reached)",
    "Orders v0 getOrderItems",
  ],
  dataset: ["orders", "order_items"],
  windows: [
    {
      key: "since-yesterday",
      label: "since 00:00 yesterday",
      cadence: { kind: "interval", minMinutes: 15, maxMinutes: 30 },
      days: [{ fromDaysAgo: 1, toDaysAgo: 0 }],
      // After a pause, orders since the day of the last success (at most a month) are fetched once.
      catchUpDays: 30,
    },
  ],
  run: pagedApiRun({
    page: syncOrdersPage,
    // Items are fetched again only for orders Amazon changed since we stored their items.
    followUp: { batchSize: ITEMS_PER_STEP, run: syncOrderItems },
  }),
});
