import { index, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "~/db/schema/columns";

/** Amounts and rates: Amazon writes fees with sub-cent precision (they are estimates until invoiced). */
const decimal = () => numeric({ precision: 20, scale: 6, mode: "string" });

/**
 * FBA monthly storage fees (GET_FBA_STORAGE_FEE_CHARGES_DATA): one row per month, product and fulfillment
 * center. `month_day` is the first day of the month charged ("2026-05-01"): a window of days replaces the
 * months it covers.
 */
export const storageFees = pgTable(
  "storage_fees",
  {
    // Checked once per statement, and deleted with its scope, instead of per-row foreign keys (a report is
    // a million rows): db/migrations/0010_synced_scope_checks.sql.
    organizationId: uuid().notNull(),
    storeMarketplaceId: uuid().notNull(),
    monthDay: text().notNull(),
    asin: text().notNull(),
    fnsku: text().notNull(),
    fulfillmentCenter: text().notNull(),
    productName: text(),
    countryCode: text(),
    longestSide: decimal(),
    medianSide: decimal(),
    shortestSide: decimal(),
    measurementUnits: text(),
    weight: decimal(),
    weightUnits: text(),
    itemVolume: decimal(),
    volumeUnits: text(),
    productSizeTier: text(),
    averageQuantityOnHand: decimal(),
    averageQuantityPendingRemoval: decimal(),
    estimatedTotalItemVolume: decimal(),
    storageRate: decimal(),
    baseRate: decimal(),
    utilizationSurchargeRate: decimal(),
    storageUtilizationRatio: decimal(),
    estimatedMonthlyStorageFee: decimal().notNull(),
    totalIncentiveFeeAmount: decimal(),
    currency: text().notNull(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.monthDay, t.asin, t.fnsku, t.fulfillmentCenter] }), index().on(t.organizationId, t.monthDay)],
);
