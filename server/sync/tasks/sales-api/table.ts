import { index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces } from "~/db/schema/amazon";
import { organizations } from "~/db/schema/organizations";
import { timestamptz } from "~/db/schema/columns";

/**
 * Amazon's own sales figures per marketplace-local day (Sales API getOrderMetrics, granularity Day, in the
 * marketplace's time zone), as Seller Central shows them. Shown beside the product's order totals in the
 * All Sites Sales Summary and nowhere else: never used for profit. A few rows per marketplace and run, so
 * plain foreign keys (the big report tables check their scope per statement instead).
 */
export const salesMetricsDaily = pgTable(
  "sales_metrics_daily",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    /** The marketplace's local day (YYYY-MM-DD). */
    day: text().notNull(),
    orderCount: integer().notNull(),
    orderItemCount: integer().notNull(),
    unitCount: integer().notNull(),
    totalSales: numeric({ precision: 18, scale: 4, mode: "string" }).notNull(),
    averageUnitPrice: numeric({ precision: 18, scale: 4, mode: "string" }).notNull(),
    currency: text().notNull(),
    /** When Amazon's figures for the day last changed here. */
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.day] }), index().on(t.organizationId, t.day)],
);
