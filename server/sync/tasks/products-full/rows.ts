import type { SpReportRow } from "~/server/amazon/sp-reports";
import type { CopyValue } from "../../replace-days";
import type { RunPlan } from "../../kit/plan";
import { reportRowReader } from "../../kit/report-row";
import { bindTable } from "../../kit/table";
import { localToday } from "../../windows";
import { products as t } from "./table";

export const productsTable = bindTable(t, {
  columns: [
    t.organizationId, t.storeMarketplaceId, t.sku, t.asin, t.title, t.listingId, t.price, t.currency, t.quantity, t.pendingQuantity,
    t.status, t.fulfillmentChannel, t.fulfilledBy, t.openedAt, t.openDay, t.imageUrl, t.itemCondition, t.productId, t.productIdType,
    t.syncedAt,
  ],
  scope: t.storeMarketplaceId,
  // A snapshot: every load is the whole catalog of the marketplace.
  day: null,
  bookkeeping: [t.syncedAt, t.organizationId],
});

/** FBA listings name the Amazon channel (AMAZON_NA, AMAZON_EU, AMAZON_FE…); the seller's own are DEFAULT. */
export const fulfilledBy = (channel: string) => (channel.toUpperCase().startsWith("AMAZON") ? "FBA" : "FBM");

/** The inventory files' item-condition codes, in Seller Central's words. */
const CONDITIONS: Record<string, string> = {
  "1": "Used – Like New", "2": "Used – Very Good", "3": "Used – Good", "4": "Used – Acceptable",
  "5": "Collectible – Like New", "6": "Collectible – Very Good", "7": "Collectible – Good", "8": "Collectible – Acceptable",
  "9": "Not used", "10": "Refurbished", "11": "New",
};

/** One line of Amazon's all-listings file → a products row, or a plain refusal. */
export function productRow(row: SpReportRow, { plan, index, loadedAt }: { plan: RunPlan; index: number; loadedAt: string }): CopyValue[] {
  const r = reportRowReader(row, index, "all listings");
  const openedAt = r.optionalLocalInstant("open-date", plan.scope.timeZone);
  const channel = r.text("fulfillment-channel") || "DEFAULT";
  return [
    plan.scope.organizationId,
    plan.scope.scopeId,
    r.required("seller-sku"),
    // Amazon JP's own file has no asin1: its product-id is the ASIN when its type is 1.
    r.optional("asin1") ?? (r.text("product-id-type") === "1" ? r.optional("product-id") : null),
    r.optional("item-name"),
    r.optional("listing-id"),
    r.amount("price", true),
    plan.scope.currencyCode ?? "",
    r.optionalWhole("quantity"),
    r.optionalWhole("pending-quantity"),
    r.required("status"),
    channel,
    fulfilledBy(channel),
    openedAt,
    openedAt ? localToday(plan.scope.timeZone, new Date(openedAt)) : null,
    r.optional("image-url"),
    // A code Amazon adds later is kept as it came rather than guessed at.
    ((c) => (c ? (CONDITIONS[c] ?? c) : null))(r.optional("item-condition")),
    r.optional("product-id"),
    r.optional("product-id-type"),
    loadedAt,
  ];
}
