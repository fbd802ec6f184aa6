import { defineSyncTask } from "../../kit/definition";
import { spReportRun } from "../../kit/sp-report-task";
import { storageFeeRow, storageFeesTable } from "./rows";

/** Store sales data ⑦: last month's FBA storage fees, once Amazon publishes them. */
export const monthlyStorageFees = defineSyncTask({
  key: "monthly-storage-fees",
  title: "Monthly storage fees",
  specItem: "Store sales data ⑦",
  promise:
    "The previous month's storage fees are synchronized from the 10th to the 18th of each month; after authorization, the 6 months before it are retrieved.",
  scope: "store_marketplace",
  source: ["Reports: GET_FBA_STORAGE_FEE_CHARGES_DATA"],
  dataset: ["storage_fees"],
  backfill: { label: "6 months before authorization", months: 6, wholeMonths: true },
  windows: [
    {
      key: "previous-month",
      label: "previous month",
      // Amazon publishes last month's fees some day between the 10th and the 18th: ask daily until it is in.
      cadence: { kind: "monthly-days", fromDay: 10, toDay: 18, atLocalHour: 6 },
      days: [],
      months: { fromMonthsAgo: 1, toMonthsAgo: 1 },
    },
  ],
  run: spReportRun({
    reportType: "GET_FBA_STORAGE_FEE_CHARGES_DATA",
    label: "FBA storage fees",
    fatalCooldownSeconds: 4 * 3600,
    maxDaysPerReport: 31,
    monthly: true,
    loadOnce: true,
    table: storageFeesTable,
    row: storageFeeRow,
  }),
});
