import { index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "~/db/schema/columns";

/**
 * The seller's listings in one marketplace as GET_MERCHANT_LISTINGS_ALL_DATA reports them (active,
 * inactive and incomplete): one row per SKU. The report is a snapshot of the whole catalog, so each load
 * replaces the marketplace's rows: a listing the seller deleted leaves with the next report.
 */
export const products = pgTable(
  "products",
  {
    // Checked once per statement, and deleted with its scope, instead of per-row foreign keys:
    // db/migrations/0010_synced_scope_checks.sql.
    organizationId: uuid().notNull(),
    storeMarketplaceId: uuid().notNull(),
    sku: text().notNull(),
    /** Null for a listing Amazon has not matched to a catalog item yet (an incomplete listing). */
    asin: text(),
    title: text(),
    listingId: text(),
    /** Null for a variation parent (not buyable) or a listing without an offer. */
    price: numeric({ precision: 18, scale: 4, mode: "string" }),
    currency: text().notNull(),
    /** The seller's own stock (FBM); Amazon leaves it empty for FBA listings, whose stock is FBA inventory. */
    quantity: integer(),
    pendingQuantity: integer(),
    /** Active, Inactive or Incomplete, as Amazon words it. */
    status: text().notNull(),
    /** Amazon's fulfillment channel: DEFAULT (the seller ships) or AMAZON_NA / AMAZON_EU / AMAZON_FE. */
    fulfillmentChannel: text().notNull(),
    /** FBA or FBM, read off the channel. */
    fulfilledBy: text().notNull(),
    openedAt: timestamptz(),
    /** The marketplace-local day the listing was opened. */
    openDay: text(),
    imageUrl: text(),
    itemCondition: text(),
    productId: text(),
    productIdType: text(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.sku] }), index().on(t.organizationId, t.storeMarketplaceId, t.asin)],
);
