import { index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces, stores } from "./amazon";
import { createdAt, timestamptz } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

/** What a claim is for: where Amazon lost the units. */
export const CLAIM_KINDS = ["warehouse_lost", "warehouse_damaged", "customer_return", "inbound_shortage"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** How Amazon settled the units without (or after) a claim. */
export type ClaimResolution = "reimbursed" | "found" | "returned" | "received";

/** One line of a case's evidence: a fact from Amazon's own data, ready to paste into Seller Central. */
export interface ClaimEvidence {
  label: string;
  value: string;
  /** Where the fact comes from ("Inventory ledger", "Reimbursements report", "Inbound shipment"). */
  source: string;
}

/**
 * Units Amazon owes the seller, one case per lost or damaged adjustment, unreturned refund or short inbound
 * shipment item. The claims analysis (sync task "claims") writes the analysis columns by the natural key
 * (store marketplace, kind, source reference) and never the seller's: the Amazon case id, the submission and
 * its lapse. `units` are the units still owed; a case Amazon settled keeps its row with `resolution` set.
 */
export const claimCases = pgTable(
  "claim_cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    kind: text().$type<ClaimKind>().notNull(),
    /** The event's own id: ledger day/reference/FNSKU, order id/SKU, or shipment id/SKU. */
    sourceRef: text().notNull(),
    sku: text(),
    fnsku: text(),
    asin: text(),
    title: text(),
    units: integer().notNull(),
    /** When the units were lost, refunded or (for a shipment) delivered; `event_day` in the marketplace's zone. */
    eventAt: timestamptz().notNull(),
    eventDay: text().notNull(),
    /** Amazon's claim window, as local days of the marketplace: no sooner than, no later than. */
    eligibleFrom: text().notNull(),
    deadline: text().notNull(),
    currency: text(),
    /** Estimated value of one unit (what is at stake), and what the estimate rests on. */
    unitValue: numeric({ precision: 18, scale: 4, mode: "string" }),
    valueBasis: text(),
    evidence: jsonb().$type<ClaimEvidence[]>().notNull(),
    resolution: text().$type<ClaimResolution>(),
    resolvedAt: timestamptz(),
    reimbursementId: text(),
    reimbursedAmount: numeric({ precision: 18, scale: 4, mode: "string" }),
    analyzedAt: timestamptz().notNull(),
    // The seller's side: filled in by the seller, never by the analysis.
    amazonCaseId: text(),
    /** The local day the seller filed the claim in Seller Central. */
    submittedOn: text(),
    submittedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    submissions: integer().notNull().default(0),
    /** Set when a submission went 30 days without a result (spec ③): the case can be filed again. */
    lapsedAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.storeMarketplaceId, t.kind, t.sourceRef),
    index().on(t.organizationId, t.deadline),
  ],
);

/** Every transition of a case: found by the analysis, submitted, lapsed, reimbursed, settled by Amazon. */
export const claimCaseEvents = pgTable(
  "claim_case_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    claimCaseId: uuid()
      .notNull()
      .references(() => claimCases.id, { onDelete: "cascade" }),
    at: timestamptz().notNull(),
    transition: text().$type<"found" | "submitted" | "lapsed" | "reimbursed" | "found_by_amazon" | "returned" | "received" | "reopened">().notNull(),
    /** The member who acted; null for the analysis. */
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    detail: jsonb().$type<Record<string, string | number | null>>().notNull(),
  },
  (t) => [index().on(t.claimCaseId, t.at)],
);
