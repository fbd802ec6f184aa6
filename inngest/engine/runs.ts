import { monotonicFactory } from "ulid";
import type { EngineContext } from "./context";
import { json, lockKey, type Tx } from "./db";
import { parseDuration } from "./duration";
import { ingest } from "./events";
import { concurrencyKeys, singletonKey, throttleStart } from "./flow";
import { discoveryKey, enqueue } from "./queue";
import type { FunctionConfig, SerializedError, StoredEvent } from "./types";

/** Monotonic so ids created in the same millisecond still sort in creation order. */
const ulid = monotonicFactory();

/*
 * The run state machine: create, settle steps, continue with discovery, finish. Every transition
 * runs inside a transaction holding the run row lock, so parallel steps settle one at a time.
 */

export interface RunRow {
  id: string;
  functionId: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled";
  event: StoredEvent;
  events: StoredEvent[];
  version: number;
  disableImmediate: boolean;
  parentRunId: string | null;
  parentStepId: string | null;
  startBy: Date | null;
  startedAt: Date | null;
  createdAt: Date;
}

export const ACTIVE = ["queued", "running"];
const PENDING = ["planned", "sleeping", "waiting", "invoking"];

export async function lockRun(tx: Tx, runId: string): Promise<RunRow | undefined> {
  const [run] = await tx<RunRow[]>`select * from executor_runs where id = ${runId} for update`;
  return run;
}

export interface Parent {
  runId: string;
  stepId: string;
}

/** Singleton, throttle and concurrency keys apply here; rateLimit/debounce were applied on arrival. */
export async function createRun(
  tx: Tx,
  ctx: EngineContext,
  fn: FunctionConfig,
  events: StoredEvent[],
  parent?: Parent,
): Promise<string | null> {
  const now = ctx.clock.now();
  const event = events[0];
  if (!event) return null;
  const skey = singletonKey(fn, event);
  if (skey && fn.singleton) {
    await lockKey(tx, `singleton:${skey}`);
    const active = await tx<{ id: string }[]>`select id from executor_runs
      where singleton_key = ${skey} and status = any(${ACTIVE})`;
    if (active.length && fn.singleton.mode !== "cancel") return null;
    for (const { id } of active) {
      await finishRun(tx, ctx, id, "cancelled", { error: { name: "Cancelled", message: "Replaced by a newer singleton run" } });
    }
  }
  const startAt = await throttleStart(tx, fn, event, now);
  const id = ulid(now.getTime());
  // timeouts.start bounds the time spent queued, throttle delays included, so it counts from now.
  const startBy = fn.timeouts?.start ? new Date(now.getTime() + parseDuration(fn.timeouts.start)) : null;
  await tx`insert into executor_runs (id, function_id, status, event, events, concurrency_keys, singleton_key,
      parent_run_id, parent_step_id, start_by, created_at)
    values (${id}, ${fn.id}, 'queued', ${json(tx, event)}, ${json(tx, events)}, ${concurrencyKeys(fn, event)}::text[],
      ${skey}, ${parent?.runId ?? null}, ${parent?.stepId ?? null}, ${startBy}, ${now})`;
  await enqueue(tx, ctx, { kind: "call", runId: id, dedupeKey: discoveryKey(id), notBefore: startAt });
  return id;
}

/** Terminal transition; emits `inngest/function.failed` (onFailure handlers) and resolves an invoking parent. */
export async function finishRun(
  tx: Tx,
  ctx: EngineContext,
  runId: string,
  status: "completed" | "failed" | "cancelled",
  result: { output?: unknown; error?: SerializedError },
): Promise<void> {
  const now = ctx.clock.now();
  const [run] = await tx<RunRow[]>`update executor_runs set status = ${status},
      output = ${result.output === undefined ? null : json(tx, result.output)},
      error = ${result.error ? json(tx, result.error) : null}, ended_at = ${now}
    where id = ${runId} and status = any(${ACTIVE}) returning *`;
  if (!run) return;
  // Items this process is working on right now are taken by their own processor, which then sees the run ended.
  await tx`delete from executor_queue where run_id = ${runId} and lease_owner is distinct from ${ctx.owner}`;
  await tx`delete from executor_pauses where run_id = ${runId}`;
  // The lifecycle events Inngest emits: onFailure handlers trigger on function.failed, and user code
  // may waitForEvent on function.finished.
  const base = { function_id: run.functionId, run_id: run.id, event: run.event };
  if (status === "failed") {
    await ingest(tx, ctx, [{ name: "inngest/function.failed", data: { ...base, error: result.error ?? null } }]);
  }
  if (status === "cancelled") {
    await ingest(tx, ctx, [{ name: "inngest/function.cancelled", data: { ...base, error: result.error ?? null } }]);
  } else {
    const outcome = status === "completed" ? { result: result.output ?? null } : { error: result.error ?? null };
    await ingest(tx, ctx, [{ name: "inngest/function.finished", data: { ...base, ...outcome } }]);
  }
  if (run.parentRunId && run.parentStepId) {
    const memo = status === "completed" ? { data: result.output ?? null } : { error: result.error ?? { name: "Error", message: status } };
    const pauseId = `${run.parentRunId}:${run.parentStepId}`;
    const gone = await tx`delete from executor_pauses where id = ${pauseId} returning id`;
    if (gone.length) {
      await tx`delete from executor_queue where dedupe_key = ${`pause-timeout:${pauseId}`}`;
      const parent = await lockRun(tx, run.parentRunId);
      if (parent && ACTIVE.includes(parent.status)) {
        await settleStep(tx, ctx, parent.id, run.parentStepId, memo, status === "completed" ? "completed" : "failed");
        await continueRun(tx, ctx, parent, false);
      }
    }
  }
}

/**
 * Memoizes a step result. Idempotent: a step already completed keeps its first result, which is
 * what makes a re-delivered response after a crash harmless.
 */
export async function settleStep(
  tx: Tx,
  ctx: EngineContext,
  runId: string,
  stepId: string,
  memo: unknown,
  status: "completed" | "failed",
  extra: { name?: string; op?: string; attempts?: number } = {},
): Promise<void> {
  const now = ctx.clock.now();
  await tx`insert into executor_steps (run_id, step_id, name, op, status, memo, stack_index, attempts, started_at, ended_at)
    values (${runId}, ${stepId}, ${extra.name ?? stepId}, ${extra.op ?? "StepRun"}, ${status}, ${json(tx, memo)},
      (select coalesce(max(stack_index) + 1, 0) from executor_steps where run_id = ${runId}),
      ${extra.attempts ?? 1}, ${now}, ${now})
    on conflict (run_id, step_id) do update set status = excluded.status, memo = excluded.memo,
      stack_index = excluded.stack_index, ended_at = excluded.ended_at,
      attempts = greatest(executor_steps.attempts, excluded.attempts)
    where executor_steps.status not in ('completed', 'failed')`;
}

/**
 * Schedules the next discovery call once nothing is pending (request version 2 coalesces parallel
 * steps into one discovery); v1 and `race` groups discover after every settled step.
 */
export async function continueRun(tx: Tx, ctx: EngineContext, run: RunRow, eager: boolean): Promise<void> {
  if (!eager && run.version !== 1) {
    const [row] = await tx<{ n: number }[]>`select count(*)::int as n from executor_steps
      where run_id = ${run.id} and status = any(${PENDING})`;
    if ((row?.n ?? 0) > 0) return;
  }
  await enqueue(tx, ctx, { kind: "call", runId: run.id, dedupeKey: discoveryKey(run.id), notBefore: ctx.clock.now() });
}
