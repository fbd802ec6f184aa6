import { defineSyncTask } from "../../kit/definition";
import { spReportRun } from "../../kit/sp-report-task";
import { productRow, productsTable } from "./rows";

/**
 * Store sales data ③ method ①: every listing of the marketplace (active, inactive, incomplete) from the
 * all-listings report, refreshed daily. Methods ② and ③ (products seen in orders and ads) complete titles
 * and images through the catalog API.
 */
export const productsFull = defineSyncTask({
  key: "products-full",
  title: "Products (full report)",
  specItem: "Store sales data ③ method ①",
  promise: "Full product data through the product full report; it takes about 1–2 days.",
  scope: "store_marketplace",
  source: ["Reports: GET_MERCHANT_LISTINGS_ALL_DATA"],
  dataset: ["products"],
  windows: [
    // Also the initial sync: a task without a backfill runs its windows at once on authorization.
    { key: "full-catalog", label: "full catalog", cadence: { kind: "daily", atLocalHour: 2 }, days: [] },
  ],
  run: spReportRun({
    reportType: "GET_MERCHANT_LISTINGS_ALL_DATA",
    label: "all listings",
    // A listings report Amazon generates again after 30 minutes; a daily refresh never meets the limit.
    fatalCooldownSeconds: 30 * 60,
    maxDaysPerReport: 1,
    snapshot: true,
    table: productsTable,
    row: productRow,
  }),
});
