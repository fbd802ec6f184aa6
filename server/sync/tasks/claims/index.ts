import { defineSyncTask } from "../../kit/definition";

/** Store sales data ⑩: listed with its promise; its run is not built yet (the Sync center says so). */
export const claims = defineSyncTask({
  key: "claims",
  title: "Claims assistant",
  specItem: "Store sales data ⑩",
  promise:
    "Reimbursable inventory is updated once a day. After authorization, data from 18 months to 1 month before it is analyzed, then the previous month daily. A claim with no result after 30 days lapses and can be resubmitted. A completed shipment whose received quantity is below the declared quantity can be claimed.",
  scope: "store_marketplace",
  source: ["Reports: GET_LEDGER_DETAIL_VIEW_DATA", "Fulfillment Inbound v0 getShipments, getShipmentItems"],
  dataset: ["ledger_events", "inbound_shipments", "claim_cases"],
  backfill: { label: "18 months to 1 month before authorization", months: 18, skipRecentMonths: 1 },
  windows: [
    { key: "previous-month", label: "previous month", cadence: { kind: "daily", atLocalHour: 8 }, days: [{ fromDaysAgo: 31, toDaysAgo: 0 }] },
  ],
});
