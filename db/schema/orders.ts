import { index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { storeMarketplaces } from "./amazon";
import { organizations } from "./organizations";

const money = () => numeric({ precision: 18, scale: 4, mode: "string" });

/** Orders as Amazon's Orders API returns them; `purchase_day` is the marketplace's local day. */
export const orders = pgTable(
  "orders",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
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
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
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
    primaryKey({ columns: [t.storeMarketplaceId, t.amazonOrderId, t.orderItemId] }),
    index().on(t.organizationId),
  ],
);
