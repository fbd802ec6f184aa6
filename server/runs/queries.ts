import { and, asc, desc, eq, inArray, lt, max, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { executorAttempts, executorFunctions, executorRuns, executorSteps } from "~/db/schema";
import type { AttemptView, FunctionView, ListRunsInput, RunDetail, RunError, RunStatus, RunSummary, StepStatus, StepView } from "./types";

/*
 * Read model over the embedded executor's tables (inngest/engine). Newest runs first; paging by
 * run id (ULIDs sort by creation time), so pages stay stable while new runs arrive.
 */

const durationMs = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);

function asError(value: unknown): RunError | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.message !== "string") return null;
  return { name: typeof v.name === "string" ? v.name : "Error", message: v.message, ...(typeof v.stack === "string" ? { stack: v.stack } : {}) };
}

function stepView(row: typeof executorSteps.$inferSelect): StepView {
  const memo = row.memo as { error?: unknown } | null;
  return {
    stepId: row.stepId,
    name: row.name,
    op: row.op,
    status: row.status as StepStatus,
    order: row.stackIndex,
    attempts: row.attempts,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    durationMs: durationMs(row.startedAt, row.endedAt),
    wakeAt: row.wakeAt,
    error: asError(memo?.error) ?? (row.status === "failed" ? null : asError(row.lastError)),
    result: row.memo,
  };
}

async function stepsByRun(db: Database, runIds: string[]): Promise<Map<string, StepView[]>> {
  const map = new Map<string, StepView[]>();
  if (!runIds.length) return map;
  const rows = await db
    .select()
    .from(executorSteps)
    .where(inArray(executorSteps.runId, runIds))
    .orderBy(sql`${executorSteps.stackIndex} asc nulls last`, asc(executorSteps.startedAt));
  for (const row of rows) {
    const list = map.get(row.runId) ?? [];
    list.push(stepView(row));
    map.set(row.runId, list);
  }
  return map;
}

function summary(
  row: typeof executorRuns.$inferSelect,
  functionName: string | null,
  steps: StepView[],
): RunSummary {
  return {
    id: row.id,
    functionId: row.functionId,
    functionName: functionName ?? row.functionId,
    status: row.status as RunStatus,
    eventName: (row.event as { name?: string }).name ?? "",
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    durationMs: durationMs(row.startedAt, row.endedAt),
    error: asError(row.error),
    steps,
  };
}

/**
 * Runs about one organization: its events carry `organizationId`, and a failure handler's event carries
 * the failed run's event.
 */
function ofOrganization(organizationId: string) {
  return sql`(${executorRuns.event}->'data'->>'organizationId' = ${organizationId}
    or ${executorRuns.event}->'data'->'event'->'data'->>'organizationId' = ${organizationId})`;
}

/** Runs with their steps, newest first, filtered by organization, function and/or status. */
export async function listRuns(db: Database, input: ListRunsInput = {}): Promise<{ runs: RunSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const statuses = input.status === undefined ? [] : Array.isArray(input.status) ? input.status : [input.status];
  const rows = await db
    .select({ run: executorRuns, functionName: executorFunctions.name })
    .from(executorRuns)
    .leftJoin(executorFunctions, eq(executorFunctions.id, executorRuns.functionId))
    .where(
      and(
        input.organizationId ? ofOrganization(input.organizationId) : undefined,
        input.functionId ? eq(executorRuns.functionId, input.functionId) : undefined,
        statuses.length ? inArray(executorRuns.status, statuses) : undefined,
        input.cursor ? lt(executorRuns.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(executorRuns.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const steps = await stepsByRun(db, page.map((r) => r.run.id));
  return {
    runs: page.map((r) => summary(r.run, r.functionName, steps.get(r.run.id) ?? [])),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.run.id ?? null) : null,
  };
}

/** One run with its event, output, steps and every call attempt; null if unknown. */
export async function getRun(db: Database, runId: string, organizationId?: string): Promise<RunDetail | null> {
  const [row] = await db
    .select({ run: executorRuns, functionName: executorFunctions.name })
    .from(executorRuns)
    .leftJoin(executorFunctions, eq(executorFunctions.id, executorRuns.functionId))
    .where(and(eq(executorRuns.id, runId), organizationId ? ofOrganization(organizationId) : undefined));
  if (!row) return null;
  const steps = (await stepsByRun(db, [runId])).get(runId) ?? [];
  const names = new Map(steps.map((s) => [s.stepId, s.name]));
  const attempts = await db.select().from(executorAttempts).where(eq(executorAttempts.runId, runId)).orderBy(asc(executorAttempts.id));
  return {
    ...summary(row.run, row.functionName, steps),
    event: row.run.event,
    output: row.run.output,
    attempts: attempts.map(
      (a): AttemptView => ({
        stepId: a.stepId,
        stepName: a.stepId ? (names.get(a.stepId) ?? a.stepId) : "(discovery)",
        attempt: a.attempt,
        httpStatus: a.status,
        outcome: a.outcome,
        error: asError(a.error),
        startedAt: a.startedAt,
        durationMs: a.durationMs,
      }),
    ),
  };
}

const EMPTY_COUNTS: Record<RunStatus, number> = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };

/** Registered functions with run counts per status: the filter list of the runs page. */
export async function listFunctions(db: Database): Promise<FunctionView[]> {
  const fns = await db.select().from(executorFunctions).orderBy(asc(executorFunctions.name));
  const counts = await db
    .select({ functionId: executorRuns.functionId, status: executorRuns.status, n: sql<number>`count(*)::int`, last: max(executorRuns.createdAt) })
    .from(executorRuns)
    .groupBy(executorRuns.functionId, executorRuns.status);
  return fns.map((fn) => {
    const mine = counts.filter((c) => c.functionId === fn.id);
    const config = fn.config as { triggers?: Array<{ event?: string; cron?: string }> };
    const lastRunAt = mine.reduce<Date | null>((acc, c) => (c.last && (!acc || c.last > acc) ? c.last : acc), null);
    return {
      id: fn.id,
      name: fn.name,
      triggers: (config.triggers ?? []).map((t) => ({ ...(t.event ? { event: t.event } : {}), ...(t.cron ? { cron: t.cron } : {}) })),
      counts: { ...EMPTY_COUNTS, ...Object.fromEntries(mine.map((c) => [c.status, c.n])) },
      lastRunAt,
    };
  });
}
