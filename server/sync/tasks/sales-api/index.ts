import { syncSalesMetrics } from "~/server/sales/sync-metrics";
import { defineSyncTask } from "../../kit/definition";
import { pagedApiRun } from "../../kit/paged-api-task";

/** Store sales data ⑥: Amazon's own daily figures, one getOrderMetrics call per window and marketplace. */
export const salesApi = defineSyncTask({
  key: "sales-api",
  title: "Amazon Sales API figures",
  specItem: "Store sales data ⑥",
  promise:
    "Sales amount, order quantity and sales volume as the Amazon backend shows them: the last 3 days about every 15 minutes (with a refresh button), days 3–30 twice a day; older data is no longer updated. Shown only in the All Sites Sales Summary, never used for profit.",
  scope: "store_marketplace",
  source: ["Sales v1 getOrderMetrics (granularity Day, marketplace time zone)"],
  dataset: ["sales_metrics_daily"],
  windows: [
    { key: "last-3-days", label: "last 3 days", cadence: { kind: "interval", minMinutes: 15, maxMinutes: 15 }, days: [{ fromDaysAgo: 2, toDaysAgo: 0 }] },
    { key: "days-3-to-30", label: "days 3–30", cadence: { kind: "interval", minMinutes: 12 * 60, maxMinutes: 12 * 60 }, days: [{ fromDaysAgo: 29, toDaysAgo: 2 }] },
  ],
  run: pagedApiRun({ page: syncSalesMetrics }),
  manual: { label: "Refresh", path: "/sales-summary" },
});
