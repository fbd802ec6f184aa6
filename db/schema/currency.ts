import { numeric, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/**
 * The European Central Bank's euro reference rates: units of `currency` per euro on an ECB working day
 * (its own calendar day, published about 16:00 CET). Public data, the same for every organization. A day
 * without a rate (weekends, TARGET holidays, today before publication) uses the last one published before it:
 * the SQL function `eur_rate_on(currency, day)` (migration 0015) answers that, and 1 for the euro itself.
 */
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    /** The ECB's day (YYYY-MM-DD). */
    day: text().notNull(),
    currency: text().notNull(),
    /** Units of the currency per euro, exactly as the ECB writes it. */
    eurRate: numeric({ precision: 20, scale: 6, mode: "string" }).notNull(),
    fetchedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.day] })],
);
