import { sql } from "drizzle-orm";
import { check, index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces, stores } from "./amazon";
import { createdAt, timestamptz } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

/*
 * What the seller's products cost them, entered by the seller (never synced), so profit can subtract it.
 * Costs belong to a store and a seller SKU: a seller account uses one SKU for the same item in every
 * marketplace of its region. Money is exact (numeric, 4 decimals) beside its currency code.
 */

const money = () => numeric({ precision: 18, scale: 4, mode: "string" });

/** Categories of a store's costs that belong to no product. */
export const OTHER_COST_CATEGORIES = ["subscription", "deals", "vine", "services", "other"] as const;
export type OtherCostCategory = (typeof OTHER_COST_CATEGORIES)[number];

/**
 * A SKU's unit cost from a local day on: the cost of a unit sold on day D is the row with the latest
 * `valid_from` <= D, or the earliest row when D precedes them all (the first period reaches back forever,
 * so a seller who enters today's cost once has costed their whole history).
 */
export const productCosts = pgTable(
  "product_costs",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    sku: text().notNull(),
    /** YYYY-MM-DD, a local day. */
    validFrom: text().notNull(),
    currency: text().notNull(),
    purchaseCost: money().notNull(),
    inboundShippingCost: money().notNull(),
    otherCost: money().notNull(),
    note: text(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.sku, t.validFrom] }),
    index().on(t.organizationId),
    check("product_costs_valid_from_day", sql`${t.validFrom} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
    check("product_costs_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("product_costs_not_negative", sql`${t.purchaseCost} >= 0 and ${t.inboundShippingCost} >= 0 and ${t.otherCost} >= 0`),
  ],
);

/**
 * Units received in one inbound batch (an inbound shipment, a purchase order) and what each cost: FIFO
 * costing consumes batches oldest received first. The label is the seller's, unique per store and SKU.
 */
export const productCostBatches = pgTable(
  "product_cost_batches",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    sku: text().notNull(),
    batch: text().notNull(),
    /** YYYY-MM-DD, a local day. */
    receivedOn: text().notNull(),
    units: integer().notNull(),
    currency: text().notNull(),
    purchaseCost: money().notNull(),
    inboundShippingCost: money().notNull(),
    otherCost: money().notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.sku, t.batch] }),
    index().on(t.organizationId),
    check("product_cost_batches_received_on_day", sql`${t.receivedOn} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
    check("product_cost_batches_units_positive", sql`${t.units} > 0`),
    check("product_cost_batches_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("product_cost_batches_not_negative", sql`${t.purchaseCost} >= 0 and ${t.inboundShippingCost} >= 0 and ${t.otherCost} >= 0`),
  ],
);

/**
 * A store's cost that belongs to no product (a tool subscription, a deal's fee, Vine enrollment, a
 * service), counted on one local day, for the whole store or one of its marketplaces. Two of the same
 * amount on the same day are two costs, so rows have an id rather than a natural key.
 */
export const storeOtherCosts = pgTable(
  "store_other_costs",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid().references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD, the local day it counts on. */
    day: text().notNull(),
    category: text().$type<OtherCostCategory>().notNull(),
    amount: money().notNull(),
    currency: text().notNull(),
    note: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organizationId, t.storeId, t.day),
    check("store_other_costs_day", sql`${t.day} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
    check("store_other_costs_currency_code", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("store_other_costs_category", sql`${t.category} in ('subscription', 'deals', 'vine', 'services', 'other')`),
    check("store_other_costs_amount_positive", sql`${t.amount} > 0`),
  ],
);
