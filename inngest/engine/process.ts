import { applyCall, maxAttemptsOf } from "./apply";
import { buildCallRequest, type CallResult, parseCallResponse } from "./call";
import type { EngineContext } from "./context";
import { json, lockKey, transaction } from "./db";
import { parseDuration } from "./duration";
import { enqueue, extendLease, LeaseLost, type QueueItem, requeue, takeItem } from "./queue";
import { ACTIVE, continueRun, createRun, finishRun, lockRun, type RunRow, settleStep } from "./runs";
import type { AppFetch, StoredEvent } from "./types";

/** Runs one leased queue item to completion. Losing the lease midway just discards our result. */
export async function processItem(ctx: EngineContext, appFetch: AppFetch, item: QueueItem): Promise<void> {
  try {
    switch (item.kind) {
      case "call":
        return await processCall(ctx, appFetch, item);
      case "wake":
        return await settleFromTimer(ctx, item, null, "completed");
      case "pause-timeout":
        return await pauseTimeout(ctx, item);
      case "run-timeout":
        return await transaction(ctx.sql, async (tx) => {
          await takeItem(tx, ctx, item);
          await finishRun(tx, ctx, item.runId ?? "", "cancelled", {
            error: { name: "FunctionTimeoutError", message: "The function exceeded its timeouts.finish" },
          });
        });
      case "cancel":
        return await transaction(ctx.sql, async (tx) => {
          await takeItem(tx, ctx, item);
          const reason = (item.payload as { reason?: string } | null)?.reason ?? "Cancelled by an operator";
          await finishRun(tx, ctx, item.runId ?? "", "cancelled", { error: { name: "Cancelled", message: reason } });
        });
      case "debounce":
        return await fireDebounce(ctx, item);
    }
  } catch (err) {
    if (err instanceof LeaseLost) return;
    throw err;
  }
}

interface StepRow {
  stepId: string;
  memo: unknown;
}

/** The app's serve URL with the function's id: never the URL a registration named (that could point anywhere). */
function callUrl(ctx: EngineContext, functionId: string): string {
  const url = new URL(ctx.appUrl);
  url.searchParams.set("fnId", functionId);
  return url.toString();
}

async function processCall(ctx: EngineContext, appFetch: AppFetch, item: QueueItem): Promise<void> {
  const run = await startRun(ctx, item);
  if (!run) return;
  const fn = ctx.registry.get(run.functionId);
  if (!fn) {
    // Function removed from the app: nothing can run it any more.
    await transaction(ctx.sql, async (tx) => {
      await takeItem(tx, ctx, item);
      await finishRun(tx, ctx, run.id, "failed", { error: { name: "Error", message: `Function ${run.functionId} is no longer registered` } });
    });
    return;
  }
  const memo = await ctx.sql<StepRow[]>`select step_id, memo from executor_steps
    where run_id = ${run.id} and status in ('completed', 'failed') order by stack_index`;
  const request = buildCallRequest({
    url: callUrl(ctx, fn.id),
    stepId: item.stepId,
    runId: run.id,
    attempt: item.attempt,
    maxAttempts: maxAttemptsOf(fn),
    event: run.event,
    events: run.events,
    steps: Object.fromEntries(memo.map((m) => [m.stepId, m.memo])),
    stack: memo.map((m) => m.stepId),
    disableImmediate: run.disableImmediate,
    version: run.version,
    // Signed with wall-clock time: the app checks freshness against its own clock.
    signingKey: ctx.signingKey,
  });
  const startedAt = ctx.clock.now();
  const wall = Date.now();
  // Keep the lease alive while the step runs; a crashed executor's lease simply expires.
  const heartbeat = setInterval(() => void extendLease(ctx, item).catch(() => {}), Math.max(50, ctx.leaseMs / 3));
  let result: CallResult;
  try {
    result = await parseCallResponse(await appFetch(request), ctx.clock.now());
  } catch (err) {
    result = { kind: "unreachable", status: null, error: { name: "FetchError", message: String(err) }, version: run.version };
  } finally {
    clearInterval(heartbeat);
  }
  await transaction(ctx.sql, async (tx) => {
    const locked = await lockRun(tx, run.id);
    await tx`insert into executor_attempts (run_id, step_id, attempt, status, outcome, error, started_at, duration_ms)
      values (${run.id}, ${item.stepId}, ${item.attempt}, ${result.status}, ${outcomeOf(result)},
        ${errorOf(result) ? json(tx, errorOf(result)) : null}, ${startedAt}, ${Date.now() - wall})`;
    if (!locked || !ACTIVE.includes(locked.status)) {
      await takeItem(tx, ctx, item);
      return;
    }
    await applyCall(tx, ctx, item, locked, fn, result);
  });
}

function outcomeOf(result: CallResult): string {
  if (result.kind === "ops") return result.ops.map((o) => o.op).join(",");
  return result.kind;
}

function errorOf(result: CallResult): unknown {
  if (result.kind === "error" || result.kind === "unreachable") return result.error;
  if (result.kind === "ops") return result.ops.find((o) => o.error)?.error ?? null;
  return null;
}

/** First call of a run: enforce timeouts.start, mark it running and arm timeouts.finish. */
async function startRun(ctx: EngineContext, item: QueueItem): Promise<RunRow | null> {
  // Hot path: a running run needs no transaction here; the apply step re-checks under the run lock.
  const [current] = await ctx.sql<RunRow[]>`select * from executor_runs where id = ${item.runId ?? ""}`;
  if (current?.status === "running") return current;
  return transaction(ctx.sql, async (tx) => {
    const run = await lockRun(tx, item.runId ?? "");
    if (!run || !ACTIVE.includes(run.status)) {
      await takeItem(tx, ctx, item);
      return null;
    }
    if (run.status === "running") return run;
    const now = ctx.clock.now();
    if (run.startBy && now > run.startBy) {
      await takeItem(tx, ctx, item);
      await finishRun(tx, ctx, run.id, "cancelled", { error: { name: "FunctionTimeoutError", message: "The run did not start within timeouts.start" } });
      return null;
    }
    const fn = ctx.registry.get(run.functionId);
    const finishBy = fn?.timeouts?.finish ? new Date(now.getTime() + parseDuration(fn.timeouts.finish)) : null;
    await tx`update executor_runs set status = 'running', started_at = ${now}, finish_by = ${finishBy} where id = ${run.id}`;
    if (finishBy) await enqueue(tx, ctx, { kind: "run-timeout", runId: run.id, dedupeKey: `run-timeout:${run.id}`, notBefore: finishBy });
    return { ...run, status: "running", startedAt: now };
  });
}

async function settleFromTimer(ctx: EngineContext, item: QueueItem, memo: unknown, status: "completed" | "failed") {
  await transaction(ctx.sql, async (tx) => {
    await takeItem(tx, ctx, item);
    const run = await lockRun(tx, item.runId ?? "");
    if (!run || !ACTIVE.includes(run.status) || !item.stepId) return;
    await settleStep(tx, ctx, run.id, item.stepId, memo, status);
    await continueRun(tx, ctx, run, false);
  });
}

async function pauseTimeout(ctx: EngineContext, item: QueueItem): Promise<void> {
  const { pauseId, kind } = (item.payload ?? {}) as { pauseId?: string; kind?: string };
  await transaction(ctx.sql, async (tx) => {
    await takeItem(tx, ctx, item);
    const run = await lockRun(tx, item.runId ?? "");
    const gone = await tx`delete from executor_pauses where id = ${pauseId ?? ""} returning id`;
    if (!gone.length || !run || !ACTIVE.includes(run.status) || !item.stepId) return;
    if (kind === "invoke") {
      const error = { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" };
      await settleStep(tx, ctx, run.id, item.stepId, { error }, "failed", { op: "InvokeFunction" });
    } else {
      // waitForEvent timed out: the SDK resolves the step with null.
      await settleStep(tx, ctx, run.id, item.stepId, null, "completed", { op: "WaitForEvent" });
    }
    await continueRun(tx, ctx, run, false);
  });
}

async function fireDebounce(ctx: EngineContext, item: QueueItem): Promise<void> {
  const { functionId, key } = (item.payload ?? {}) as { functionId?: string; key?: string };
  await transaction(ctx.sql, async (tx) => {
    await lockKey(tx, `debounce:${functionId}:${key}`);
    const [row] = await tx<{ event: StoredEvent; fireAt: Date }[]>`select event, fire_at from executor_debounces
      where function_id = ${functionId ?? ""} and key = ${key ?? ""}`;
    if (row && row.fireAt > ctx.clock.now()) {
      await requeue(tx, ctx, item, row.fireAt);
      return;
    }
    await takeItem(tx, ctx, item);
    const fn = ctx.registry.get(functionId ?? "");
    if (!row || !fn) return;
    await tx`delete from executor_debounces where function_id = ${fn.id} and key = ${key ?? ""}`;
    await createRun(tx, ctx, fn, [row.event]);
  });
}
