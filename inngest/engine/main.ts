import { runMigrations } from "~/db/migrate";
import { startExecutor } from "./http-transport";

/*
 * The embedded executor as its own process (spawned by the launcher beside the app):
 *   DATABASE_URL   Postgres holding the executor tables (required)
 *   APP_URL        app origin whose /api/inngest it drives (default http://127.0.0.1:3000)
 *   EXECUTOR_PORT  port for the event API on 127.0.0.1 (default 8288)
 *   EXECUTOR_HOST, EXECUTOR_WORKERS, EXECUTOR_LEASE_MS, EXECUTOR_RETRY_BASE_MS (optional tuning)
 *   EXECUTOR_MIGRATE=1 applies migrations first (when nothing else does)
 *   INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY  the keys the app has (required): calls and syncs are signed
 *     with the first, and the executor's own routes accept only requests carrying one of them
 */
const env = process.env;
const databaseUrl = env.DATABASE_URL;
const signingKey = env.INNGEST_SIGNING_KEY;
const eventKey = env.INNGEST_EVENT_KEY;
if (!databaseUrl || !signingKey || !eventKey) {
  console.error("[executor] DATABASE_URL, INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY are required (npm start sets them).");
  process.exit(1);
}
const num = (v: string | undefined) => (v ? Number(v) : undefined);

if (env.EXECUTOR_MIGRATE === "1") await runMigrations(databaseUrl);
const executor = await startExecutor({
  databaseUrl,
  appUrl: env.APP_URL ?? "http://127.0.0.1:3000",
  port: num(env.EXECUTOR_PORT) ?? 8288,
  host: env.EXECUTOR_HOST ?? "127.0.0.1",
  workers: num(env.EXECUTOR_WORKERS),
  leaseMs: num(env.EXECUTOR_LEASE_MS),
  retryBaseMs: num(env.EXECUTOR_RETRY_BASE_MS),
  keys: { signingKey, eventKey },
});
console.info(`[executor] listening on ${executor.url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void executor.stop().then(() => process.exit(0));
  });
}
