import { defineSyncTask } from "../../kit/definition";

/** Store sales data ⑧: listed with its promise; its run is not built yet (the Sync center says so). */
export const longTermStorageFees = defineSyncTask({
  key: "long-term-storage-fees",
  title: "Long-term storage fees",
  specItem: "Store sales data ⑧",
  promise:
    "The previous month's long-term storage fees are synchronized from the 18th to the 22nd of each month; after authorization, the 6 months before it are retrieved.",
  scope: "store_marketplace",
  source: ["Reports: GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA"],
  dataset: ["long_term_storage_fees"],
  backfill: { label: "6 months before authorization", months: 6 },
  windows: [
    { key: "previous-month", label: "previous month", cadence: { kind: "monthly-days", fromDay: 18, toDay: 22, atLocalHour: 6 }, days: [] },
  ],
});
