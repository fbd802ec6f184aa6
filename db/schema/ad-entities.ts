import { index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { adProfiles } from "./amazon";
import { timestamptz } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * Sponsored Products entities as Amazon's v3 API names them. One table holds every kind: the settings sync,
 * the additions, the history and the edits treat them alike, and a kind's own columns are null elsewhere.
 */
export const AD_ENTITY_KINDS = [
  "campaign",
  "adGroup",
  "productAd",
  "keyword",
  "target",
  "negativeKeyword",
  "negativeTarget",
  "campaignNegativeKeyword",
  "campaignNegativeTarget",
] as const;
export type AdEntityKind = (typeof AD_ENTITY_KINDS)[number];

export type AdEntityState = "ENABLED" | "PAUSED" | "ARCHIVED";

/** How the product learned of an entity (spec Advertising ④: additions arrive with their first impressions). */
export type AdEntitySeenBy = "authorization" | "impressions" | "additions-sync" | "app";

export interface AdTargetingPredicate {
  type: string;
  value?: string;
}

const money = () => numeric({ precision: 18, scale: 4, mode: "string" });

/**
 * The entities of a connected ad profile with their settings, keyed by Amazon's id. Amazon ids are unique
 * across kinds, but the kind is part of the key so that a keyword and a negative keyword never collide.
 * Rows are small in number (thousands per profile), so they keep ordinary foreign keys.
 */
export const adEntities = pgTable(
  "ad_entities",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    adProfileId: uuid()
      .notNull()
      .references(() => adProfiles.id, { onDelete: "cascade" }),
    kind: text().$type<AdEntityKind>().notNull(),
    entityId: text().notNull(),
    campaignId: text().notNull(),
    adGroupId: text(),
    state: text().$type<AdEntityState>().notNull(),
    /** Campaign and ad group names. */
    name: text(),
    /** Campaign: daily budget. */
    budget: money(),
    /** Ad group: default bid (its keywords and targets without a bid of their own use it). */
    defaultBid: money(),
    /** Keyword or target: its own bid, or null for the ad group's default. */
    bid: money(),
    targetingType: text(),
    biddingStrategy: text(),
    /** Placement bid adjustments in percent (0–900), campaigns only. */
    placementTop: integer(),
    placementProductPage: integer(),
    placementRestOfSearch: integer(),
    placementAmazonBusiness: integer(),
    startDate: text(),
    endDate: text(),
    keywordText: text(),
    matchType: text(),
    expression: jsonb().$type<AdTargetingPredicate[]>(),
    expressionType: text(),
    sku: text(),
    asin: text(),
    servingStatus: text(),
    amazonCreatedAt: timestamptz(),
    amazonUpdatedAt: timestamptz(),
    seenBy: text().$type<AdEntitySeenBy>().notNull(),
    firstSeenAt: timestamptz().notNull().defaultNow(),
    /** When Amazon last confirmed these settings (a list, a by-id read, or an accepted edit). */
    syncedAt: timestamptz().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.adProfileId, t.kind, t.entityId] }),
    index().on(t.organizationId, t.adProfileId, t.kind),
    index().on(t.adProfileId, t.campaignId),
  ],
);

/** Who made a change: the seller in Seller Central (seen by a sync) or a member in the app. */
export type AdChangeSource = "seller_central" | "app";
/** `detected`: seen by a sync; `applied` / `failed`: Amazon's answer to an edit pushed from the app. */
export type AdChangeResult = "detected" | "applied" | "failed";

/**
 * The history of every change to an ad entity: one row per field changed (or "created"), in the app or
 * detected from Seller Central, with the value before and after as text in Amazon's terms.
 */
export const adChanges = pgTable(
  "ad_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    adProfileId: uuid()
      .notNull()
      .references(() => adProfiles.id, { onDelete: "cascade" }),
    kind: text().$type<AdEntityKind>().notNull(),
    entityId: text().notNull(),
    /** The entity's name or text at the time (a campaign's name, a keyword's text), for the history list. */
    entityLabel: text(),
    campaignId: text().notNull(),
    field: text().notNull(),
    before: text(),
    after: text(),
    source: text().$type<AdChangeSource>().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    result: text().$type<AdChangeResult>().notNull(),
    /** Amazon's reason for a failed edit, in its words. */
    message: text(),
    at: timestamptz().notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.adProfileId, t.at), index().on(t.adProfileId, t.kind, t.entityId)],
);
