import { index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces } from "~/db/schema/amazon";
import { timestamptz } from "~/db/schema/columns";
import { organizations } from "~/db/schema/organizations";

/**
 * Amazon's inventory ledger (GET_LEDGER_DETAIL_VIEW_DATA) of one marketplace: every unit movement in its
 * fulfillment centers — shipments, customer returns, receipts, and the adjustments the claims analysis reads
 * (M lost, E damaged, F found, D disposed). `event_day` is the marketplace's local day of the row's Date. The
 * ledger has no row id: the key is everything that tells two movements apart; a file repeating a key keeps
 * its last row (Amazon's do not repeat one).
 */
export const inventoryLedgerEvents = pgTable(
  "inventory_ledger_events",
  {
    // Checked once per statement, and deleted with its scope, instead of per-row foreign keys (a report is
    // a million rows): db/migrations/0010_synced_scope_checks.sql.
    organizationId: uuid().notNull(),
    storeMarketplaceId: uuid().notNull(),
    eventDay: text().notNull(),
    eventType: text().notNull(),
    /** An order id (shipments, returns), a shipment id (receipts), Amazon's adjustment id; "" when none. */
    referenceId: text().notNull(),
    fnsku: text().notNull(),
    fulfillmentCenter: text().notNull(),
    disposition: text().notNull(),
    /** The adjustment's reason code (M, E, F, D…); "" for other events. */
    reason: text().notNull(),
    /** The file's "Date and Time", when it has one. */
    occurredAt: timestamptz(),
    sku: text(),
    asin: text(),
    title: text(),
    /** Signed: units leaving the seller's inventory are negative. */
    quantity: integer().notNull(),
    country: text(),
    reconciledQuantity: integer(),
    unreconciledQuantity: integer(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeMarketplaceId, t.eventDay, t.eventType, t.referenceId, t.fnsku, t.fulfillmentCenter, t.disposition, t.reason] }),
    index().on(t.organizationId, t.eventDay),
    index().on(t.storeMarketplaceId, t.fnsku, t.eventType),
  ],
);

/**
 * FBA inbound shipments of one marketplace as Fulfillment Inbound v0 getShipments gives them. Amazon gives
 * no dates; `first_seen_at` and the first time each later status was seen stand in where the ledger's
 * receipts do not tell (a shipment's delivery starts Amazon's inbound claim window).
 */
export const inboundShipments = pgTable(
  "inbound_shipments",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    shipmentId: text().notNull(),
    name: text(),
    status: text().notNull(),
    destinationFulfillmentCenterId: text(),
    firstSeenAt: timestamptz().notNull(),
    /** First seen DELIVERED, CHECKED_IN, RECEIVING or CLOSED: delivered by then. */
    deliveredSeenAt: timestamptz(),
    closedSeenAt: timestamptz(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.shipmentId] }), index().on(t.organizationId)],
);

/** The items of an inbound shipment: what the seller declared (shipped) and what Amazon counted in. */
export const inboundShipmentItems = pgTable(
  "inbound_shipment_items",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    shipmentId: text().notNull(),
    sku: text().notNull(),
    fnsku: text(),
    quantityShipped: integer().notNull(),
    quantityReceived: integer().notNull(),
    quantityInCase: integer(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeMarketplaceId, t.shipmentId, t.sku] }), index().on(t.organizationId)],
);
