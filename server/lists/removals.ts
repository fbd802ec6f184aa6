import { removalOrders as t } from "~/server/sync/tasks/removals/table";
import { defineList } from "./definition";

/** The Removals module: FBA removal order lines, by request day. */
export const removalsList = defineList({
  key: "removals",
  title: "Removal orders",
  task: "removals",
  table: t,
  organization: t.organizationId,
  scope: { kind: "store_marketplace", column: t.storeMarketplaceId },
  day: t.requestDay,
  currency: t.currency,
  search: [t.orderId, t.sku, t.fnsku],
  columns: [
    { key: "requestedAt", label: "Requested", column: t.requestedAt, kind: "instant" },
    { key: "orderId", label: "Removal order", column: t.orderId, kind: "code" },
    { key: "orderType", label: "Type", column: t.orderType, kind: "text" },
    { key: "orderStatus", label: "Status", column: t.orderStatus, kind: "text" },
    { key: "sku", label: "SKU", column: t.sku, kind: "code" },
    { key: "fnsku", label: "FNSKU", column: t.fnsku, kind: "code" },
    { key: "disposition", label: "Disposition", column: t.disposition, kind: "text" },
    { key: "requestedQuantity", label: "Requested", column: t.requestedQuantity, kind: "int", total: true },
    { key: "shippedQuantity", label: "Shipped", column: t.shippedQuantity, kind: "int", total: true },
    { key: "disposedQuantity", label: "Disposed", column: t.disposedQuantity, kind: "int", total: true },
    { key: "cancelledQuantity", label: "Cancelled", column: t.cancelledQuantity, kind: "int", total: true },
    { key: "inProcessQuantity", label: "In process", column: t.inProcessQuantity, kind: "int", total: true },
    { key: "removalFee", label: "Fee", column: t.removalFee, kind: "money", total: true },
  ],
  defaultSort: { key: "requestedAt", dir: "desc" },
  rowKey: [t.storeMarketplaceId, t.orderId, t.sku, t.fnsku, t.disposition],
});
