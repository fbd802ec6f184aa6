import { beginInventoryListing, completeInventoryListing, stageInventoryPage } from "~/server/inventory/sync";
import { ExpiredPageTokenError } from "~/server/inventory/summaries";
import { defineSyncTask } from "../../kit/definition";
import { pagedApiRun } from "../../kit/paged-api-task";

/**
 * Store sales data ⑤: every FBA SKU's quantities by state, listed whole every 1–2 hours per marketplace. A
 * listing becomes the data only once its last page is in; Amazon's page tokens live 30 seconds, so a listing
 * whose token expired (a quota sleep, a retried step) starts over from its first page.
 */
export const inventory = defineSyncTask({
  key: "inventory",
  title: "Inventory",
  specItem: "Store sales data ⑤",
  promise:
    "Inventory information, synchronized approximately every 1–2 hours.",
  scope: "store_marketplace",
  source: ["FBA Inventory v1 getInventorySummaries (details=true, every SKU)"],
  dataset: ["inventory_levels", "inventory_history"],
  windows: [
    { key: "current", label: "current inventory", cadence: { kind: "interval", minMinutes: 60, maxMinutes: 120 }, days: [] },
  ],
  run: pagedApiRun({
    page: stageInventoryPage,
    whole: {
      begin: beginInventoryListing,
      complete: completeInventoryListing,
      isExpiredToken: (error) => error instanceof ExpiredPageTokenError,
      maxRestarts: 3,
    },
  }),
});
