import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "~/db/client";
import { syncStates } from "~/db/schema";
import { finishRun, scheduleAfterBackfill, startRun, type SyncScopeRef, type SyncTrigger } from "../state";
import { addDays, daysOf, localToday, toWindows, type LocalDay } from "../windows";
import { BACKFILL, windowOf, type SyncTaskDefinition } from "./definition";
import { resolveScope, type RunScope } from "./scope";

/** What the scheduler, a button or an authorization asks for: one window of one task for one scope. */
export interface SyncRequestData {
  organizationId: string;
  scopeId: string;
  window: string;
  trigger: SyncTrigger;
}

/** One run, decided at its start and memoized: every later step reads the same plan. JSON only. */
export interface RunPlan {
  task: string;
  window: string;
  trigger: SyncTrigger;
  /** The sync_runs row this run writes. */
  runId: string;
  scope: RunScope;
  /** The scope's local today when the run started. */
  today: LocalDay;
  /** The local days the run covers, oldest first ([] for tasks not about days). */
  days: LocalDay[];
  startedAt: string;
  /** Where the window's last successful run said the next one resumes (`RunResult.resumeFrom`), or null. */
  resumeFrom: string | null;
}

export function refOf(plan: Pick<RunPlan, "task" | "window" | "scope">): SyncScopeRef {
  return { organizationId: plan.scope.organizationId, task: plan.task, window: plan.window, scopeId: plan.scope.scopeId, timeZone: plan.scope.timeZone };
}

function range(from: LocalDay, to: LocalDay): LocalDay[] {
  const days: LocalDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Every day of the calendar months `fromMonthsAgo`..`toMonthsAgo` before today's (1 = last month). */
export function monthDays(today: LocalDay, fromMonthsAgo: number, toMonthsAgo: number): LocalDay[] {
  const month = DateTime.fromISO(today, { zone: "UTC" }).startOf("month");
  const from = month.minus({ months: fromMonthsAgo }).toISODate()!;
  const to = month.minus({ months: toMonthsAgo - 1 }).minus({ days: 1 }).toISODate()!;
  return from <= to ? range(from, to) : [];
}

/** The local days a backfill covers, counted back from today. */
export function backfillDays(task: SyncTaskDefinition, today: LocalDay): LocalDay[] {
  const b = task.backfill;
  if (!b) return [];
  if (b.days) return range(addDays(today, -(b.days - 1)), addDays(today, -(b.skipRecentDays ?? 0)));
  if (b.wholeMonths) return monthDays(today, b.months ?? 0, 1 + (b.skipRecentMonths ?? 0));
  const base = DateTime.fromISO(today, { zone: "UTC" });
  const from = base.minus({ months: b.months ?? 0 }).toISODate()!;
  const to = b.skipRecentMonths ? base.minus({ months: b.skipRecentMonths }).toISODate()! : today;
  return range(from, to);
}

/**
 * The days one run of a window covers: the window's days counted from today, reaching back to the day of
 * its last success when that is older (catch-up after a pause), within the window's catch-up limit.
 */
export function windowDays(task: SyncTaskDefinition, window: string, today: LocalDay, lastSucceededDay: LocalDay | null): LocalDay[] {
  if (window === BACKFILL) return backfillDays(task, today);
  const rule = windowOf(task, window);
  if (!rule) throw new Error(`${task.key} has no window "${window}"`);
  if (rule.months) return monthDays(today, rule.months.fromMonthsAgo, rule.months.toMonthsAgo);
  const days = daysOf(rule.days, today);
  if (!rule.catchUpDays || !lastSucceededDay || !days.length || lastSucceededDay >= days[0]!) return days;
  const earliest = addDays(today, -(rule.catchUpDays - 1));
  const from = lastSucceededDay > earliest ? lastSucceededDay : earliest;
  return [...new Set([...range(from, days[0]!), ...days])].sort();
}

export type PlanResult = { plan: RunPlan } | { skipped: string; scope?: RunScope };

/** Resolves the scope (it must be the request's organization's, and able to sync), its days, and opens the run. */
export async function planRun(
  db: Database,
  task: SyncTaskDefinition,
  request: SyncRequestData,
  args: { now: Date; jobRunId?: string },
): Promise<PlanResult> {
  const resolved = await resolveScope(db, task.scope, request.organizationId, request.scopeId);
  if ("skipped" in resolved) return { skipped: resolved.skipped };
  const { scope } = resolved;
  const today = localToday(scope.timeZone, args.now);
  // Where a catch-up reaches back to: the window's last success, or else the backfill's (which covered it).
  const states = await db
    .select({ window: syncStates.window, lastSucceededAt: syncStates.lastSucceededAt, resumeFrom: syncStates.resumeFrom })
    .from(syncStates)
    .where(and(eq(syncStates.task, task.key), inArray(syncStates.window, [request.window, BACKFILL]), eq(syncStates.scopeId, scope.scopeId)));
  // A window resumes where its last success said, or else where the backfill's did (its first run).
  const resumeFrom = states.find((s) => s.window === request.window)?.resumeFrom ?? states.find((s) => s.window === BACKFILL)?.resumeFrom ?? null;
  const succeeded = states.find((s) => s.window === request.window)?.lastSucceededAt ?? states.find((s) => s.window === BACKFILL)?.lastSucceededAt;
  const lastSucceededDay = succeeded ? localToday(scope.timeZone, succeeded) : null;
  const days = windowDays(task, request.window, today, lastSucceededDay);
  const ref = { organizationId: scope.organizationId, task: task.key, window: request.window, scopeId: scope.scopeId, timeZone: scope.timeZone };
  const runId = await startRun(db, task, ref, {
    trigger: request.trigger,
    windows: toWindows(days, Number.MAX_SAFE_INTEGER),
    now: args.now,
    jobRunId: args.jobRunId,
    progressTotal: request.window === BACKFILL ? days.length : undefined,
  });
  return {
    plan: { task: task.key, window: request.window, trigger: request.trigger, runId, scope, today, days, startedAt: args.now.toISOString(), resumeFrom },
  };
}

/** Closes a run that succeeded: its history row, its window's state and next due time, and after a backfill its recurring windows. */
export async function completeRun(
  db: Database,
  task: SyncTaskDefinition,
  plan: RunPlan,
  outcome: { rowsWritten: number; apiCalls: number; noData?: boolean; resumeFrom?: string },
  now: Date,
) {
  const ref = refOf(plan);
  const status = outcome.noData ? "no_data" : "succeeded";
  await finishRun(db, task, ref, plan.runId, {
    status, rowsWritten: outcome.rowsWritten, apiCalls: outcome.apiCalls, startedAt: new Date(plan.startedAt), now, resumeFrom: outcome.resumeFrom ?? null,
  });
  if (plan.window === BACKFILL) await scheduleAfterBackfill(db, task, ref, now);
}
