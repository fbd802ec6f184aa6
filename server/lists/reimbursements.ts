import { reimbursements as t } from "~/server/sync/tasks/reimbursements/table";
import { defineList } from "./definition";

/** The Reimbursements module: what Amazon paid back, per seller account (its rows name no marketplace). */
export const reimbursementsList = defineList({
  key: "reimbursements",
  title: "Reimbursements",
  task: "reimbursements",
  table: t,
  organization: t.organizationId,
  scope: { kind: "store", column: t.storeId },
  day: t.approvalDay,
  currency: t.currency,
  search: [t.reimbursementId, t.caseId, t.amazonOrderId, t.sku, t.asin, t.fnsku],
  columns: [
    { key: "approvedAt", label: "Approved", column: t.approvedAt, kind: "instant" },
    { key: "reimbursementId", label: "Reimbursement", column: t.reimbursementId, kind: "code" },
    { key: "caseId", label: "Case", column: t.caseId, kind: "code" },
    { key: "amazonOrderId", label: "Order", column: t.amazonOrderId, kind: "code" },
    { key: "reason", label: "Reason", column: t.reason, kind: "text" },
    { key: "sku", label: "SKU", column: t.sku, kind: "code" },
    { key: "asin", label: "ASIN", column: t.asin, kind: "code" },
    { key: "productName", label: "Product", column: t.productName, kind: "text" },
    { key: "quantityCash", label: "Units (cash)", column: t.quantityCash, kind: "int", total: true },
    { key: "quantityInventory", label: "Units (inventory)", column: t.quantityInventory, kind: "int", total: true },
    { key: "amountPerUnit", label: "Per unit", column: t.amountPerUnit, kind: "money" },
    { key: "amountTotal", label: "Amount", column: t.amountTotal, kind: "money", total: true },
  ],
  defaultSort: { key: "approvedAt", dir: "desc" },
  rowKey: [t.storeId, t.reimbursementId, t.sku, t.fnsku],
});
