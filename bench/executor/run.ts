/*
 * Embedded executor benchmark: real HTTP both ways (executor ⇄ serve() handler), real Postgres.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/executor/run.ts
 * Optional: BENCH_RUNS (default 500), BENCH_STEP_RUNS (100), BENCH_CHAIN (50), EXECUTOR_WORKERS (32).
 * Prints JSON and writes it to bench/results/executor-<timestamp>.json.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { createTestDatabase } from "~/db/testing";
import { generateEventKey, generateSigningKey } from "~/inngest/embedded";
import { HandlerTransport } from "~/inngest/engine/handler-transport";
import { startExecutor } from "~/inngest/engine/http-transport";
import { listen } from "~/inngest/engine/node-http";

const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const STEP_RUNS = Number(process.env.BENCH_STEP_RUNS ?? 100);
const CHAIN = Number(process.env.BENCH_CHAIN ?? 50);
const WORKERS = Number(process.env.EXECUTOR_WORKERS ?? 32);

process.env.TEST_DATABASE_SERVER_URL ??= process.env.DATABASE_URL;
const db = await createTestDatabase();
const executorPort = 18_000 + Math.floor(Math.random() * 1000);
const client = new Inngest({
  id: "bench",
  isDev: true,
  baseUrl: `http://127.0.0.1:${executorPort}`,
  logger: { info() {}, warn() {}, error() {}, debug() {} },
});
const fns = [
  client.createFunction({ id: "noop", triggers: [{ event: "bench/noop" }] }, async () => "ok"),
  client.createFunction({ id: "ten-steps", triggers: [{ event: "bench/ten" }] }, async ({ step }) => {
    for (let i = 0; i < 10; i++) await step.run(`s${i}`, () => i);
    return "ok";
  }),
  client.createFunction({ id: "chain", triggers: [{ event: "bench/chain" }] }, async ({ step }) => {
    for (let i = 0; i < CHAIN; i++) await step.run(`s${i}`, () => i);
    return "ok";
  }),
];
const app = await listen(new HandlerTransport(serve({ client, functions: fns })).fetch, { port: 0 });
const keys = { signingKey: generateSigningKey(), eventKey: generateEventKey() };
const executor = await startExecutor({ databaseUrl: db.url, appUrl: app.url, port: executorPort, workers: WORKERS, keys, log: () => {} });

async function send(name: string, n: number) {
  for (let i = 0; i < n; i += 100) {
    const batch = Array.from({ length: Math.min(100, n - i) }, (_, j) => ({ name, data: { i: i + j } }));
    const res = await fetch(`${executor.url}/e/${keys.eventKey}`, { method: "POST", body: JSON.stringify(batch) });
    if (!res.ok) throw new Error(`send failed: ${res.status}`);
  }
}

async function waitDone(fnId: string, n: number): Promise<void> {
  for (;;) {
    const [row] = await db.sql<{ done: number; failed: number }[]>`select
      count(*) filter (where status = 'completed')::int as done, count(*) filter (where status = 'failed')::int as failed
      from executor_runs where function_id = ${fnId}`;
    if ((row?.failed ?? 0) > 0) throw new Error(`${fnId}: runs failed`);
    if ((row?.done ?? 0) >= n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function measure(fnId: string, event: string, n: number) {
  const start = performance.now();
  await send(event, n);
  await waitDone(fnId, n);
  return (performance.now() - start) / 1000;
}

// Warm-up: JIT, connection pools, first-request compilation in the SDK.
await measure("bench-noop", "bench/noop", 20);
await db.sql`delete from executor_runs`;

const noopSeconds = await measure("bench-noop", "bench/noop", RUNS);
const tenSeconds = await measure("bench-ten-steps", "bench/ten", STEP_RUNS);
const chainSeconds = await measure("bench-chain", "bench/chain", 1);

// Time spent inside the app's serve() handler (the SDK replaying memoized steps), measured per call.
const [calls] = await db.sql<{ avg: number }[]>`select avg(a.duration_ms)::float as avg from executor_attempts a
  join executor_runs r on r.id = a.run_id where r.function_id = 'bench-chain'`;
const msPerStep = (chainSeconds * 1000) / (CHAIN + 1);

const results = {
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, memGb: Math.round(os.totalmem() / 2 ** 30) },
  workers: WORKERS,
  zeroStepRuns: { runs: RUNS, seconds: +noopSeconds.toFixed(2), runsPerSecond: +(RUNS / noopSeconds).toFixed(1) },
  tenStepRuns: {
    runs: STEP_RUNS,
    seconds: +tenSeconds.toFixed(2),
    runsPerSecond: +(STEP_RUNS / tenSeconds).toFixed(1),
    stepsPerSecond: +((STEP_RUNS * 10) / tenSeconds).toFixed(1),
  },
  // One run of sequential steps: each step is one HTTP call to the app plus the executor's
  // claim/apply transactions, so this is the per-step latency overhead of the executor.
  sequentialChain: {
    steps: CHAIN,
    seconds: +chainSeconds.toFixed(2),
    msPerStep: +msPerStep.toFixed(2),
    appCallMs: +(calls?.avg ?? 0).toFixed(2),
    executorOverheadMsPerStep: +(msPerStep - (calls?.avg ?? 0)).toFixed(2),
  },
};
console.info(JSON.stringify(results, null, 2));
const dir = path.join(import.meta.dirname, "..", "results");
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, `executor-${new Date().toISOString().replace(/[:.]/g, "-")}.json`), JSON.stringify(results, null, 2));

await executor.stop();
await app.close();
await db.drop();
process.exit(0);
