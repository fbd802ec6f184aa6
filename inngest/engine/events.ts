import { monotonicFactory } from "ulid";
import type { EngineContext } from "./context";
import { json, lockKey, type Tx } from "./db";
import { parseDuration } from "./duration";
import { keyOf, matches } from "./expr";
import { admitEvent } from "./flow";
import { enqueue } from "./queue";
import { ACTIVE, continueRun, createRun, finishRun, lockRun, type RunRow, settleStep } from "./runs";
import type { EventPayload, FunctionConfig, StoredEvent } from "./types";

/** Monotonic so ids created in the same millisecond still sort in creation order. */
const ulid = monotonicFactory();

/**
 * Event ingestion: persist, resolve waitForEvent pauses, apply cancelOn, then trigger functions.
 * Runs inside the caller's transaction, so an accepted event and everything it caused commit together.
 */
export async function ingest(tx: Tx, ctx: EngineContext, payloads: EventPayload[]): Promise<string[]> {
  const now = ctx.clock.now();
  const ids: string[] = [];
  for (const p of payloads) {
    const event: StoredEvent = {
      ...p,
      id: p.id ?? ulid(now.getTime()),
      name: p.name,
      data: p.data ?? {},
      ts: p.ts ?? now.getTime(),
    };
    ids.push(event.id);
    const inserted = await tx`insert into executor_events (id, name, payload, received_at)
      values (${event.id}, ${event.name}, ${json(tx, event)}, ${now}) on conflict (id) do nothing returning id`;
    // A re-sent event id is accepted but starts nothing, as on Inngest.
    if (!inserted.length) continue;
    await resolvePauses(tx, ctx, event);
    await applyCancellations(tx, ctx, event);
    for (const fn of ctx.registry.all()) {
      if (fn.triggers.some((t) => t.event && nameMatches(t.event, event.name) && matches(t.expression, { event }))) {
        await triggerFunction(tx, ctx, fn, event);
      }
    }
  }
  return ids;
}

function nameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  return pattern.endsWith("*") && name.startsWith(pattern.slice(0, -1));
}

/** rateLimit/idempotency drop, debounce defers, anything else creates a run now. */
export async function triggerFunction(tx: Tx, ctx: EngineContext, fn: FunctionConfig, event: StoredEvent) {
  const now = ctx.clock.now();
  if (!(await admitEvent(tx, fn, event, now))) return;
  if (fn.debounce) {
    const key = keyOf(fn.debounce.key, { event }) ?? "";
    await lockKey(tx, `debounce:${fn.id}:${key}`);
    const period = parseDuration(fn.debounce.period);
    const [row] = await tx<{ firstAt: Date }[]>`select first_at from executor_debounces
      where function_id = ${fn.id} and key = ${key}`;
    const firstAt = row?.firstAt ?? now;
    let fireAt = now.getTime() + period;
    if (fn.debounce.timeout) fireAt = Math.min(fireAt, firstAt.getTime() + parseDuration(fn.debounce.timeout));
    await tx`insert into executor_debounces (function_id, key, event, first_at, fire_at)
      values (${fn.id}, ${key}, ${json(tx, event)}, ${firstAt}, ${new Date(fireAt)})
      on conflict (function_id, key) do update set event = excluded.event, fire_at = excluded.fire_at`;
    const dedupeKey = `debounce:${fn.id}:${key}`;
    await enqueue(tx, ctx, { kind: "debounce", payload: { functionId: fn.id, key }, dedupeKey, notBefore: new Date(fireAt) });
    await tx`update executor_queue set not_before = ${new Date(fireAt)} where dedupe_key = ${dedupeKey}`;
    return;
  }
  await createRun(tx, ctx, fn, [event]);
}

interface PauseRow {
  id: string;
  runId: string;
  stepId: string;
  expression: string | null;
  runEvent: StoredEvent;
}

async function resolvePauses(tx: Tx, ctx: EngineContext, event: StoredEvent): Promise<void> {
  const pauses = await tx<PauseRow[]>`select p.id, p.run_id, p.step_id, p.expression, r.event as run_event
    from executor_pauses p join executor_runs r on r.id = p.run_id
    where p.kind = 'wait' and p.event_name = ${event.name} order by p.created_at`;
  for (const pause of pauses) {
    if (!matches(pause.expression ?? undefined, { event: pause.runEvent, async: event })) continue;
    const run = await lockRun(tx, pause.runId);
    // Deleting the pause is the claim: a concurrent timeout or event finds nothing left to resolve.
    const gone = await tx`delete from executor_pauses where id = ${pause.id} returning id`;
    if (!gone.length || !run || !ACTIVE.includes(run.status)) continue;
    await tx`delete from executor_queue where dedupe_key = ${`pause-timeout:${pause.id}`}`;
    await settleStep(tx, ctx, run.id, pause.stepId, event, "completed", { op: "WaitForEvent" });
    await continueRun(tx, ctx, run, false);
  }
}

async function applyCancellations(tx: Tx, ctx: EngineContext, event: StoredEvent): Promise<void> {
  const now = ctx.clock.now().getTime();
  for (const fn of ctx.registry.all()) {
    for (const cancel of fn.cancel ?? []) {
      if (cancel.event !== event.name) continue;
      const runs = await tx<RunRow[]>`select * from executor_runs
        where function_id = ${fn.id} and status = any(${ACTIVE})`;
      for (const run of runs) {
        if (cancel.timeout && now > run.createdAt.getTime() + parseDuration(cancel.timeout)) continue;
        if (!matches(cancel.if, { event: run.event, async: event })) continue;
        await finishRun(tx, ctx, run.id, "cancelled", {
          error: { name: "Cancelled", message: `Cancelled by event ${event.name} (${event.id})` },
        });
      }
    }
  }
}
