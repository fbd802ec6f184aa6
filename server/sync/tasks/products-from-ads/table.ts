import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces } from "~/db/schema/amazon";
import { organizations } from "~/db/schema/organizations";
import { timestamptz } from "~/db/schema/columns";

/**
 * The products a marketplace's Sponsored Products ads promote (store sales data ③ method ③): one row per
 * SKU, from the advertised-product report rows of the seller's own ad profile in that marketplace. Their
 * details come from the catalog and listings tables. Plain foreign keys: a few thousand rows at most.
 */
export const productsAdvertised = pgTable(
  "products_advertised",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    sku: text().notNull(),
    /** The ASIN the latest report day gives the ad. */
    asin: text().notNull(),
    /** The profile's local days the ads of this SKU first and last appear in the synced reports. */
    firstAdvertisedDay: text().notNull(),
    lastAdvertisedDay: text().notNull(),
    /** When this row last changed. */
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.sku] }), index().on(t.organizationId)],
);
