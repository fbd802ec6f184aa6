import { bigint, date, index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/*
 * Sponsored Products performance, one row per ad profile, local day and entity, as Amazon's DAILY reports
 * give it. Money is numeric in the profile's currency (never a float). Amazon restates past days; every
 * refresh overwrites the day's row, and `refreshed_at` says when.
 */
// No per-row foreign keys: a million-row report would run a million key lookups. Each statement is checked
// once instead, and deleting a profile deletes its rows (db/migrations/0010_synced_scope_checks.sql).
const orgId = () => uuid().notNull();
const profileId = () => uuid().notNull();
const money = () => numeric({ precision: 18, scale: 4, mode: "string" }).notNull();

const metrics = () => ({
  impressions: bigint({ mode: "number" }).notNull(),
  clicks: bigint({ mode: "number" }).notNull(),
  cost: money(),
  /** Sponsored Products' seller attribution: 7 days. */
  sales7d: money(),
  purchases7d: integer().notNull(),
  unitsSold7d: integer().notNull(),
  sales14d: money(),
  purchases14d: integer().notNull(),
  refreshedAt: timestamptz().notNull(),
});

export const adCampaignDaily = pgTable(
  "ad_campaign_daily",
  {
    organizationId: orgId(),
    adProfileId: profileId(),
    day: date({ mode: "string" }).notNull(),
    campaignId: text().notNull(),
    campaignName: text().notNull(),
    campaignStatus: text().notNull(),
    ...metrics(),
  },
  (t) => [primaryKey({ columns: [t.adProfileId, t.day, t.campaignId] }), index().on(t.organizationId, t.day)],
);

export const adGroupDaily = pgTable(
  "ad_group_daily",
  {
    organizationId: orgId(),
    adProfileId: profileId(),
    day: date({ mode: "string" }).notNull(),
    adGroupId: text().notNull(),
    adGroupName: text().notNull(),
    campaignId: text().notNull(),
    ...metrics(),
  },
  (t) => [primaryKey({ columns: [t.adProfileId, t.day, t.adGroupId] }), index().on(t.organizationId, t.day)],
);

export const adTargetDaily = pgTable(
  "ad_target_daily",
  {
    organizationId: orgId(),
    adProfileId: profileId(),
    day: date({ mode: "string" }).notNull(),
    /** keywordId in Amazon's report: a keyword or a product/auto target. */
    targetId: text().notNull(),
    adGroupId: text().notNull(),
    campaignId: text().notNull(),
    targeting: text().notNull(),
    keywordType: text().notNull(),
    matchType: text(),
    ...metrics(),
  },
  (t) => [primaryKey({ columns: [t.adProfileId, t.day, t.targetId] }), index().on(t.organizationId, t.day)],
);

export const adProductDaily = pgTable(
  "ad_product_daily",
  {
    organizationId: orgId(),
    adProfileId: profileId(),
    day: date({ mode: "string" }).notNull(),
    adId: text().notNull(),
    adGroupId: text().notNull(),
    campaignId: text().notNull(),
    asin: text().notNull(),
    sku: text().notNull(),
    ...metrics(),
  },
  (t) => [primaryKey({ columns: [t.adProfileId, t.day, t.adId] }), index().on(t.organizationId, t.day)],
);

export const adSearchTermDaily = pgTable(
  "ad_search_term_daily",
  {
    organizationId: orgId(),
    adProfileId: profileId(),
    day: date({ mode: "string" }).notNull(),
    targetId: text().notNull(),
    searchTerm: text().notNull(),
    adGroupId: text().notNull(),
    campaignId: text().notNull(),
    ...metrics(),
  },
  (t) => [primaryKey({ columns: [t.adProfileId, t.day, t.targetId, t.searchTerm] }), index().on(t.organizationId, t.day)],
);
