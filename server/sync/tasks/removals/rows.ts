import type { SpReportRow } from "~/server/amazon/sp-reports";
import type { CopyValue } from "../../replace-days";
import type { RunPlan } from "../../kit/plan";
import { reportRowReader } from "../../kit/report-row";
import { bindTable } from "../../kit/table";
import { localToday } from "../../windows";
import { removalOrders as t } from "./table";

export const removalsTable = bindTable(t, {
  columns: [
    t.organizationId, t.storeMarketplaceId, t.orderId, t.sku, t.fnsku, t.disposition, t.requestDay, t.requestedAt, t.orderType,
    t.serviceSpeed, t.orderStatus, t.lastUpdatedAt, t.requestedQuantity, t.cancelledQuantity, t.disposedQuantity,
    t.shippedQuantity, t.inProcessQuantity, t.removalFee, t.currency, t.syncedAt,
  ],
  scope: t.storeMarketplaceId,
  day: t.requestDay,
  bookkeeping: [t.syncedAt, t.organizationId],
});

/** One line of Amazon's removal order detail file → a removal_orders row, or a plain refusal. */
export function removalRow(row: SpReportRow, { plan, index, loadedAt }: { plan: RunPlan; index: number; loadedAt: string }): CopyValue[] {
  const r = reportRowReader(row, index, "FBA removal orders");
  const requestedAt = r.instant("request-date");
  return [
    plan.scope.organizationId,
    plan.scope.scopeId,
    r.required("order-id"),
    r.required("sku"),
    r.text("fnsku"),
    r.text("disposition"),
    localToday(plan.scope.timeZone, new Date(requestedAt)),
    requestedAt,
    r.required("order-type"),
    r.optional("service-speed"),
    r.required("order-status"),
    r.optionalInstant("last-updated-date"),
    r.whole("requested-quantity"),
    r.whole("cancelled-quantity"),
    r.whole("disposed-quantity"),
    r.whole("shipped-quantity"),
    r.whole("in-process-quantity"),
    r.amount("removal-fee", true),
    r.optional("currency"),
    loadedAt,
  ];
}
