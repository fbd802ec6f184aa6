import { defineSyncTask } from "../../kit/definition";
import { spReportRun } from "../../kit/sp-report-task";
import { removalRow, removalsTable } from "./rows";

/** Store sales data ⑪: FBA removal orders from the removal order detail report. */
export const removals = defineSyncTask({
  key: "removals",
  title: "Removal report",
  specItem: "Store sales data ⑪",
  promise: "Updated once a day (time not fixed, but guaranteed daily); after authorization, the 12 months before it are retrieved.",
  scope: "store_marketplace",
  source: ["Reports: GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA"],
  dataset: ["removal_orders"],
  backfill: { label: "12 months before authorization", months: 12 },
  windows: [
    {
      key: "recent",
      label: "removals requested in the last 90 days",
      // Removal orders take weeks to complete: the daily refresh re-reads the last 90 days of requests.
      cadence: { kind: "daily", atLocalHour: 9 },
      days: [{ fromDaysAgo: 89, toDaysAgo: 0 }],
      catchUpDays: 365,
    },
  ],
  run: spReportRun({
    reportType: "GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA",
    label: "FBA removal orders",
    // A near-real-time FBA report: Amazon regenerates it after 30 minutes.
    fatalCooldownSeconds: 30 * 60,
    maxDaysPerReport: 31,
    table: removalsTable,
    row: removalRow,
  }),
});
