import { defineSyncTask } from "../../kit/definition";

/** Store sales data ⑦: listed with its promise; its run is not built yet (the Sync center says so). */
export const monthlyStorageFees = defineSyncTask({
  key: "monthly-storage-fees",
  title: "Monthly storage fees",
  specItem: "Store sales data ⑦",
  promise:
    "The previous month's storage fees are synchronized from the 10th to the 18th of each month; after authorization, the 6 months before it are retrieved.",
  scope: "store_marketplace",
  source: ["Reports: GET_FBA_STORAGE_FEE_CHARGES_DATA"],
  dataset: ["storage_fees"],
  backfill: { label: "6 months before authorization", months: 6 },
  windows: [
    { key: "previous-month", label: "previous month", cadence: { kind: "monthly-days", fromDay: 10, toDay: 18, atLocalHour: 6 }, days: [] },
  ],
});
