import { randomBytes } from "node:crypto";
import type { EngineContext } from "./context";
import { json, openPool, type Sql, transaction } from "./db";
import { ingest } from "./events";
import { processItem } from "./process";
import { claim } from "./queue";
import { Registry } from "./registry";
import { signBody } from "./signing";
import { createRun } from "./runs";
import { nextFire } from "./cron";
import { type AppFetch, type Clock, type EventPayload, type FunctionConfig, systemClock } from "./types";

export interface ExecutorOptions {
  databaseUrl: string;
  /** Calls the app's serve handler (HTTP fetch in production use, the route's exports in tests). */
  appFetch: AppFetch;
  /** The app's serve URL (…/api/inngest), used for in-band sync. */
  appUrl: string;
  clock?: Clock;
  /** How many queue items this process works on at once. */
  workers?: number;
  leaseMs?: number;
  retryBaseMs?: number;
  pollMs?: number;
  poolSize?: number;
  /** Sign requests to the app with this Inngest signing key (a cloud-mode app requires it). */
  signingKey?: string;
}

/** The executor core: durable queue + run state machine over Postgres, driving the app over the SDK protocol. */
export class Executor {
  readonly ctx: EngineContext;
  private readonly sql: Sql;
  private running = false;
  private loop: Promise<void> | null = null;
  private inFlight = new Set<Promise<void>>();
  private wake: (() => void) | null = null;
  /** Set by any notification since the loop last looked for work, so a wake-up is never lost. */
  private signalled = false;
  private readonly workers: number;
  private readonly pollMs: number;

  constructor(private readonly options: ExecutorOptions) {
    this.sql = openPool(options.databaseUrl, options.poolSize ?? 10);
    const clock = options.clock ?? systemClock;
    this.ctx = {
      sql: this.sql,
      clock,
      registry: new Registry(this.sql, clock),
      owner: `${process.pid}-${randomBytes(4).toString("hex")}`,
      leaseMs: options.leaseMs ?? 30_000,
      retryBaseMs: options.retryBaseMs ?? 1_000,
      appUrl: options.appUrl,
      signingKey: options.signingKey,
      notify: () => this.signal(),
    };
    this.workers = options.workers ?? 16;
    this.pollMs = options.pollMs ?? 200;
  }

  async init(): Promise<void> {
    await this.ctx.registry.load();
  }

  /** Registers what the app serves (POST /fn/register or in-band sync). */
  async register(appId: string, functions: FunctionConfig[], opts: { force?: boolean } = {}): Promise<void> {
    await this.ctx.registry.register(appId, functions, opts);
  }

  /** In-band sync: PUT to the serve handler, which answers with its function configs directly. */
  async sync(): Promise<number> {
    const payload = { url: this.options.appUrl };
    const headers: Record<string, string> = { "content-type": "application/json", "x-inngest-sync-kind": "in_band" };
    // Signatures are checked against the app's wall clock, never the (injectable) scheduling clock.
    if (this.ctx.signingKey) headers["x-inngest-signature"] = signBody(payload, this.ctx.signingKey, new Date());
    const res = await this.options.appFetch(
      new Request(this.options.appUrl, { method: "PUT", headers, body: JSON.stringify(payload) }),
    );
    if (res.status !== 200) throw new Error(`Sync with ${this.options.appUrl} failed: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { app_id: string; functions: FunctionConfig[] };
    await this.register(body.app_id, body.functions);
    return body.functions.length;
  }

  async send(events: EventPayload[]): Promise<string[]> {
    return transaction(this.sql, (tx) => ingest(tx, this.ctx, events));
  }

  /** Starts one run per due cron schedule; missed fires while down collapse into one catch-up run. */
  async fireDueCrons(): Promise<number> {
    const now = this.ctx.clock.now();
    return transaction(this.sql, async (tx) => {
      const due = await tx<{ functionId: string; schedule: string; nextAt: Date }[]>`
        select function_id, schedule, next_at from executor_crons where next_at <= ${now}
        for update skip locked`;
      for (const cron of due) {
        await tx`update executor_crons set next_at = ${nextFire(cron.schedule, now)}
          where function_id = ${cron.functionId} and schedule = ${cron.schedule}`;
        const fn = this.ctx.registry.get(cron.functionId);
        if (!fn) continue;
        const fireIso = cron.nextAt.toISOString();
        const event = { id: fireIso, name: "inngest/scheduled.timer", data: { cron: cron.schedule }, ts: cron.nextAt.getTime() };
        const inserted = await tx`insert into executor_events (id, name, payload, received_at)
          values (${`cron:${fn.id}:${fireIso}`}, ${event.name}, ${json(tx, event)}, ${now})
          on conflict (id) do nothing returning id`;
        if (inserted.length) await createRun(tx, this.ctx, fn, [event]);
      }
      return due.length;
    });
  }

  /** Claims and processes one batch; returns how many items it handled. */
  async tick(limit = this.workers): Promise<number> {
    await this.fireDueCrons();
    const items = await claim(this.ctx, limit);
    await Promise.all(items.map((item) => processItem(this.ctx, this.options.appFetch, item)));
    return items.length;
  }

  /** For tests with an injected clock: process until nothing is due at the clock's current time. */
  async runUntilIdle(maxTicks = 500): Promise<void> {
    for (let i = 0; i < maxTicks; i++) {
      if ((await this.tick(64)) === 0) return;
    }
    throw new Error(`Executor still busy after ${maxTicks} ticks`);
  }

  /** Background loop: keeps up to `workers` items in flight, polls when idle, wakes on new work. */
  start(): void {
    if (this.running) return;
    this.running = true;
    let cronCheckedAt = 0;
    this.loop = (async () => {
      while (this.running) {
        let claimed = 0;
        // Notifications arrive inside transactions (before commit) and after processing (after
        // commit); one that lands while we are claiming must not be lost, or a step waits a poll.
        this.signalled = false;
        try {
          // Cron granularity is a minute: checking twice a second keeps it off the hot path.
          if (Date.now() - cronCheckedAt >= 500) {
            cronCheckedAt = Date.now();
            await this.fireDueCrons();
          }
          const free = this.workers - this.inFlight.size;
          if (free > 0) {
            const items = await claim(this.ctx, free);
            claimed = items.length;
            for (const item of items) {
              const p: Promise<void> = processItem(this.ctx, this.options.appFetch, item)
                .catch((err: unknown) => console.error("[executor] item failed", item.kind, item.id, err))
                .finally(() => {
                  this.inFlight.delete(p);
                  this.signal();
                });
              this.inFlight.add(p);
            }
          }
        } catch (err) {
          if (this.running) console.error("[executor] loop error", err);
        }
        if ((claimed === 0 || this.inFlight.size >= this.workers) && !this.signalled) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, this.pollMs);
            this.wake = () => {
              clearTimeout(timer);
              this.wake = null;
              resolve();
            };
          });
        }
      }
    })();
  }

  private signal(): void {
    this.signalled = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    // Calls in flight may finish (their results are applied), but not for longer than a lease: past it
    // their items are leased again anyway, by this executor's successor or another one.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.ctx.leaseMs))),
    ]);
    clearTimeout(timer);
    await this.sql.end({ timeout: 5 });
  }
}
