import { defineSyncTask } from "../../kit/definition";
import { spReportRun } from "../../kit/sp-report-task";
import { longTermStorageFeeRow, longTermStorageFeesTable } from "./rows";

/** Store sales data ⑧: last month's long-term storage fees, once Amazon publishes them. */
export const longTermStorageFees = defineSyncTask({
  key: "long-term-storage-fees",
  title: "Long-term storage fees",
  specItem: "Store sales data ⑧",
  promise:
    "The previous month's long-term storage fees are synchronized from the 18th to the 22nd of each month; after authorization, the 6 months before it are retrieved.",
  scope: "store_marketplace",
  source: ["Reports: GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA"],
  dataset: ["long_term_storage_fees"],
  backfill: { label: "6 months before authorization", months: 6, wholeMonths: true },
  windows: [
    {
      key: "previous-month",
      label: "previous month",
      // Published some day between the 18th and the 22nd: ask daily until it is in.
      cadence: { kind: "monthly-days", fromDay: 18, toDay: 22, atLocalHour: 6 },
      days: [],
      months: { fromMonthsAgo: 1, toMonthsAgo: 1 },
    },
  ],
  run: spReportRun({
    reportType: "GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA",
    label: "FBA long-term storage fees",
    fatalCooldownSeconds: 4 * 3600,
    maxDaysPerReport: 31,
    monthly: true,
    loadOnce: true,
    table: longTermStorageFeesTable,
    row: longTermStorageFeeRow,
  }),
});
