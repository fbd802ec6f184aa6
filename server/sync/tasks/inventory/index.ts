import { defineSyncTask } from "../../kit/definition";

/** Store sales data ⑤: listed with its promise; its run is not built yet (the Sync center says so). */
export const inventory = defineSyncTask({
  key: "inventory",
  title: "Inventory",
  specItem: "Store sales data ⑤",
  promise:
    "Inventory information, synchronized approximately every 1–2 hours.",
  scope: "store_marketplace",
  source: ["FBA Inventory v1 getInventorySummaries"],
  dataset: ["inventory_snapshots"],
  windows: [
    { key: "current", label: "current inventory", cadence: { kind: "interval", minMinutes: 60, maxMinutes: 120 }, days: [] },
  ],
});
