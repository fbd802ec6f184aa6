import { index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "~/db/schema/columns";

const decimal = () => numeric({ precision: 20, scale: 6, mode: "string" });

/**
 * FBA long-term (aged inventory) storage fees (GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA): one row
 * per snapshot, product and age tier. `month_day` is the first day of the snapshot's month.
 */
export const longTermStorageFees = pgTable(
  "long_term_storage_fees",
  {
    // Checked once per statement, and deleted with its scope, instead of per-row foreign keys (a report is
    // a million rows): db/migrations/0010_synced_scope_checks.sql.
    organizationId: uuid().notNull(),
    storeMarketplaceId: uuid().notNull(),
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
