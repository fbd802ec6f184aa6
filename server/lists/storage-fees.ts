import { longTermStorageFees as l } from "~/server/sync/tasks/long-term-storage-fees/table";
import { storageFees as t } from "~/server/sync/tasks/monthly-storage-fees/table";
import { defineList } from "./definition";

/** The Storage fees module, monthly: what each product cost to store in each fulfillment center. */
export const storageFeesList = defineList({
  key: "storage-fees",
  title: "Monthly storage fees",
  task: "monthly-storage-fees",
  table: t,
  organization: t.organizationId,
  scope: { kind: "store_marketplace", column: t.storeMarketplaceId },
  day: t.monthDay,
  currency: t.currency,
  search: [t.asin, t.fnsku, t.productName, t.fulfillmentCenter],
  columns: [
    { key: "month", label: "Month", column: t.monthDay, kind: "month" },
    { key: "asin", label: "ASIN", column: t.asin, kind: "code" },
    { key: "fnsku", label: "FNSKU", column: t.fnsku, kind: "code" },
    { key: "productName", label: "Product", column: t.productName, kind: "text" },
    { key: "fulfillmentCenter", label: "Fulfillment center", column: t.fulfillmentCenter, kind: "code" },
    { key: "productSizeTier", label: "Size tier", column: t.productSizeTier, kind: "text" },
    { key: "averageQuantityOnHand", label: "Avg. on hand", column: t.averageQuantityOnHand, kind: "decimal" },
    { key: "estimatedTotalItemVolume", label: "Volume", column: t.estimatedTotalItemVolume, kind: "decimal" },
    { key: "utilizationSurchargeRate", label: "Utilization surcharge", column: t.utilizationSurchargeRate, kind: "decimal" },
    { key: "storageRate", label: "Rate", column: t.storageRate, kind: "decimal" },
    { key: "estimatedMonthlyStorageFee", label: "Estimated fee", column: t.estimatedMonthlyStorageFee, kind: "money", total: true },
  ],
  defaultSort: { key: "month", dir: "desc" },
  rowKey: [t.storeMarketplaceId, t.monthDay, t.asin, t.fnsku, t.fulfillmentCenter],
});

/** Long-term storage fees: what aged inventory cost on top, per snapshot, product and age tier. */
export const longTermStorageFeesList = defineList({
  key: "long-term-storage-fees",
  title: "Long-term storage fees",
  task: "long-term-storage-fees",
  table: l,
  organization: l.organizationId,
  scope: { kind: "store_marketplace", column: l.storeMarketplaceId },
  day: l.monthDay,
  currency: l.currency,
  search: [l.sku, l.asin, l.fnsku, l.productName],
  columns: [
    { key: "snapshotDate", label: "Snapshot", column: l.snapshotDate, kind: "text" },
    { key: "sku", label: "SKU", column: l.sku, kind: "code" },
    { key: "asin", label: "ASIN", column: l.asin, kind: "code" },
    { key: "productName", label: "Product", column: l.productName, kind: "text" },
    { key: "surchargeAgeTier", label: "Age (days)", column: l.surchargeAgeTier, kind: "text" },
    { key: "quantityCharged", label: "Units charged", column: l.quantityCharged, kind: "int", total: true },
    { key: "perUnitVolume", label: "Volume per unit", column: l.perUnitVolume, kind: "decimal" },
    { key: "rateSurcharge", label: "Rate", column: l.rateSurcharge, kind: "decimal" },
    { key: "amountCharged", label: "Amount", column: l.amountCharged, kind: "money", total: true },
  ],
  defaultSort: { key: "snapshotDate", dir: "desc" },
  rowKey: [l.storeMarketplaceId, l.snapshotDate, l.sku, l.fnsku, l.surchargeAgeTier],
});
