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
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      if (!api) throw new Error("testClient not bound to an executor");
      return api(new Request(input, init));
    }) as typeof fetch,
  });
  return { client, bind: (executor: Executor) => (api = createApi(executor)) };
}

export interface Harness {
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
  client: ReturnType<typeof testClient>;
  functions: InngestFunction.Any[];
  db?: TestDatabase;
  clock?: ManualClock;
}): Promise<Harness> {
  const db = opts.db ?? (await createTestDatabase());
  const clock = opts.clock ?? new ManualClock();
  const handlers = serve({ client: opts.client.client, functions: opts.functions });
  const transport = new HandlerTransport(handlers);
  const executor = new Executor({ databaseUrl: db.url, appFetch: transport.fetch, appUrl: APP_URL, clock, poolSize: 5 });
  opts.client.bind(executor);
  await executor.init();
  await executor.sync();
  return {
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
