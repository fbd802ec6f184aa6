import type { SpReportRow } from "~/server/amazon/sp-reports";
import type { RunPlan } from "../../kit/plan";
import { reportRowReader } from "../../kit/report-row";
import { bindTable } from "../../kit/table";
import type { CopyValue } from "../../replace-days";
import { localToday } from "../../windows";
import { reimbursements as t } from "./table";

export const reimbursementsTable = bindTable(t, {
  columns: [
    t.organizationId, t.storeId, t.reimbursementId, t.sku, t.fnsku, t.approvalDay, t.approvedAt, t.caseId, t.amazonOrderId, t.reason,
    t.asin, t.productName, t.condition, t.currency, t.amountPerUnit, t.amountTotal, t.quantityCash, t.quantityInventory, t.quantityTotal,
    t.originalReimbursementId, t.originalReimbursementType, t.syncedAt,
  ],
  scope: t.storeId,
  day: t.approvalDay,
  bookkeeping: [t.syncedAt, t.organizationId],
});

/** One line of Amazon's reimbursements file → a reimbursements row, or a plain refusal. */
export function reimbursementRow(row: SpReportRow, { plan, index, loadedAt }: { plan: RunPlan; index: number; loadedAt: string }): CopyValue[] {
  const r = reportRowReader(row, index, "FBA reimbursements");
  const approvedAt = r.instant("approval-date");
  return [
    plan.scope.organizationId,
    plan.scope.scopeId,
    r.required("reimbursement-id"),
    r.required("sku"),
    r.text("fnsku"),
    localToday(plan.scope.timeZone, new Date(approvedAt)),
    approvedAt,
    r.optional("case-id"),
    r.optional("amazon-order-id"),
    r.required("reason"),
    r.optional("asin"),
    r.optional("product-name"),
    r.optional("condition"),
    r.required("currency-unit"),
    r.amount("amount-per-unit", true),
    r.amount("amount-total"),
    r.whole("quantity-reimbursed-cash"),
    r.whole("quantity-reimbursed-inventory"),
    r.whole("quantity-reimbursed-total"),
    r.optional("original-reimbursement-id"),
    r.optional("original-reimbursement-type"),
    loadedAt,
  ];
}
