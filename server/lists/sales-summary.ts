import { salesMetricsDaily as t } from "~/server/sync/tasks/sales-api/table";
import { defineList } from "./definition";

/**
 * The All Sites Sales Summary: Amazon's own figures (Sales API) per marketplace and local day, as Seller
 * Central shows them; never used for profit.
 */
export const salesSummaryList = defineList({
  key: "sales-summary",
  title: "Amazon sales figures",
  task: "sales-api",
  table: t,
  organization: t.organizationId,
  scope: { kind: "store_marketplace", column: t.storeMarketplaceId },
  day: t.day,
  currency: t.currency,
  search: [t.day],
  columns: [
    { key: "day", label: "Day", column: t.day, kind: "day" },
    { key: "orderCount", label: "Orders", column: t.orderCount, kind: "int", total: true },
    { key: "orderItemCount", label: "Order items", column: t.orderItemCount, kind: "int", total: true },
    { key: "unitCount", label: "Units", column: t.unitCount, kind: "int", total: true },
    { key: "averageUnitPrice", label: "Average unit price", column: t.averageUnitPrice, kind: "money" },
    { key: "totalSales", label: "Sales", column: t.totalSales, kind: "money", total: true },
    { key: "syncedAt", label: "Changed on Amazon's side", column: t.syncedAt, kind: "instant" },
  ],
  defaultSort: { key: "day", dir: "desc" },
  rowKey: [t.storeMarketplaceId, t.day],
});
