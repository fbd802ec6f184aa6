import { refunds as t } from "~/server/sync/tasks/refund-orders/table";
import { defineList } from "./definition";

/**
 * The Refunds module: every refund of an order the product has synced, per item, with what it gave back and
 * what Amazon returned and charged for it (signed as Amazon books them for the seller), the product from the
 * order, and the reason and status of the item's FBA return. Amazon's reasons and statuses are an open set:
 * the filters offer the ones the seller's returns have.
 */
export const refundsList = defineList({
  key: "refunds",
  title: "Refunds",
  task: "refund-orders",
  table: t,
  organization: t.organizationId,
  scope: { kind: "store_marketplace", column: t.storeMarketplaceId },
  day: t.postedDay,
  currency: t.currency,
  search: [t.amazonOrderId, t.sellerSku, t.asin],
  filters: [
    { key: "reason", label: "Reason", column: t.reason, options: "distinct" },
    { key: "status", label: "Return status", column: t.status, options: "distinct" },
  ],
  columns: [
    { key: "postedAt", label: "Refunded", column: t.postedAt, kind: "instant" },
    { key: "amazonOrderId", label: "Order", column: t.amazonOrderId, kind: "code" },
    { key: "sellerSku", label: "SKU", column: t.sellerSku, kind: "code" },
    { key: "asin", label: "ASIN", column: t.asin, kind: "code" },
    { key: "title", label: "Product", column: t.title, kind: "text" },
    { key: "quantity", label: "Units", column: t.quantity, kind: "int", total: true },
    { key: "reason", label: "Reason", column: t.reason, kind: "text" },
    { key: "status", label: "Return status", column: t.status, kind: "text" },
    { key: "principal", label: "Principal", column: t.principal, kind: "money", total: true },
    { key: "tax", label: "Tax", column: t.tax, kind: "money", total: true },
    { key: "shipping", label: "Shipping", column: t.shipping, kind: "money", total: true },
    { key: "shippingTax", label: "Shipping tax", column: t.shippingTax, kind: "money", total: true },
    { key: "promotion", label: "Promotion", column: t.promotion, kind: "money", total: true },
    { key: "otherCharges", label: "Other charges", column: t.otherCharges, kind: "money", total: true },
    { key: "commission", label: "Commission returned", column: t.commission, kind: "money", total: true },
    { key: "refundCommission", label: "Refund commission", column: t.refundCommission, kind: "money", total: true },
    { key: "otherFees", label: "Other fees", column: t.otherFees, kind: "money", total: true },
    { key: "taxWithheld", label: "Facilitator tax", column: t.taxWithheld, kind: "money", total: true },
    { key: "refundAmount", label: "Refund amount", column: t.refundAmount, kind: "money", total: true },
    { key: "refundFees", label: "Refund fees", column: t.refundFees, kind: "money", total: true },
    { key: "payable", label: "Payable", column: t.payable, kind: "money", total: true },
  ],
  defaultSort: { key: "postedAt", dir: "desc" },
  rowKey: [t.storeMarketplaceId, t.amazonOrderId, t.postedAt, t.adjustmentItemId],
});
