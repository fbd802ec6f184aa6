import type { SpReportRow } from "~/server/amazon/sp-reports";
import type { RunPlan } from "../../kit/plan";
import { reportRowReader } from "../../kit/report-row";
import { bindTable } from "../../kit/table";
import type { CopyValue } from "../../replace-days";
import { localToday } from "../../windows";
import { customerReturns as t } from "./table";

export const customerReturnsTable = bindTable(t, {
  columns: [
    t.organizationId, t.storeId, t.amazonOrderId, t.sku, t.returnedAt, t.licensePlateNumber, t.returnDay, t.asin, t.fnsku, t.productName,
    t.quantity, t.fulfillmentCenterId, t.detailedDisposition, t.reason, t.status, t.customerComments, t.syncedAt,
  ],
  scope: t.storeId,
  day: t.returnDay,
  bookkeeping: [t.syncedAt, t.organizationId],
});

/** One line of Amazon's FBA customer returns file → a customer_returns row, or a plain refusal. */
export function customerReturnRow(row: SpReportRow, { plan, index, loadedAt }: { plan: RunPlan; index: number; loadedAt: string }): CopyValue[] {
  const r = reportRowReader(row, index, "FBA customer returns");
  const returnedAt = r.instant("return-date");
  return [
    plan.scope.organizationId,
    plan.scope.scopeId,
    r.required("order-id"),
    r.required("sku"),
    returnedAt,
    r.text("license-plate-number"),
    localToday(plan.scope.timeZone, new Date(returnedAt)),
    r.optional("asin"),
    r.optional("fnsku"),
    r.optional("product-name"),
    r.whole("quantity"),
    r.optional("fulfillment-center-id"),
    r.optional("detailed-disposition"),
    r.optional("reason"),
    r.optional("status"),
    r.optional("customer-comments"),
    loadedAt,
  ];
}
