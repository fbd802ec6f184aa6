import { and, eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { syncRuns, syncStates } from "~/db/schema";
import { windowOf, type SyncTaskDefinition } from "./kit/definition";
import { nextDueAt } from "./windows";

export interface SyncScopeRef {
  organizationId: string;
  task: string;
  /** The window's key ("last-2-days"), or "backfill". */
  window: string;
  scopeId: string;
  timeZone: string;
}

export type SyncTrigger = "authorization" | "schedule" | "manual";

const stateOf = (ref: Pick<SyncScopeRef, "task" | "window" | "scopeId">) =>
  and(eq(syncStates.task, ref.task), eq(syncStates.window, ref.window), eq(syncStates.scopeId, ref.scopeId));

/** Creates the state rows of a scope's windows (idempotent): a new scope is due at once, but for windows only a button runs. */
export async function ensureSyncStates(db: Database, task: SyncTaskDefinition, scopes: Omit<SyncScopeRef, "timeZone" | "task">[]) {
  if (!scopes.length) return;
  await db
    .insert(syncStates)
    .values(
      scopes.map((s) => ({
        organizationId: s.organizationId,
        task: task.key,
        window: s.window,
        scopeKind: task.scope,
        scopeId: s.scopeId,
        nextDueAt: windowOf(task, s.window)?.cadence.kind === "on-demand" ? null : new Date(0),
      })),
    )
    .onConflictDoNothing();
}

/** Marks a run as started and opens its history row. */
export async function startRun(
  db: Database,
  task: SyncTaskDefinition,
  ref: SyncScopeRef,
  args: { trigger: SyncTrigger; windows: { start: string; end: string }[]; now: Date; jobRunId?: string; progressTotal?: number },
): Promise<string> {
  await ensureSyncStates(db, task, [ref]);
  await db
    .update(syncStates)
    .set({
      status: "running",
      lastStartedAt: args.now,
      ...(args.progressTotal !== undefined ? { progressTotal: args.progressTotal, progressDone: 0 } : {}),
    })
    .where(stateOf(ref));
  const [run] = await db
    .insert(syncRuns)
    .values({
      organizationId: ref.organizationId,
      task: ref.task,
      window: ref.window,
      scopeId: ref.scopeId,
      trigger: args.trigger,
      windows: args.windows,
      status: "running",
      startedAt: args.now,
      jobRunId: args.jobRunId,
    })
    .returning({ id: syncRuns.id });
  return run!.id;
}

/** Progress of a long backfill ("advertising: 41 of 60 days"). */
export async function recordProgress(db: Database, ref: Pick<SyncScopeRef, "task" | "window" | "scopeId">, done: number) {
  await db.update(syncStates).set({ progressDone: done }).where(stateOf(ref));
}

const cadenceOf = (task: SyncTaskDefinition, window: string) => windowOf(task, window)?.cadence ?? ({ kind: "on-demand" } as const);

export async function finishRun(
  db: Database,
  task: SyncTaskDefinition,
  ref: SyncScopeRef,
  runId: string,
  outcome: { status: "succeeded" | "no_data"; rowsWritten: number; apiCalls: number; startedAt: Date; now: Date; resumeFrom?: string | null },
) {
  // One transaction: whoever sees the run finished sees its window's state closed too.
  await db.transaction(async (tx) => {
    await tx
      .update(syncRuns)
      .set({ status: outcome.status, rowsWritten: outcome.rowsWritten, apiCalls: outcome.apiCalls, finishedAt: outcome.now })
      .where(eq(syncRuns.id, runId));
    await tx
      .update(syncStates)
      .set({
        status: "idle",
        lastSucceededAt: outcome.now,
        lastOutcome: outcome.status,
        nextDueAt: nextDueAt(cadenceOf(task, ref.window), outcome.startedAt, ref.timeZone, `${ref.task}:${ref.window}:${ref.scopeId}`),
        lastError: null,
        lastErrorAt: null,
        consecutiveFailures: 0,
        progressDone: sql`${syncStates.progressTotal}`,
        rowsWritten: sql`${syncStates.rowsWritten} + ${outcome.rowsWritten}`,
        // Only a success moves it: a failed run's next try starts where the failed one did.
        resumeFrom: outcome.resumeFrom ?? null,
      })
      .where(stateOf(ref));
  });
}

/**
 * Records a failure in words a seller understands. The window stays due: the scheduler retries it with a
 * growing delay (5, 10, 20 … minutes, at most 2 hours) rather than at once.
 */
export async function failRun(
  db: Database,
  task: SyncTaskDefinition,
  ref: SyncScopeRef,
  runId: string | null,
  args: { error: string; apiCalls?: number; now: Date; paused?: boolean },
) {
  await ensureSyncStates(db, task, [ref]);
  await db.transaction(async (tx) => {
    if (runId)
      await tx
        .update(syncRuns)
        .set({ status: "failed", error: args.error, apiCalls: args.apiCalls ?? 0, finishedAt: args.now })
        .where(eq(syncRuns.id, runId));
    await tx
      .update(syncStates)
      .set({
        status: args.paused ? "paused" : "failed",
        lastError: args.error,
        lastErrorAt: args.now,
        consecutiveFailures: sql`${syncStates.consecutiveFailures} + 1`,
        nextDueAt: sql`${args.now.toISOString()}::timestamptz + least(interval '2 hours', interval '5 minutes' * power(2, ${syncStates.consecutiveFailures}))`,
      })
      .where(stateOf(ref));
  });
}

/**
 * Once a scope's backfill is done, its recurring windows are scheduled from now: the backfill has just
 * covered their days, so "last 2 days" comes 30–60 minutes later and the daily refresh tomorrow.
 */
export async function scheduleAfterBackfill(db: Database, task: SyncTaskDefinition, ref: SyncScopeRef, now: Date) {
  await ensureSyncStates(db, task, task.windows.map((w) => ({ ...ref, window: w.key })));
  for (const w of task.windows) {
    await db
      .update(syncStates)
      .set({ nextDueAt: nextDueAt(w.cadence, now, ref.timeZone, `${ref.task}:${w.key}:${ref.scopeId}`) })
      .where(and(stateOf({ ...ref, window: w.key }), sql`${syncStates.lastStartedAt} is null`));
  }
}

/**
 * After a paused scope is authorized again, every window that could not run is due now: its next run
 * reaches back to its last success (catch-up), so the days missed meanwhile are loaded once.
 */
export async function resumeScope(db: Database, task: SyncTaskDefinition, scopeId: string, now: Date) {
  await db
    .update(syncStates)
    .set({ nextDueAt: now, consecutiveFailures: 0 })
    .where(and(eq(syncStates.task, task.key), eq(syncStates.scopeId, scopeId), sql`${syncStates.status} in ('paused', 'failed')`));
}
