import { lockKey, type Tx } from "./db";
import { parseDuration } from "./duration";
import { keyOf } from "./expr";
import type { FunctionConfig, StoredEvent } from "./types";

/*
 * Flow control. The SDK only declares it; the executor enforces it (notes §4). Keys are CEL over
 * the triggering event; per-key state lives in Postgres under advisory locks.
 */

type ConcurrencyEntry = { limit: number; key?: string; scope?: "fn" | "env" | "account" };

export function concurrencyEntries(fn: FunctionConfig): ConcurrencyEntry[] {
  const raw = fn.concurrency as unknown;
  if (raw === undefined || raw === null) return [];
  if (typeof raw === "number") return [{ limit: raw }];
  return (Array.isArray(raw) ? raw : [raw]) as ConcurrencyEntry[];
}

/** The run's concurrency keys, index-aligned with the config, so limits can be read from the live config. */
export function concurrencyKeys(fn: FunctionConfig, event: StoredEvent): string[] {
  return concurrencyEntries(fn).map((c, i) => {
    const value = keyOf(c.key, { event }) ?? "";
    const scope = c.scope ?? "fn";
    return scope === "fn" ? `fn:${fn.id}:${i}:${value}` : `${scope}:${c.key ?? ""}:${value}`;
  });
}

/** Key prefix → limit for every concurrency entry of every function: the limit of any stored key. */
export function concurrencyPrefixes(fns: FunctionConfig[]): Array<{ prefix: string; limit: number }> {
  return fns.flatMap((fn) =>
    concurrencyEntries(fn).map((c, i) => {
      const scope = c.scope ?? "fn";
      return { prefix: scope === "fn" ? `fn:${fn.id}:${i}:` : `${scope}:${c.key ?? ""}:`, limit: c.limit };
    }),
  );
}

export function concurrencyLimits(fn: FunctionConfig, keys: string[]): Array<{ key: string; limit: number }> {
  const entries = concurrencyEntries(fn);
  return keys.flatMap((key, i) => {
    const limit = entries[i]?.limit;
    return limit && limit > 0 ? [{ key, limit }] : [];
  });
}

/**
 * GCRA over `limit` per `period` (+`burst`): returns the earliest time this arrival may start and
 * reserves it, or null when `lossy` (rateLimit, idempotency) and the arrival is over the limit.
 */
export async function gcra(
  tx: Tx,
  key: string,
  opts: { limit: number; periodMs: number; burst?: number; lossy: boolean; now: Date },
): Promise<Date | null> {
  await lockKey(tx, `gcra:${key}`);
  const now = opts.now.getTime();
  const interval = opts.periodMs / Math.max(1, opts.limit);
  const tolerance = opts.periodMs - interval + (opts.burst ?? 0) * interval;
  const [row] = await tx<{ tat: Date }[]>`select tat from executor_rate_state where key = ${key}`;
  const tat = Math.max(row?.tat.getTime() ?? now, now);
  const earliest = tat - tolerance;
  if (earliest > now && opts.lossy) return null;
  const start = Math.max(now, earliest);
  const newTat = new Date(Math.max(tat, start) + interval);
  await tx`insert into executor_rate_state (key, tat) values (${key}, ${newTat})
    on conflict (key) do update set tat = excluded.tat`;
  return new Date(start);
}

/** rateLimit and idempotency: true when the event may start a run. */
export async function admitEvent(tx: Tx, fn: FunctionConfig, event: StoredEvent, now: Date): Promise<boolean> {
  if (fn.idempotency) {
    const key = keyOf(fn.idempotency, { event });
    if (key !== undefined) {
      const ok = await gcra(tx, `idem:${fn.id}:${key}`, { limit: 1, periodMs: 86_400_000, lossy: true, now });
      if (!ok) return false;
    }
  }
  if (fn.rateLimit) {
    const key = keyOf(fn.rateLimit.key, { event });
    if (key === undefined) return true;
    const ok = await gcra(tx, `rate:${fn.id}:${key}`, {
      limit: fn.rateLimit.limit,
      periodMs: parseDuration(fn.rateLimit.period),
      lossy: true,
      now,
    });
    if (!ok) return false;
  }
  return true;
}

/** throttle: when the run may start (now, or later to smooth starts over the period). */
export async function throttleStart(tx: Tx, fn: FunctionConfig, event: StoredEvent, now: Date): Promise<Date> {
  if (!fn.throttle) return now;
  const key = keyOf(fn.throttle.key, { event }) ?? "";
  const start = await gcra(tx, `throttle:${fn.id}:${key}`, {
    limit: fn.throttle.limit,
    periodMs: parseDuration(fn.throttle.period),
    burst: fn.throttle.burst,
    lossy: false,
    now,
  });
  return start ?? now;
}

export function singletonKey(fn: FunctionConfig, event: StoredEvent): string | null {
  if (!fn.singleton) return null;
  return `${fn.id}:${keyOf(fn.singleton.key, { event }) ?? ""}`;
}
