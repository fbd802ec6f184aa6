import { productOverview as v } from "~/db/schema/products";
import { products as t } from "~/server/sync/tasks/products-full/table";
import { defineList } from "./definition";

/** Listing statuses in Seller Central's words, as the all-listings report writes them (and the rows store them). */
const REPORT_STATUSES = [
  { value: "Active", label: "Active" },
  { value: "Inactive", label: "Inactive" },
  { value: "Incomplete", label: "Incomplete" },
] as const;
const FULFILLMENT = [
  { value: "FBA", label: "FBA (Amazon ships)" },
  { value: "FBM", label: "FBM (you ship)" },
] as const;

/**
 * The Products module: every product known from any of the three methods — the full report's listings, the
 * SKUs of synced orders, the promoted products of synced ads — with the details each has: the catalog's
 * title, brand, picture and dimensions, the offer (the full report's, or the Listings API's for a SKU the
 * report lacks), units ordered, and which methods know it. A snapshot; best sellers first.
 */
export const catalogList = defineList({
  key: "catalog",
  title: "Products",
  task: ["products-full", "products-from-orders", "products-from-ads"],
  table: v,
  organization: v.organizationId,
  scope: { kind: "store_marketplace", column: v.storeMarketplaceId },
  currency: v.currency,
  search: [v.sku, v.asin, v.title, v.brand],
  filters: [
    // "Not listed": a SKU of an order or an ad that the seller's listings no longer have.
    { key: "status", label: "Status", column: v.status, options: [...REPORT_STATUSES, { value: "Not listed", label: "Not listed" }] },
    { key: "fulfillment", label: "Fulfillment", column: v.fulfilledBy, options: FULFILLMENT },
    {
      key: "source",
      label: "Source",
      column: v.sources,
      multiple: true,
      options: [
        { value: "report", label: "Full report" },
        { value: "orders", label: "Orders" },
        { value: "ads", label: "Ads" },
      ],
    },
  ],
  columns: [
    { key: "image", label: "Image", column: v.imageUrl, kind: "image", describedBy: ["title", "sku"] },
    { key: "sku", label: "SKU", column: v.sku, kind: "code" },
    { key: "asin", label: "ASIN", column: v.asin, kind: "code" },
    { key: "title", label: "Title", column: v.title, kind: "text" },
    { key: "status", label: "Status", column: v.status, kind: "text" },
    { key: "fulfilledBy", label: "Fulfilled by", column: v.fulfilledBy, kind: "text" },
    { key: "price", label: "Price", column: v.price, kind: "money" },
    { key: "brand", label: "Brand", column: v.brand, kind: "text" },
    { key: "dimensions", label: "Dimensions", column: v.dimensions, kind: "text" },
    { key: "weight", label: "Weight", column: v.weight, kind: "text" },
    { key: "productType", label: "Product type", column: v.productType, kind: "code" },
    { key: "unitsOrdered", label: "Units ordered", column: v.unitsOrdered, kind: "int", total: true },
    { key: "lastOrderedDay", label: "Last ordered", column: v.lastOrderedDay, kind: "day" },
    { key: "lastAdvertisedDay", label: "Last advertised", column: v.lastAdvertisedDay, kind: "day" },
    { key: "knownFrom", label: "Known from", column: v.knownFrom, kind: "text" },
    { key: "detailsFetchedAt", label: "Details fetched", column: v.detailsFetchedAt, kind: "instant" },
  ],
  defaultSort: { key: "unitsOrdered", dir: "desc" },
  rowKey: [v.storeMarketplaceId, v.sku],
});

/**
 * The all-listings report as Amazon gives it: every listing of each marketplace (active, inactive and
 * incomplete), with the seller's own stock, open date and condition. A snapshot, so no date filter; the
 * newest listings come first, as a seller checks what was just opened.
 */
export const productsList = defineList({
  key: "products",
  title: "All Listings report",
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
      options: REPORT_STATUSES,
    },
    { key: "fulfillment", label: "Fulfillment", column: t.fulfilledBy, options: FULFILLMENT },
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
