import { runMigrations } from "~/db/migrate";
import { checkSettings, setting } from "~/server/settings";
import { startExecutor } from "./http-transport";

/*
 * The embedded executor as its own process (spawned by the launcher beside the app):
 *   DATABASE_URL   Postgres holding the executor tables (required)
 *   APP_URL        app origin whose /api/inngest it drives (default http://127.0.0.1:3000)
 *   EXECUTOR_PORT  port for the event API on 127.0.0.1 (default 8288)
 *   EXECUTOR_HOST, EXECUTOR_WORKERS, EXECUTOR_LEASE_MS, EXECUTOR_RETRY_BASE_MS (optional tuning; all
 *     declared, with their defaults, in server/settings/declarations/jobs.ts)
 *   EXECUTOR_MIGRATE=1 applies migrations first (when nothing else does)
 *   INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY  the keys the app has (required): calls and syncs are signed
 *     with the first, and the executor's own routes accept only requests carrying one of them
 */
const problems = checkSettings({ reader: "executor" });
if (problems.length > 0) {
  for (const problem of problems) console.error(`[executor] ${problem}`);
  process.exit(1);
}
const databaseUrl = setting("DATABASE_URL");
const signingKey = setting("INNGEST_SIGNING_KEY");
const eventKey = setting("INNGEST_EVENT_KEY");
if (!databaseUrl || !signingKey || !eventKey) {
  console.error("[executor] DATABASE_URL, INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY are required (npm start sets them).");
  process.exit(1);
}

if (setting("EXECUTOR_MIGRATE")) await runMigrations(databaseUrl);
const executor = await startExecutor({
  databaseUrl,
  // The app on this machine, by address: `localhost` may resolve to ::1, where `next start` is not.
  appUrl: setting("APP_URL") ?? `http://127.0.0.1:${setting("PORT")}`,
  port: setting("EXECUTOR_PORT"),
  host: setting("EXECUTOR_HOST"),
  workers: setting("EXECUTOR_WORKERS"),
  leaseMs: setting("EXECUTOR_LEASE_MS"),
  retryBaseMs: setting("EXECUTOR_RETRY_BASE_MS"),
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
