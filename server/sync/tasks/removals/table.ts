import { index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "~/db/schema/columns";

/**
 * FBA removal order lines (returns to the seller, disposals), as GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA
 * reports them; one row per order, SKU, FNSKU and disposition. `request_day` is the marketplace's local day
 * of the request: the report is asked for by request date, and a window replaces those days.
 */
export const removalOrders = pgTable(
  "removal_orders",
  {
    // Checked once per statement, and deleted with its scope, instead of per-row foreign keys (a report is
    // a million rows): db/migrations/0010_synced_scope_checks.sql.
    organizationId: uuid().notNull(),
    storeMarketplaceId: uuid().notNull(),
    orderId: text().notNull(),
    sku: text().notNull(),
    fnsku: text().notNull(),
    disposition: text().notNull(),
    requestDay: text().notNull(),
    requestedAt: timestamptz().notNull(),
    orderType: text().notNull(),
    serviceSpeed: text(),
    orderStatus: text().notNull(),
    lastUpdatedAt: timestamptz(),
    requestedQuantity: integer().notNull(),
    cancelledQuantity: integer().notNull(),
    disposedQuantity: integer().notNull(),
    shippedQuantity: integer().notNull(),
    inProcessQuantity: integer().notNull(),
    /** Null when Amazon leaves the fee empty (not yet charged). */
    removalFee: numeric({ precision: 18, scale: 4, mode: "string" }),
    currency: text(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.orderId, t.sku, t.fnsku, t.disposition] }), index().on(t.organizationId, t.requestDay)],
);
