import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

export const amazonRegion = pgEnum("amazon_region", ["na", "eu", "fe"]);
export const amazonGrantKind = pgEnum("amazon_grant_kind", ["store", "ads"]);
/** active → syncs run; needs_reauthorization → Amazon refused the grant, syncs pause until re-authorized. */
export const amazonGrantStatus = pgEnum("amazon_grant_status", ["active", "needs_reauthorization"]);

/** A pending OAuth round trip: the `state` we sent to Amazon, bound to who started it. */
export const oauthStates = pgTable(
  "oauth_states",
  {
    /** SHA-256 of the state value; the value itself only travels through the browser. */
    stateHash: text().primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: amazonGrantKind().notNull(),
    region: amazonRegion().notNull(),
    expiresAt: timestamptz().notNull(),
    usedAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.organizationId)],
);

/** One LWA grant: the refresh token Amazon issued for a store or an Ads login, encrypted. */
export const amazonGrants = pgTable(
  "amazon_grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: amazonGrantKind().notNull(),
    region: amazonRegion().notNull(),
    /** Store grants: the selling_partner_id. Ads grants: null until profiles are read. */
    sellingPartnerId: text(),
    /** AES-256-GCM envelope (see server/crypto); never the token in clear. */
    refreshTokenEncrypted: text().notNull(),
    status: amazonGrantStatus().notNull().default("active"),
    statusReason: text(),
    authorizedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    authorizedAt: timestamptz().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.organizationId)],
);

/** The cached LWA access token of a grant (encrypted too: it is a bearer credential for an hour). */
export const amazonAccessTokens = pgTable("amazon_access_tokens", {
  grantId: uuid()
    .primaryKey()
    .references(() => amazonGrants.id, { onDelete: "cascade" }),
  organizationId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  accessTokenEncrypted: text().notNull(),
  expiresAt: timestamptz().notNull(),
  refreshedAt: timestamptz().notNull(),
});

export const stores = pgTable(
  "stores",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    grantId: uuid().references(() => amazonGrants.id, { onDelete: "set null" }),
    sellingPartnerId: text().notNull(),
    region: amazonRegion().notNull(),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  // Each organization has its own row (and data) for a seller account it connected. Only one of them can be
  // connected (hold a grant) at a time; another organization's row, disconnected with its data kept, stays
  // that organization's, read-only.
  (t) => [
    unique().on(t.organizationId, t.sellingPartnerId, t.region),
    uniqueIndex("stores_connected_seller").on(t.sellingPartnerId, t.region).where(sql`${t.grantId} is not null`),
    index().on(t.organizationId),
  ],
);

export const storeMarketplaces = pgTable(
  "store_marketplaces",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    marketplaceId: text().notNull(),
    countryCode: text().notNull(),
    name: text().notNull(),
    currencyCode: text().notNull(),
    /** IANA zone: every day of this marketplace's data is a local day in it. */
    timeZone: text().notNull(),
    domainName: text().notNull(),
    isParticipating: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.storeId, t.marketplaceId), index().on(t.organizationId)],
);

export const adProfiles = pgTable(
  "ad_profiles",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    grantId: uuid().references(() => amazonGrants.id, { onDelete: "set null" }),
    /** Amazon's profileId (a 64-bit integer, kept as text). */
    profileId: text().notNull(),
    region: amazonRegion().notNull(),
    countryCode: text().notNull(),
    currencyCode: text().notNull(),
    timeZone: text().notNull(),
    marketplaceId: text().notNull(),
    accountId: text().notNull(),
    accountName: text().notNull(),
    accountType: text().notNull(),
    /** The store marketplace this ad account advertises in, when the organization has that store. */
    storeMarketplaceId: uuid().references(() => storeMarketplaces.id, { onDelete: "set null" }),
    /** Chosen by the user after the Ads login; only connected profiles are synchronized. */
    connected: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  // As for stores: a row per organization, and at most one organization syncing a profile.
  (t) => [
    unique().on(t.organizationId, t.profileId),
    uniqueIndex("ad_profiles_connected_profile").on(t.profileId).where(sql`${t.connected}`),
    index().on(t.organizationId),
  ],
);
