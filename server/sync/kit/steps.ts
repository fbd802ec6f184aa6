import type { Database } from "~/db/client";
import { QuotaWaitError, type AmazonCaller } from "~/server/amazon/request";
import { callerFor, type RunScope } from "./scope";

/**
 * The step tools a run uses, typed minimally so Inngest's `step` (or a test double) fits. A step's result
 * is memoized as JSON: what it returns must survive JSON (no Dates, Maps, undefined-only keys).
 */
export interface StepTools {
  run(id: string, fn: () => Promise<unknown>): Promise<unknown>;
  sleep(id: string, duration: string): Promise<unknown>;
}

/** The longest a step waits in place for a quota slot. */
const STEP_QUOTA_WAIT_MS = 5_000;
/** A step that keeps finding the quota exhausted after this many sleeps fails (something else is hogging it). */
const MAX_QUOTA_WAITS = 20;

/**
 * A run's steps, counting every request sent to Amazon in one place: a step that calls Amazon gets a
 * counting caller, and its count is memoized with its result, so a replayed run adds the same numbers.
 */
export class KitSteps {
  private calls = 0;

  constructor(
    private readonly step: StepTools,
    readonly db: Database,
    private readonly scope: RunScope,
    /** Another fetch for Amazon's requests (tests watch the traffic with it). */
    private readonly fetch?: typeof globalThis.fetch,
  ) {}

  /** Requests sent to Amazon so far by this run. */
  get apiCalls(): number {
    return this.calls;
  }

  run<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.step.run(id, fn) as Promise<T>;
  }

  async sleep(id: string, seconds: number): Promise<void> {
    await this.step.sleep(id, `${Math.max(1, Math.round(seconds))}s`);
  }

  /**
   * A step that calls Amazon with the run's grant and quotas. When the quota's next slot is further away
   * than a step should wait in place, the run sleeps until then (a durable sleep, no retry spent) and
   * tries again under the next id; `whileWaiting` does other steps of the run first.
   */
  async amazon<T>(id: string, fn: (caller: AmazonCaller) => Promise<T>, options: { whileWaiting?: () => Promise<void> } = {}): Promise<T> {
    for (let wait = 0; ; wait++) {
      const attempt = wait === 0 ? id : `${id}~quota-${wait}`;
      const out = (await this.step.run(attempt, async () => {
        let calls = 0;
        try {
          // A step waits in place a few seconds at most: a worker asleep for a minute's quota holds one of the
          // executor's (or Inngest's) concurrent calls, and a new store's seventy reports once held them all
          // while other tasks starved. Longer waits are durable sleeps.
          const caller = { ...callerFor(this.db, this.scope, () => (calls += 1)), fetch: this.fetch, maxQuotaWaitMs: STEP_QUOTA_WAIT_MS };
          const value = await fn(caller);
          return { value, calls };
        } catch (error) {
          if (error instanceof QuotaWaitError && wait < MAX_QUOTA_WAITS) return { quotaWaitMs: error.waitMs, calls };
          throw error;
        }
      })) as { value: T; calls: number } | { quotaWaitMs: number; calls: number };
      this.calls += out.calls;
      if (!("quotaWaitMs" in out)) return out.value;
      // Other work of the run fills the wait (polling and loading the reports already asked for); the sleep
      // step comes after it either way, so a replayed run meets its steps in the same order.
      const started = Date.now();
      if (options.whileWaiting) await options.whileWaiting();
      await this.sleep(`${attempt}~wait`, Math.max(1, (out.quotaWaitMs - (Date.now() - started)) / 1000));
    }
  }
}
