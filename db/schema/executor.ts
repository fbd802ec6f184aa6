import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";

/*
 * State of the embedded Inngest executor (inngest/engine). Everything a run needs to survive a
 * restart or kill -9 lives here: registered functions, events, runs, memoized steps, the durable
 * work queue (sleeps and timeouts are just delayed queue items), pauses and flow-control state.
 * Times are always written from the executor's injectable clock, never the database's now().
 */

export const executorFunctions = pgTable("executor_functions", {
  id: text().primaryKey(),
  appId: text().notNull(),
  name: text().notNull(),
  /** The function config exactly as the SDK reported it at sync. */
  config: jsonb().notNull(),
  updatedAt: timestamptz().notNull(),
});

export const executorEvents = pgTable(
  "executor_events",
  {
    /** The event's own id when the sender gave one (dedupes re-sends), else a ULID. */
    id: text().primaryKey(),
    name: text().notNull(),
    payload: jsonb().notNull(),
    receivedAt: timestamptz().notNull(),
  },
  (t) => [index().on(t.receivedAt), index().on(t.name, t.receivedAt)],
);

export const executorRuns = pgTable(
  "executor_runs",
  {
    id: text().primaryKey(),
    functionId: text().notNull(),
    /** queued | running | completed | failed | cancelled */
    status: text().notNull(),
    event: jsonb().notNull(),
    events: jsonb().notNull(),
    /** Request version the SDK answered with (2 = optimized parallelism). */
    version: integer().notNull().default(2),
    /** Sticky once a run has planned parallel steps: later calls must not run steps eagerly. */
    disableImmediate: boolean().notNull().default(false),
    output: jsonb(),
    error: jsonb(),
    concurrencyKeys: text().array().notNull().default(sql`'{}'::text[]`),
    singletonKey: text(),
    parentRunId: text(),
    parentStepId: text(),
    startBy: timestamptz(),
    finishBy: timestamptz(),
    createdAt: timestamptz().notNull(),
    startedAt: timestamptz(),
    endedAt: timestamptz(),
  },
  (t) => [index().on(t.functionId, t.createdAt), index().on(t.status, t.createdAt), index().on(t.singletonKey)],
);

export const executorSteps = pgTable(
  "executor_steps",
  {
    runId: text().notNull(),
    /** sha1 of the user's step id (with :n for repeats), as the SDK reports it. */
    stepId: text().notNull(),
    name: text().notNull(),
    op: text().notNull(),
    /** planned | sleeping | waiting | invoking | completed | failed */
    status: text().notNull(),
    /** The memoized value sent back to the SDK: {data} | {error} | null | event. */
    memo: jsonb(),
    /** Position in completion order; the SDK's ctx.stack. */
    stackIndex: integer(),
    attempts: integer().notNull().default(0),
    lastError: jsonb(),
    opts: jsonb(),
    wakeAt: timestamptz(),
    startedAt: timestamptz().notNull(),
    endedAt: timestamptz(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);

/** One row per HTTP call to the app: the attempt history the admin page shows. */
export const executorAttempts = pgTable(
  "executor_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    runId: text().notNull(),
    /** null for a discovery call (`stepId=step`). */
    stepId: text(),
    attempt: integer().notNull(),
    status: integer(),
    outcome: text().notNull(),
    error: jsonb(),
    startedAt: timestamptz().notNull(),
    durationMs: integer().notNull(),
  },
  (t) => [index().on(t.runId, t.id)],
);

/** The durable work queue. Rows are leased with `for update skip locked`; a crashed lease expires. */
export const executorQueue = pgTable(
  "executor_queue",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** call | wake | pause-timeout | run-timeout | debounce */
    kind: text().notNull(),
    runId: text(),
    stepId: text(),
    attempt: integer().notNull().default(0),
    payload: jsonb(),
    /** Prevents the same work from being enqueued twice. */
    dedupeKey: text().notNull(),
    notBefore: timestamptz().notNull(),
    leaseUntil: timestamptz(),
    leaseOwner: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.dedupeKey), index().on(t.notBefore), index().on(t.runId)],
);

/** A run waiting for an event (waitForEvent) or a child run (invoke). */
export const executorPauses = pgTable(
  "executor_pauses",
  {
    id: text().primaryKey(),
    runId: text().notNull(),
    stepId: text().notNull(),
    kind: text().notNull(),
    eventName: text(),
    expression: text(),
    expiresAt: timestamptz(),
    createdAt: timestamptz().notNull(),
  },
  (t) => [index().on(t.eventName), index().on(t.runId)],
);

export const executorCrons = pgTable(
  "executor_crons",
  {
    functionId: text().notNull(),
    schedule: text().notNull(),
    nextAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.schedule] })],
);

/** GCRA state for throttle and rateLimit: the theoretical arrival time per key. */
export const executorRateState = pgTable("executor_rate_state", {
  key: text().primaryKey(),
  tat: timestamptz().notNull(),
});

export const executorDebounces = pgTable(
  "executor_debounces",
  {
    functionId: text().notNull(),
    key: text().notNull(),
    event: jsonb().notNull(),
    firstAt: timestamptz().notNull(),
    fireAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.key] })],
);
