/**
 * `npm run bench`: every benchmark in turn, each in a process of its own, at the sizes its README reports.
 * Benchmarks that need PostgreSQL use DATABASE_URL's server, or an embedded one started for the run.
 * Exits non-zero when any benchmark fails, naming it.
 *
 *   npm run bench [-- name ...]     e.g. npm run bench -- sync/load executor/run
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/db/embedded";
import { persistentSecret } from "~/server/runtime/secrets";

const BENCHMARKS: { name: string; args: string[]; database: boolean }[] = [
  { name: "sandbox/year", args: [], database: false },
  { name: "sandbox/ads", args: [], database: false },
  { name: "executor/run", args: [], database: true },
  { name: "sync/load", args: ["100000", "1000000"], database: true },
  { name: "sync/initial-calls", args: ["small"], database: true },
  { name: "sync/orders-history", args: ["10", "20"], database: true },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BENCHMARKS.some((b) => b.name === name));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${BENCHMARKS.map((b) => b.name).join(", ")}.`);
  process.exit(2);
}
const selected = BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.name));

let embedded: EmbeddedDatabase | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl && selected.some((b) => b.database)) {
  console.info("[bench] No DATABASE_URL: starting an embedded PostgreSQL for the run.");
  embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/bench-postgres"),
    port: Number(process.env.EMBEDDED_POSTGRES_BENCH_PORT ?? 54332),
    database: "postgres",
    password: persistentSecret(path.resolve(".data"), "bench-postgres-password", undefined),
  });
  databaseUrl = embedded.adminUrl;
}

const failed: string[] = [];
for (const bench of selected) {
  console.info(`\n[bench] ${bench.name} ${bench.args.join(" ")}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `bench/${bench.name}.ts`, ...bench.args], {
    stdio: "inherit",
    env: { ...process.env, ...(bench.database ? { DATABASE_URL: databaseUrl } : {}) },
  });
  if (result.status !== 0) failed.push(`${bench.name} (${result.signal ?? `exit ${result.status}`})`);
}
await embedded?.stop();

if (failed.length) {
  console.error(`\n[bench] failed: ${failed.join(", ")}`);
  process.exitCode = 1;
} else console.info(`\n[bench] ${selected.length} benchmark(s) done.`);
