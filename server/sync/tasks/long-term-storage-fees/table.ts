import { index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces } from "~/db/schema/amazon";
import { timestamptz } from "~/db/schema/columns";
import { organizations } from "~/db/schema/organizations";

const decimal = () => numeric({ precision: 20, scale: 6, mode: "string" });

/**
 * FBA long-term (aged inventory) storage fees (GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA): one row
 * per snapshot, product and age tier. `month_day` is the first day of the snapshot's month.
 */
export const longTermStorageFees = pgTable(
  "long_term_storage_fees",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    monthDay: text().notNull(),
    snapshotDate: text().notNull(),
    sku: text().notNull(),
    fnsku: text().notNull(),
    surchargeAgeTier: text().notNull(),
    asin: text(),
    productName: text(),
    condition: text(),
    perUnitVolume: decimal(),
    volumeUnit: text(),
    country: text(),
    quantityCharged: integer().notNull(),
    amountCharged: decimal().notNull(),
    rateSurcharge: decimal(),
    currency: text().notNull(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.snapshotDate, t.sku, t.fnsku, t.surchargeAgeTier] }), index().on(t.organizationId, t.monthDay)],
);
