import { defineSyncTask } from "../../kit/definition";

/** Store sales data ⑨: listed with its promise; its run is not built yet (the Sync center says so). */
export const reimbursements = defineSyncTask({
  key: "reimbursements",
  title: "Reimbursement report",
  specItem: "Store sales data ⑨",
  promise:
    "Updated once a day (time not fixed, but guaranteed daily); after authorization, the 18 months before it are retrieved.",
  scope: "store_marketplace",
  source: ["Reports: GET_FBA_REIMBURSEMENTS_DATA"],
  dataset: ["reimbursements"],
  backfill: { label: "18 months before authorization", months: 18 },
  windows: [
    { key: "recent", label: "recent reimbursements", cadence: { kind: "daily", atLocalHour: 7 }, days: [{ fromDaysAgo: 30, toDaysAgo: 0 }] },
  ],
});
