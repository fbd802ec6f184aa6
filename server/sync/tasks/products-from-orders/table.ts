import { index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces } from "~/db/schema/amazon";
import { organizations } from "~/db/schema/organizations";
import { timestamptz } from "~/db/schema/columns";

/**
 * The products of a marketplace that synchronized orders name (store sales data ③ method ②): one row per
 * SKU, its ASIN as the latest day's orders have it, and what the synced orders hold of it. Read from `orders` and
 * `order_items` at each run; their details come from the catalog and listings tables. A few thousand rows
 * per marketplace at most, so plain foreign keys.
 */
export const productsSold = pgTable(
  "products_sold",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    sku: text().notNull(),
    /** The ASIN of the latest day's orders. */
    asin: text().notNull(),
    /** The title the latest day's order items give (shown until the catalog's is fetched). */
    title: text(),
    /** Units ordered in the synced orders that were not cancelled. */
    unitsOrdered: integer().notNull(),
    /** The marketplace-local day of the latest such order. */
    lastOrderedDay: text().notNull(),
    /** When this row last changed. */
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.sku] }), index().on(t.organizationId)],
);
