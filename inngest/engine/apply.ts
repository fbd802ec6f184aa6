import type { CallResult } from "./call";
import { backoffMs, type EngineContext } from "./context";
import { json, type Tx } from "./db";
import { parseDuration, sleepTarget } from "./duration";
import { enqueue, type QueueItem, requeue, stepCallKey, takeItem } from "./queue";
import { continueRun, createRun, finishRun, type RunRow, settleStep } from "./runs";
import type { FunctionConfig, OutgoingOp } from "./types";

/**
 * Applies one call's response to the run (notes §5 "Responses"). Called inside a transaction that
 * holds the run lock; the queue item is taken or requeued in the same transaction, so a crash
 * before commit simply replays the call.
 */
export async function applyCall(
  tx: Tx,
  ctx: EngineContext,
  item: QueueItem,
  run: RunRow,
  fn: FunctionConfig,
  result: CallResult,
): Promise<void> {
  const now = ctx.clock.now();
  const maxAttempts = maxAttemptsOf(fn);
  if (result.version !== run.version) {
    await tx`update executor_runs set version = ${result.version} where id = ${run.id}`;
    run.version = result.version;
  }
  switch (result.kind) {
    case "complete":
      await takeItem(tx, ctx, item);
      await finishRun(tx, ctx, run.id, "completed", { output: result.data });
      return;
    case "unreachable":
      // The app is down or restarting: that is not the function's fault, so the attempt is not spent.
      await requeue(tx, ctx, item, new Date(now.getTime() + Math.max(ctx.retryBaseMs, 500)));
      return;
    case "error":
      if (!result.noRetry && item.attempt + 1 < maxAttempts) {
        await requeue(tx, ctx, item, result.retryAt ?? new Date(now.getTime() + backoffMs(ctx, item.attempt + 1)), item.attempt + 1);
        return;
      }
      await takeItem(tx, ctx, item);
      await finishRun(tx, ctx, run.id, "failed", { error: result.error });
      return;
    case "ops":
      await applyOps(tx, ctx, item, run, result, maxAttempts);
  }
}

export function maxAttemptsOf(fn: FunctionConfig): number {
  const retries = fn.steps.step?.retries?.attempts ?? 3;
  return retries + 1;
}

async function applyOps(
  tx: Tx,
  ctx: EngineContext,
  item: QueueItem,
  run: RunRow,
  result: Extract<CallResult, { kind: "ops" }>,
  maxAttempts: number,
): Promise<void> {
  const now = ctx.clock.now();
  const { again } = await takeItem(tx, ctx, item);
  if (result.ops.length > 1 && !run.disableImmediate) {
    // Sticky: once steps run in parallel, every later call must only plan, never run eagerly.
    await tx`update executor_runs set disable_immediate = true where id = ${run.id}`;
  }
  let settled = false;
  let eager = again;
  for (const op of result.ops) {
    const name = op.displayName ?? op.userland?.id ?? op.name ?? op.id;
    const race = (op.opts as { parallelMode?: string } | null | undefined)?.parallelMode === "race";
    const attempts = item.stepId === op.id ? item.attempt + 1 : 1;
    switch (op.op) {
      case "StepRun":
        await settleStep(tx, ctx, run.id, op.id, { data: op.data ?? null }, "completed", { name, op: op.op, attempts });
        settled = true;
        eager ||= race;
        break;
      case "StepFailed":
        await settleStep(tx, ctx, run.id, op.id, { error: op.error }, "failed", { name, op: op.op, attempts });
        settled = true;
        eager ||= race;
        break;
      case "StepError": {
        const attempt = item.stepId === op.id ? item.attempt : 0;
        if (!result.noRetry && attempt + 1 < maxAttempts) {
          await pendingStep(tx, ctx, run.id, op, "planned", { name, attempts, lastError: op.error });
          const notBefore = result.retryAt ?? new Date(now.getTime() + backoffMs(ctx, attempt + 1));
          await enqueue(tx, ctx, { kind: "call", runId: run.id, stepId: op.id, attempt: attempt + 1, dedupeKey: stepCallKey(run.id, op.id), notBefore });
        } else {
          await settleStep(tx, ctx, run.id, op.id, { error: op.error }, "failed", { name, op: op.op, attempts });
          settled = true;
        }
        break;
      }
      case "StepPlanned": {
        const status = await pendingStep(tx, ctx, run.id, op, "planned", { name });
        if (status === "planned") {
          await enqueue(tx, ctx, { kind: "call", runId: run.id, stepId: op.id, dedupeKey: stepCallKey(run.id, op.id), notBefore: now });
        }
        break;
      }
      case "Sleep": {
        const wakeAt = sleepTarget(String(op.name ?? (op.opts as { duration?: string } | null)?.duration ?? "0s"), now);
        const status = await pendingStep(tx, ctx, run.id, op, "sleeping", { name, wakeAt });
        if (status === "sleeping") {
          await enqueue(tx, ctx, { kind: "wake", runId: run.id, stepId: op.id, dedupeKey: `wake:${run.id}:${op.id}`, notBefore: wakeAt });
        }
        break;
      }
      case "WaitForEvent":
        await pause(tx, ctx, run, op, "wait", name);
        break;
      case "InvokeFunction":
        await invoke(tx, ctx, run, op, name);
        break;
      default:
        await settleStep(tx, ctx, run.id, op.id, { error: { name: "Error", message: `Unsupported op ${op.op} in the embedded executor` } }, "failed", { name, op: op.op });
        settled = true;
    }
  }
  if (settled || again) await continueRun(tx, ctx, run, eager);
}

/** Records a step that is waiting on something; returns its resulting status (only `planned` ever changes). */
async function pendingStep(
  tx: Tx,
  ctx: EngineContext,
  runId: string,
  op: OutgoingOp,
  status: string,
  extra: { name: string; attempts?: number; lastError?: unknown; wakeAt?: Date },
): Promise<string> {
  const now = ctx.clock.now();
  const [row] = await tx<{ status: string }[]>`insert into executor_steps
      (run_id, step_id, name, op, status, attempts, last_error, opts, wake_at, started_at)
    values (${runId}, ${op.id}, ${extra.name}, ${op.op}, ${status}, ${extra.attempts ?? 0},
      ${extra.lastError ? json(tx, extra.lastError) : null}, ${op.opts ? json(tx, op.opts) : null}, ${extra.wakeAt ?? null}, ${now})
    on conflict (run_id, step_id) do update set
      -- Only a planned step may change state here: a settled one is final, and a sleeping/waiting/invoking
      -- one re-reported by a later discovery (v1, race) keeps its timer or pause.
      status = case when executor_steps.status = 'planned' then excluded.status else executor_steps.status end,
      attempts = greatest(executor_steps.attempts, excluded.attempts),
      last_error = coalesce(excluded.last_error, executor_steps.last_error),
      wake_at = coalesce(excluded.wake_at, executor_steps.wake_at)
    returning status`;
  return row?.status ?? status;
}

async function pause(tx: Tx, ctx: EngineContext, run: RunRow, op: OutgoingOp, kind: "wait" | "invoke", name: string) {
  const now = ctx.clock.now();
  const opts = (op.opts ?? {}) as { timeout?: string; if?: string; event?: string };
  const status = await pendingStep(tx, ctx, run.id, op, kind === "wait" ? "waiting" : "invoking", { name });
  if (status !== (kind === "wait" ? "waiting" : "invoking")) return false;
  const id = `${run.id}:${op.id}`;
  const expiresAt = opts.timeout ? new Date(now.getTime() + parseDuration(opts.timeout)) : null;
  const inserted = await tx`insert into executor_pauses (id, run_id, step_id, kind, event_name, expression, expires_at, created_at)
    values (${id}, ${run.id}, ${op.id}, ${kind}, ${kind === "wait" ? (opts.event ?? op.name ?? null) : null},
      ${opts.if ?? null}, ${expiresAt}, ${now}) on conflict (id) do nothing returning id`;
  if (!inserted.length) return false;
  if (expiresAt) {
    await enqueue(tx, ctx, { kind: "pause-timeout", runId: run.id, stepId: op.id, payload: { pauseId: id, kind }, dedupeKey: `pause-timeout:${id}`, notBefore: expiresAt });
  }
  return true;
}

async function invoke(tx: Tx, ctx: EngineContext, run: RunRow, op: OutgoingOp, name: string) {
  const opts = (op.opts ?? {}) as { function_id?: string; payload?: { data?: Record<string, unknown> } };
  const target = ctx.registry.get(opts.function_id ?? "");
  if (!target) {
    await settleStep(tx, ctx, run.id, op.id, { error: { name: "Error", message: `Function ${opts.function_id} is not registered` } }, "failed", { name, op: op.op });
    await continueRun(tx, ctx, run, false);
    return;
  }
  if (!(await pause(tx, ctx, run, op, "invoke", name))) return;
  const now = ctx.clock.now();
  const event = {
    id: `${run.id}:${op.id}`,
    name: "inngest/function.invoked",
    data: opts.payload?.data ?? {},
    ts: now.getTime(),
  };
  await tx`insert into executor_events (id, name, payload, received_at)
    values (${event.id}, ${event.name}, ${json(tx, event)}, ${now}) on conflict (id) do nothing`;
  const childId = await createRun(tx, ctx, target, [event], { runId: run.id, stepId: op.id });
  if (!childId) {
    // The target's singleton skipped the run: fail the invoke now rather than leave the parent waiting.
    await tx`delete from executor_pauses where id = ${`${run.id}:${op.id}`}`;
    await tx`delete from executor_queue where dedupe_key = ${`pause-timeout:${run.id}:${op.id}`}`;
    const error = { name: "Error", message: `${target.id} skipped the invocation (singleton)` };
    await settleStep(tx, ctx, run.id, op.id, { error }, "failed", { name, op: op.op });
    await continueRun(tx, ctx, run, false);
  }
}
