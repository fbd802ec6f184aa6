import { bigint, date, doublePrecision, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";
import { organizations } from "./organizations";

/**
 * Where each sync task stands for one scope (a store marketplace or an ad profile), per window of its
 * definition ("last-2-days", "days-3-to-60", "backfill"). The scheduler reads next_due_at.
 */
export const syncStates = pgTable(
  "sync_states",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    task: text().notNull(),
    /** The window's stable key ("last-2-days"), or "backfill" (see server/sync/registry.ts). */
    window: text().notNull(),
    scopeKind: text().notNull(),
    /** store_marketplaces.id or ad_profiles.id. */
    scopeId: uuid().notNull(),
    status: text().notNull().default("idle"),
    lastStartedAt: timestamptz(),
    lastSucceededAt: timestamptz(),
    nextDueAt: timestamptz(),
    /** Progress of a backfill: days (or months) done of the total. */
    progressDone: integer().notNull().default(0),
    progressTotal: integer().notNull().default(0),
    /** How the last successful run ended: "succeeded", or "no_data" (Amazon had nothing for the period). */
    lastOutcome: text(),
    lastError: text(),
    lastErrorAt: timestamptz(),
    consecutiveFailures: integer().notNull().default(0),
    rowsWritten: bigint({ mode: "number" }).notNull().default(0),
    /**
     * Where the window's next run resumes, as its last successful run left it (the task's own token: for
     * incremental orders, the Orders API's LastUpdatedBefore). Null: the next run starts over.
     */
    resumeFrom: text(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.task, t.window, t.scopeId), index().on(t.organizationId), index().on(t.nextDueAt)],
);

/** One execution of a sync: what it asked Amazon for and what it wrote. */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    task: text().notNull(),
    window: text().notNull(),
    scopeId: uuid().notNull(),
    trigger: text().notNull(),
    /** The local-day windows requested, e.g. [{start:"2026-06-01", end:"2026-06-30"}]. */
    windows: jsonb().$type<{ start: string; end: string }[]>().notNull().default([]),
    status: text().notNull(),
    rowsWritten: integer().notNull().default(0),
    apiCalls: integer().notNull().default(0),
    error: text(),
    startedAt: timestamptz().notNull(),
    finishedAt: timestamptz(),
    /** The Inngest run that executed it, for the runs view. */
    jobRunId: text(),
  },
  (t) => [index().on(t.organizationId, t.startedAt), index().on(t.scopeId, t.task, t.startedAt)],
);

/** Per ad profile and local day: when its figures were last refreshed (how settled a day is). */
export const adDayRefreshes = pgTable(
  "ad_day_refreshes",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    adProfileId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    lastRefreshedAt: timestamptz().notNull(),
    refreshCount: integer().notNull().default(1),
  },
  (t) => [unique().on(t.adProfileId, t.day), index().on(t.organizationId)],
);

/**
 * Token buckets for Amazon's quotas, shared by every job and process: one row per seller (or ad profile)
 * and operation. Rates are not money, so floating point is fine here.
 */
export const apiQuotaBuckets = pgTable("api_quota_buckets", {
  key: text().primaryKey(),
  ratePerSecond: doublePrecision().notNull(),
  burst: integer().notNull(),
  tokens: doublePrecision().notNull(),
  updatedAt: timestamptz().notNull(),
  /** Amazon asked us to wait until then (429 Retry-After). */
  blockedUntil: timestamptz(),
});
