import type { EngineContext } from "./context";
import { json, lockKey, type Tx, transaction } from "./db";
import { concurrencyLimits, concurrencyPrefixes } from "./flow";

export interface QueueItem {
  id: number;
  /** `cancel` is written by server/runs (an operator's request), everything else by the executor. */
  kind: "call" | "wake" | "pause-timeout" | "run-timeout" | "cancel" | "debounce";
  runId: string | null;
  /** For calls: the hashed step to run, or null for a discovery call (`stepId=step`). */
  stepId: string | null;
  attempt: number;
  payload: Record<string, unknown> | null;
  dedupeKey: string;
  notBefore: Date;
}

export interface NewItem {
  kind: QueueItem["kind"];
  runId?: string | null;
  stepId?: string | null;
  attempt?: number;
  payload?: Record<string, unknown>;
  dedupeKey: string;
  notBefore: Date;
}

/**
 * Idempotent enqueue. If the same discovery is already in flight (leased) we mark it `again`,
 * so a step that settles while the discovery request is on the wire still gets a later discovery.
 */
export async function enqueue(tx: Tx, ctx: EngineContext, item: NewItem): Promise<void> {
  await tx`insert into executor_queue (kind, run_id, step_id, attempt, payload, dedupe_key, not_before)
    values (${item.kind}, ${item.runId ?? null}, ${item.stepId ?? null}, ${item.attempt ?? 0},
      ${item.payload ? json(tx, item.payload) : null}, ${item.dedupeKey}, ${item.notBefore})
    on conflict (dedupe_key) do update
      set payload = coalesce(executor_queue.payload, '{}'::jsonb) || '{"again": true}'::jsonb
      where executor_queue.kind = 'call' and executor_queue.step_id is null and executor_queue.lease_owner is not null`;
  ctx.notify();
}

export const discoveryKey = (runId: string) => `call:${runId}:step`;
export const stepCallKey = (runId: string, stepId: string) => `call:${runId}:${stepId}`;

export class LeaseLost extends Error {}

/** Deletes a finished item we still hold; throws (rolling the transaction back) if our lease was lost. */
export async function takeItem(tx: Tx, ctx: EngineContext, item: QueueItem): Promise<{ again: boolean }> {
  const rows = await tx<{ payload: { again?: boolean } | null }[]>`
    delete from executor_queue where id = ${item.id} and lease_owner = ${ctx.owner} returning payload`;
  if (!rows[0]) throw new LeaseLost(`lease lost on queue item ${item.id}`);
  return { again: rows[0].payload?.again === true };
}

/** Puts an item we hold back in the queue for later (retry, reschedule). */
export async function requeue(tx: Tx, ctx: EngineContext, item: QueueItem, notBefore: Date, attempt = item.attempt) {
  const rows = await tx`update executor_queue set not_before = ${notBefore}, attempt = ${attempt},
      lease_until = null, lease_owner = null
    where id = ${item.id} and lease_owner = ${ctx.owner} returning id`;
  if (!rows[0]) throw new LeaseLost(`lease lost on queue item ${item.id}`);
}

export async function extendLease(ctx: EngineContext, item: QueueItem): Promise<void> {
  const until = new Date(ctx.clock.now().getTime() + ctx.leaseMs);
  await ctx.sql`update executor_queue set lease_until = ${until} where id = ${item.id} and lease_owner = ${ctx.owner}`;
}

interface Candidate extends QueueItem {
  functionId: string | null;
  concurrencyKeys: string[] | null;
}

/**
 * Leases up to `limit` due items. Rows are taken with `for update skip locked`, so two executors
 * never hold the same item; call items also respect concurrency limits, counted as calls currently
 * leased (executing steps), under a per-key advisory lock so two claimers cannot both take the last slot.
 */
export async function claim(ctx: EngineContext, limit: number): Promise<QueueItem[]> {
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + ctx.leaseMs);
  return transaction(ctx.sql, async (tx) => {
    const saturated = await saturatedKeys(tx, ctx, now);
    const candidates = await tx<Candidate[]>`
      select q.id, q.kind, q.run_id, q.step_id, q.attempt, q.payload, q.dedupe_key, q.not_before,
        r.function_id, r.concurrency_keys
      from executor_queue q left join executor_runs r on r.id = q.run_id
      where q.not_before <= ${now} and (q.lease_until is null or q.lease_until < ${now})
        and not (coalesce(r.concurrency_keys, '{}'::text[]) && ${saturated}::text[])
      order by q.not_before, q.id limit ${limit * 4}
      for update of q skip locked`;
    const claimed: QueueItem[] = [];
    for (const c of candidates) {
      if (claimed.length >= limit) break;
      if (c.kind === "call" && c.concurrencyKeys?.length && c.functionId) {
        if (!(await hasCapacity(tx, ctx, c, now))) continue;
      }
      await tx`update executor_queue set lease_until = ${leaseUntil}, lease_owner = ${ctx.owner} where id = ${c.id}`;
      const { functionId: _f, concurrencyKeys: _k, ...item } = c;
      claimed.push(item);
    }
    return claimed;
  });
}

/**
 * Keys already at their limit. Their queued items are left out of the candidate scan, so a long
 * backlog behind one busy key (say, hundreds of syncs for one store) cannot starve everything else.
 */
async function saturatedKeys(tx: Tx, ctx: EngineContext, now: Date): Promise<string[]> {
  const prefixes = concurrencyPrefixes(ctx.registry.all());
  if (!prefixes.length) return [];
  const busy = await tx<{ key: string; n: number }[]>`
    select k as key, count(*)::int as n from executor_queue q join executor_runs r on r.id = q.run_id,
      unnest(r.concurrency_keys) k
    where q.kind = 'call' and q.lease_until > ${now} group by k`;
  return busy.filter(({ key, n }) => prefixes.some((p) => key.startsWith(p.prefix) && n >= p.limit)).map((b) => b.key);
}

async function hasCapacity(tx: Tx, ctx: EngineContext, c: Candidate, now: Date): Promise<boolean> {
  const fn = ctx.registry.get(c.functionId ?? "");
  if (!fn) return true;
  const limits = concurrencyLimits(fn, c.concurrencyKeys ?? []).sort((a, b) => a.key.localeCompare(b.key));
  for (const { key, limit } of limits) {
    await lockKey(tx, `concurrency:${key}`);
    const [row] = await tx<{ n: number }[]>`
      select count(*)::int as n from executor_queue q join executor_runs r on r.id = q.run_id
      where q.kind = 'call' and q.lease_until > ${now} and q.id <> ${c.id}
        and r.concurrency_keys @> array[${key}]::text[]`;
    if ((row?.n ?? 0) >= limit) return false;
  }
  return true;
}
