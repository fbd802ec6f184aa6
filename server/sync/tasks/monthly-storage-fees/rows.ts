import type { SpReportRow } from "~/server/amazon/sp-reports";
import type { RunPlan } from "../../kit/plan";
import { reportRowReader } from "../../kit/report-row";
import { bindTable } from "../../kit/table";
import type { CopyValue } from "../../replace-days";
import { storageFees as t } from "./table";

export const storageFeesTable = bindTable(t, {
  columns: [
    t.organizationId, t.storeMarketplaceId, t.monthDay, t.asin, t.fnsku, t.fulfillmentCenter, t.productName, t.countryCode,
    t.longestSide, t.medianSide, t.shortestSide, t.measurementUnits, t.weight, t.weightUnits, t.itemVolume, t.volumeUnits,
    t.productSizeTier, t.averageQuantityOnHand, t.averageQuantityPendingRemoval, t.estimatedTotalItemVolume, t.storageRate,
    t.baseRate, t.utilizationSurchargeRate, t.storageUtilizationRatio, t.estimatedMonthlyStorageFee, t.totalIncentiveFeeAmount,
    t.currency, t.syncedAt,
  ],
  scope: t.storeMarketplaceId,
  day: t.monthDay,
  bookkeeping: [t.syncedAt, t.organizationId],
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** One line of Amazon's storage fee file → a storage_fees row, or a plain refusal. */
export function storageFeeRow(row: SpReportRow, { plan, index, loadedAt }: { plan: RunPlan; index: number; loadedAt: string }): CopyValue[] {
  const r = reportRowReader(row, index, "FBA storage fees");
  const month = r.required("month_of_charge");
  if (!MONTH.test(month)) r.fail("month_of_charge", "a month as YYYY-MM");
  const n = (field: string) => r.amount(field, true);
  return [
    plan.scope.organizationId,
    plan.scope.scopeId,
    `${month}-01`,
    r.required("asin"),
    r.text("fnsku"),
    r.text("fulfillment_center"),
    r.optional("product_name"),
    r.optional("country_code"),
    n("longest_side"),
    n("median_side"),
    n("shortest_side"),
    r.optional("measurement_units"),
    n("weight"),
    r.optional("weight_units"),
    n("item_volume"),
    r.optional("volume_units"),
    r.optional("product_size_tier"),
    n("average_quantity_on_hand"),
    n("average_quantity_pending_removal"),
    n("estimated_total_item_volume"),
    n("storage_rate"),
    n("base_rate"),
    n("utilization_surcharge_rate"),
    n("storage_utilization_ratio"),
    r.amount("estimated_monthly_storage_fee"),
    n("total_incentive_fee_amount"),
    r.required("currency"),
    loadedAt,
  ];
}
