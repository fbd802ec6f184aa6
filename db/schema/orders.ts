import { index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

const money = () => numeric({ precision: 18, scale: 4, mode: "string" });

// No per-row foreign keys: a year of a big seller's orders is a million rows, and a key checks each row on
// its own. Each statement is checked once instead, and deleting a marketplace deletes its orders
// (db/migrations/0010_synced_scope_checks.sql, 0012_orders_scope_checks.sql).

/** Orders as Amazon's Orders API returns them; `purchase_day` is the marketplace's local day. */
export const orders = pgTable(
  "orders",
  {
    organizationId: uuid().notNull(),
    storeMarketplaceId: uuid().notNull(),
    amazonOrderId: text().notNull(),
    purchaseDate: timestamptz().notNull(),
    purchaseDay: text().notNull(),
    lastUpdateDate: timestamptz().notNull(),
    status: text().notNull(),
    fulfillmentChannel: text(),
    salesChannel: text(),
    /** Null while Amazon withholds it (Pending orders carry no amounts). */
    orderTotal: money(),
    currencyCode: text(),
    numberOfItemsShipped: integer().notNull().default(0),
    numberOfItemsUnshipped: integer().notNull().default(0),
    isBusinessOrder: text(),
    syncedAt: timestamptz().notNull(),
    /**
     * The `last_update_date` whose items are stored, set in the transaction that stores them. Null, or
     * behind `last_update_date`, means the items still have to be fetched: a run that stored the order
     * but died before its items leaves exactly that, and the next run fetches them.
     */
    itemsSyncedFor: timestamptz(),
  },
  (t) => [
    primaryKey({ columns: [t.storeMarketplaceId, t.amazonOrderId] }),
    index().on(t.organizationId, t.purchaseDay),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    organizationId: uuid().notNull(),
    storeMarketplaceId: uuid().notNull(),
    amazonOrderId: text().notNull(),
    orderItemId: text().notNull(),
    asin: text().notNull(),
    sellerSku: text(),
    title: text(),
    quantityOrdered: integer().notNull(),
    quantityShipped: integer().notNull().default(0),
    itemPrice: money(),
    itemTax: money(),
    shippingPrice: money(),
    promotionDiscount: money(),
    currencyCode: text(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [
    // Read through their order only (the key's prefix): no index of their own beyond the key.
    primaryKey({ columns: [t.storeMarketplaceId, t.amazonOrderId, t.orderItemId] }),
  ],
);
