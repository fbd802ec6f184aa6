import type { Sql } from "./db";
import type { Registry } from "./registry";
import type { Clock } from "./types";

/** What every state transition needs; one per executor process. */
export interface EngineContext {
  sql: Sql;
  clock: Clock;
  registry: Registry;
  /** Unique per process: the owner written on leased queue rows. */
  owner: string;
  leaseMs: number;
  /** First retry delay; doubles per attempt (capped), unless the SDK sent retry-after. */
  retryBaseMs: number;
  /** The app's serve URL. Calls go here whatever URL a registration names, so a registration cannot redirect them. */
  appUrl: string;
  /** When set, calls and syncs are signed, so the app may run in cloud mode (it then verifies them). */
  signingKey?: string;
  /** Wakes the worker loop when new work is enqueued, so it need not wait for the next poll. */
  notify(): void;
}

export function backoffMs(ctx: EngineContext, attempt: number): number {
  return Math.min(ctx.retryBaseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
