import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createApi } from "./api";
import { Executor } from "./executor";
import { HandlerTransport } from "./handler-transport";
import type { Clock } from "./types";

/** A clock tests move by hand; the SDK's own timers keep real time (hence no vi.useFakeTimers). */
export class ManualClock implements Clock {
  private t: number;
  constructor(start = new Date("2030-01-01T00:00:00.000Z")) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(date: Date): void {
    this.t = date.getTime();
  }
}

export const APP_URL = "http://app.test/api/inngest";

/**
 * A dev-mode client whose event API calls go to the executor in-process; bind() it once the
 * executor exists (functions must be defined on the client before that).
 */
export function testClient(id = "test-app") {
  let api: ((r: Request) => Promise<Response>) | null = null;
  const client = new Inngest({
    id,
    isDev: true,
    baseUrl: "http://executor.test",
    // Expected step failures would otherwise flood test output.
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      if (!api) throw new Error("testClient not bound to an executor");
      return api(new Request(input, init));
    }) as typeof fetch,
  });
  return { client, bind: (executor: Executor) => (api = createApi(executor)) };
}

/** One request/response pair between the executor and the serve handler, as bytes went over. */
export interface Exchange {
  fnId: string | null;
  stepId: string | null;
  body: {
    event: { name: string; data: Record<string, unknown> };
    steps: Record<string, unknown>;
    ctx: { run_id: string; attempt: number; max_attempts?: number; disable_immediate_execution: boolean; stack: { stack: string[]; current: number } };
    version: number;
  };
  status: number;
  headers: Record<string, string>;
  response: unknown;
}

export interface Harness {
  exchanges: Exchange[];
  /** Exchanges of one function (by the fn id the SDK reports, e.g. "app-fn"). */
  callsOf(fnId: string): Exchange[];
  runsOf(fnId: string): Promise<Array<{ id: string; status: string; output: unknown; error: unknown; event: unknown }>>;
  stepsOf(runId: string): Promise<Array<{ stepId: string; name: string; status: string; memo: unknown; attempts: number; stackIndex: number | null }>>;
  db: TestDatabase;
  executor: Executor;
  clock: ManualClock;
  handlers: ReturnType<typeof serve>;
  /** Advance the clock and process everything that became due. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Executor + HandlerTransport over the real serve() handler, on a fresh database. */
export async function createHarness(opts: {
  /** A testClient(), or the app's own client (bind is then a no-op: it sends to INNGEST_BASE_URL). */
  client: { client: Inngest; bind(executor: Executor): unknown };
  functions: InngestFunction.Any[];
  db?: TestDatabase;
  clock?: ManualClock;
  /** The route's own exports (app/api/inngest/route.ts) instead of a fresh serve() of `functions`. */
  handlers?: ReturnType<typeof serve>;
  /** Sign calls and syncs (for a cloud-mode client). */
  signingKey?: string;
}): Promise<Harness> {
  const db = opts.db ?? (await createTestDatabase());
  const clock = opts.clock ?? new ManualClock();
  const handlers = opts.handlers ?? serve({ client: opts.client.client, functions: opts.functions });
  const transport = new HandlerTransport(handlers);
  const exchanges: Exchange[] = [];
  const appFetch = async (request: Request) => {
    if (request.method !== "POST") return transport.fetch(request);
    const url = new URL(request.url);
    const body = (await request.clone().json()) as Exchange["body"];
    const res = await transport.fetch(request);
    const text = await res.clone().text();
    exchanges.push({
      fnId: url.searchParams.get("fnId"),
      stepId: url.searchParams.get("stepId"),
      body,
      status: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      response: text ? (JSON.parse(text) as unknown) : null,
    });
    return res;
  };
  const executor = new Executor({ databaseUrl: db.url, appFetch, appUrl: APP_URL, clock, poolSize: 5, retryBaseMs: 1000, signingKey: opts.signingKey });
  opts.client.bind(executor);
  try {
    await executor.init();
    await executor.sync();
  } catch (err) {
    await executor.stop();
    if (!opts.db) await db.drop();
    throw err;
  }
  const camel = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/_(.)/g, (_m, c: string) => c.toUpperCase()), v])));
  return {
    exchanges,
    callsOf: (fnId) => exchanges.filter((e) => e.fnId === fnId),
    runsOf: async (fnId) =>
      camel(await db.sql`select id, status, output, error, event from executor_runs where function_id = ${fnId} order by created_at, id`) as never,
    stepsOf: async (runId) =>
      camel(await db.sql`select step_id, name, status, memo, attempts, stack_index from executor_steps where run_id = ${runId} order by stack_index nulls last, started_at`) as never,
    db,
    executor,
    clock,
    handlers,
    async advance(ms) {
      clock.advance(ms);
      await executor.runUntilIdle();
    },
    async close() {
      await executor.stop();
      if (!opts.db) await db.drop();
    },
  };
}
