import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { generateEventKey, generateSigningKey } from "~/inngest/embedded";
import { hashSigningKey } from "../auth";
import { HandlerTransport } from "../handler-transport";
import { listen } from "../node-http";

/*
 * Crash test: the executor CLI runs as its own process and is killed with SIGKILL during steps,
 * during sleeps and between steps. After restarts every run must complete, no event may be lost,
 * and no step that had completed (was memoized) before a kill may run again.
 */

const FIRST = 12;
const SECOND = 6;
const RUNS = FIRST + SECOND;
const root = path.resolve(import.meta.dirname, "../../..");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await delay(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

let db: TestDatabase;
let effects: postgres.Sql;
let app: Awaited<ReturnType<typeof listen>>;
let executorPort: number;
let child: ChildProcess | null = null;
const keys = { signingKey: generateSigningKey(), eventKey: generateEventKey() };

function startExecutor(): ChildProcess {
  // `node --import tsx`, not the tsx binary: tsx's CLI forks a child, and SIGKILL would leave it running.
  const proc = spawn(process.execPath, ["--import", "tsx", "inngest/engine/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      APP_URL: app.url,
      EXECUTOR_PORT: String(executorPort),
      EXECUTOR_LEASE_MS: "800",
      EXECUTOR_RETRY_BASE_MS: "100",
      INNGEST_SIGNING_KEY: keys.signingKey,
      INNGEST_EVENT_KEY: keys.eventKey,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.resume();
  proc.stderr?.resume();
  return proc;
}

async function waitHealthy() {
  await until(
    async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${executorPort}/health`, {
          headers: { authorization: `Bearer ${hashSigningKey(keys.signingKey)}` },
        });
        const body = (await res.json()) as { functions: string[] };
        return body.functions.includes("crash-chain");
      } catch {
        return false;
      }
    },
    20_000,
    "executor health",
  );
}

function kill9(): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** At a kill: which steps were already memoized (must never run again), how many calls were in flight. */
async function snapshot() {
  const done = await db.sql<{ run_id: string; name: string }[]>`select run_id, name from executor_steps where status = 'completed' and op = 'StepRun'`;
  const [inflight] = await db.sql<{ n: number }[]>`select count(*)::int as n from executor_queue where kind = 'call' and lease_until is not null`;
  const effectCounts = await effects<{ run_id: string; step: string; n: number }[]>`
    select run_id, step, count(*)::int as n from crash_effects group by run_id, step`;
  return { done, inflight: inflight?.n ?? 0, effectCounts };
}

beforeAll(async () => {
  db = await createTestDatabase();
  effects = postgres(db.url, { max: 4, onnotice: () => {} });
  await effects`create table crash_effects (run_id text not null, step text not null, at timestamptz default now())`;
  executorPort = await freePort();
  const client = new Inngest({
    id: "crash",
    isDev: true,
    baseUrl: `http://127.0.0.1:${executorPort}`,
    logger: { info() {}, warn() {}, error() {}, debug() {} },
  });
  const sideEffect = (runId: string, step: string) => async () => {
    await effects`insert into crash_effects (run_id, step) values (${runId}, ${step})`;
    await delay(120); // the window in which a kill lands "during a step"
    return step;
  };
  const chain = client.createFunction({ id: "chain", triggers: [{ event: "crash/started" }] }, async ({ runId, step }) => {
    await step.run("one", sideEffect(runId, "one"));
    await step.run("two", sideEffect(runId, "two"));
    await step.sleep("nap", "1500ms");
    await step.run("three", sideEffect(runId, "three"));
    return "done";
  });
  app = await listen(new HandlerTransport(serve({ client, functions: [chain] })).fetch, { port: 0 });
  child = startExecutor();
  await waitHealthy();
}, 60_000);

afterAll(async () => {
  await kill9();
  await app?.close();
  await effects?.end();
  await db?.drop();
});

describe("kill -9 the executor", () => {
  it("loses no run or event and never re-runs a completed step", async () => {
    const sendBatch = async (n: number) => {
      const res = await fetch(`http://127.0.0.1:${executorPort}/e/${keys.eventKey}`, {
        method: "POST",
        body: JSON.stringify(Array.from({ length: n }, (_, i) => ({ name: "crash/started", data: { i } }))),
      });
      expect(((await res.json()) as { ids: string[] }).ids).toHaveLength(n);
    };
    await sendBatch(FIRST);
    const snapshots: Array<Awaited<ReturnType<typeof snapshot>>> = [];

    // 1. During steps: as soon as some side effects have happened.
    await until(async () => (await effects`select 1 from crash_effects limit 3`).length >= 3, 20_000, "first effects");
    await kill9();
    snapshots.push(await snapshot());

    // 2. During sleeps: once some runs are asleep.
    child = startExecutor();
    await until(async () => (await db.sql`select 1 from executor_steps where status = 'sleeping' limit 1`).length > 0, 20_000, "a sleeping step");
    await kill9();
    snapshots.push(await snapshot());

    // 3. Right after accepting events (nothing of them has run yet): accepted means durable.
    child = startExecutor();
    await waitHealthy();
    await sendBatch(SECOND);
    await kill9();
    snapshots.push(await snapshot());

    // 4. Between/among steps at an arbitrary moment shortly after a restart.
    child = startExecutor();
    await waitHealthy();
    await delay(400);
    await kill9();
    snapshots.push(await snapshot());

    child = startExecutor();
    await until(
      async () => (await db.sql`select 1 from executor_runs where status <> 'completed'`).length === 0 &&
        (await db.sql`select 1 from executor_runs`).length === RUNS,
      40_000,
      "all runs completed",
    );

    const runs = await db.sql`select id, status, output from executor_runs`;
    expect(runs).toHaveLength(RUNS);
    expect(runs.every((r) => r.status === "completed" && r.output === "done")).toBe(true);
    const [events] = await db.sql<{ n: number }[]>`select count(*)::int as n from executor_events where name = 'crash/started'`;
    expect(events?.n).toBe(RUNS);

    const counts = await effects<{ run_id: string; step: string; n: number }[]>`
      select run_id, step, count(*)::int as n from crash_effects group by run_id, step`;
    const count = (runId: string, step: string) => counts.find((c) => c.run_id === runId && c.step === step)?.n ?? 0;
    // Every step's side effect happened.
    for (const run of runs) for (const step of ["one", "two", "three"]) expect(count(run.id as string, step)).toBeGreaterThanOrEqual(1);
    // A step memoized before a kill never ran again after it: its effect count did not grow.
    for (const snap of snapshots) {
      for (const s of snap.done) {
        const before = snap.effectCounts.find((c) => c.run_id === s.run_id && c.step === s.name)?.n;
        expect(count(s.run_id, s.name)).toBe(before);
      }
    }
    // Only calls in flight at a kill may repeat (at-least-once for a step interrupted mid-way).
    const duplicates = counts.reduce((sum, c) => sum + (c.n - 1), 0);
    expect(duplicates).toBeLessThanOrEqual(snapshots.reduce((sum, s) => sum + s.inflight, 0));
    expect(snapshots.some((s) => s.done.length > 0)).toBe(true);
  }, 120_000);
});
