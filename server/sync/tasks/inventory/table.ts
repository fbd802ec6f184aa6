import { boolean, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces } from "~/db/schema/amazon";
import { organizations } from "~/db/schema/organizations";
import { timestamptz } from "~/db/schema/columns";

/** FBA quantities by state, as getInventorySummaries (details=true) gives them for one SKU. */
const quantities = () => ({
  fulfillable: integer().notNull(),
  inboundWorking: integer().notNull(),
  inboundShipped: integer().notNull(),
  inboundReceiving: integer().notNull(),
  reserved: integer().notNull(),
  researching: integer().notNull(),
  unfulfillable: integer().notNull(),
  /** Amazon's totalQuantity: units in an inbound shipment or in its fulfillment centers. */
  totalQuantity: integer().notNull(),
});

/** What Amazon says about the SKU besides its quantities. */
const identity = () => ({
  asin: text(),
  fnsku: text(),
  condition: text(),
  productName: text(),
  /** Amazon's lastUpdatedTime: when a warehouse quantity last changed on its side. */
  amazonUpdatedAt: timestamptz(),
});

/**
 * Each FBA SKU's inventory in a marketplace as Amazon's last complete listing gave it — one row per
 * (marketplace, seller SKU), replaced only when a complete listing is merged, so the page never shows half a
 * listing. A SKU Amazon stopped listing keeps its row with zero units and `removed_at` set.
 */
export const inventoryLevels = pgTable(
  "inventory_levels",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    sellerSku: text().notNull(),
    ...identity(),
    ...quantities(),
    /** When the quantities last changed here (the SKU's newest history row). */
    changedAt: timestamptz().notNull(),
    /** When Amazon's listing stopped naming the SKU (its units are then 0); null while it is listed. */
    removedAt: timestamptz(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.sellerSku] }), index().on(t.organizationId)],
);

/**
 * How each SKU's quantities changed over time: a row when a listing finds them different from the last row
 * (the first listing, a sale, a shipment received, the SKU gone or back), never for a listing that finds
 * them unchanged — so storage grows with changes, not with runs. Read by marketplace and SKU (the key's
 * prefix); a marketplace's rows go with it.
 */
export const inventoryHistory = pgTable(
  "inventory_history",
  {
    organizationId: uuid().notNull(),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    sellerSku: text().notNull(),
    /** When the listing that found these quantities started. */
    observedAt: timestamptz().notNull(),
    ...quantities(),
    /** Amazon's listing no longer named the SKU (quantities are then 0). */
    removed: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.sellerSku, t.observedAt] })],
);

/**
 * The pages of a marketplace's listing, per run: a listing becomes the data only once its last page is in,
 * merged into inventory_levels and inventory_history in one transaction. Its rows stay until the
 * marketplace's next listing begins (a merge retried after it committed then compares the same listing
 * again, rather than an empty one), so this holds at most one listing per marketplace; a run that died
 * half-way leaves its pages here for that next run to clear.
 */
export const inventoryStaging = pgTable(
  "inventory_staging",
  {
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    /** The sync_runs row of the run listing. */
    runId: uuid().notNull(),
    sellerSku: text().notNull(),
    ...identity(),
    ...quantities(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.runId, t.sellerSku] })],
);
