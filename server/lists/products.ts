import { products as t } from "~/server/sync/tasks/products-full/table";
import { defineList } from "./definition";

/**
 * The Products module: every listing of each marketplace as Amazon's all-listings report has it now. A
 * snapshot, so no date filter; the newest listings come first, as a seller checks what was just opened.
 */
export const productsList = defineList({
  key: "products",
  title: "Products",
  task: "products-full",
  table: t,
  organization: t.organizationId,
  scope: { kind: "store_marketplace", column: t.storeMarketplaceId },
  currency: t.currency,
  search: [t.sku, t.asin, t.title],
  filters: [
    {
      key: "status",
      label: "Status",
      column: t.status,
      // Amazon's own words, as the report writes them (and as the rows store them).
      options: [
        { value: "Active", label: "Active" },
        { value: "Inactive", label: "Inactive" },
        { value: "Incomplete", label: "Incomplete" },
      ],
    },
    {
      key: "fulfillment",
      label: "Fulfillment",
      column: t.fulfilledBy,
      options: [
        { value: "FBA", label: "FBA (Amazon ships)" },
        { value: "FBM", label: "FBM (you ship)" },
      ],
    },
  ],
  columns: [
    { key: "image", label: "Image", column: t.imageUrl, kind: "image", describedBy: ["title", "sku"] },
    { key: "sku", label: "SKU", column: t.sku, kind: "code" },
    { key: "asin", label: "ASIN", column: t.asin, kind: "code" },
    { key: "title", label: "Title", column: t.title, kind: "text" },
    { key: "status", label: "Status", column: t.status, kind: "text" },
    { key: "fulfilledBy", label: "Fulfilled by", column: t.fulfilledBy, kind: "text" },
    { key: "price", label: "Price", column: t.price, kind: "money" },
    // Amazon reports the seller's own stock only: an FBA listing's stock is FBA inventory, not this.
    { key: "quantity", label: "Quantity (FBM)", column: t.quantity, kind: "int", total: true },
    { key: "openedAt", label: "Opened", column: t.openedAt, kind: "instant" },
    { key: "itemCondition", label: "Condition", column: t.itemCondition, kind: "text" },
  ],
  defaultSort: { key: "openedAt", dir: "desc" },
  rowKey: [t.storeMarketplaceId, t.sku],
});
