/**
 * `npm start`: the whole product on one machine. Uses what is configured and starts embedded
 * stand-ins for what is not (PostgreSQL, the Inngest executor, the sandbox Amazon), and keeps them running.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DatabaseStartError, startEmbeddedPostgres, type EmbeddedDatabase, type EmbeddedOptions } from "~/db/embedded";
import { runMigrations } from "~/db/migrate";
import { inngestMode } from "~/inngest/client";
import { embeddedInngestEnvironment, generateEventKey, generateSigningKey } from "~/inngest/embedded";
import { SANDBOX_CREDENTIALS } from "~/sandbox/credentials";
import { createDatabase } from "~/db/client";
import { reencryptSecrets } from "~/server/crypto/reencrypt";
import { generateKeyRingEntry, parseKeyRing } from "~/server/crypto/secrets";
import { AMAZON_CREDENTIALS, appUrl as configuredAppUrl, checkSettings, childEnvironment, setting } from "~/server/settings";
import { buildIfStale } from "./build";
import { DEFAULT_RESTART_POLICY, supervise, waitForHttp, type Supervised } from "./processes";
import { persistentSecret } from "./secrets";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const log = (line: string) => console.info(`[start] ${line}`);

const children: Supervised[] = [];
let embedded: EmbeddedDatabase | undefined;
let stopping = false;

/** Stops every child and the embedded database, whether we are done or something failed to start. */
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((c) => c.stop().catch(() => {})));
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
// Last resort on an abrupt exit: never leave a sandbox or executor holding its port.
process.on("exit", () => {
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function main() {
  // Every child's settings, checked before anything starts: a bad value stops us here, by name, rather
  // than a child later (or a page, or a job).
  const problems = checkSettings();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`[start] ${problem}`);
    process.exit(1);
  }
  const port = setting("PORT");
  const appUrl = configuredAppUrl();
  const dataDir = path.resolve(root, setting("DATA_DIR"));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  let databaseUrl = setting("DATABASE_URL");
  if (!databaseUrl) {
    log("No DATABASE_URL: starting the embedded PostgreSQL…");
    embedded = await superviseEmbeddedDatabase({
      dataDir: path.resolve(root, setting("EMBEDDED_POSTGRES_DIR") ?? path.join(dataDir, "postgres")),
      port: setting("EMBEDDED_POSTGRES_PORT"),
      database: "shelfwise",
      password: persistentSecret(dataDir, "postgres-password", undefined),
    });
    databaseUrl = embedded.url;
  }
  await runMigrations(databaseUrl);
  log("Database ready and migrated.");

  const internalAppUrl = `http://127.0.0.1:${port}`;
  const env = childEnvironment({
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    AUTH_URL: setting("AUTH_URL") ?? appUrl,
    AUTH_SECRET: persistentSecret(dataDir, "auth-secret", setting("AUTH_SECRET")),
    AUTH_TRUST_HOST: "true",
    ENCRYPTION_KEYS: persistentSecret(dataDir, "encryption-keys", setting("ENCRYPTION_KEYS"), generateKeyRingEntry),
  });

  // A crashed child is restarted with backoff while the others keep running; one that keeps crashing
  // before it ever stays up stops the product, loudly.
  const start = (name: string, command: string, args: readonly string[], childEnv: NodeJS.ProcessEnv) =>
    children.push(
      supervise(name, command, [...args], {
        cwd: root,
        env: childEnv,
        log: (line) => console.error(`[start] ${line}`),
        onGiveUp: () => void stop(1),
      }),
    );
  // `node --import tsx` runs the file in this very process (the tsx binary would fork a grandchild that
  // outlives a killed parent).
  const tsNode = (file: string) => [process.execPath, ["--import", "tsx", file]] as const;

  const useSandbox = !AMAZON_CREDENTIALS.some((name) => setting(name));
  if (useSandbox) {
    const sandboxPort = setting("SANDBOX_PORT");
    log(`No Amazon credentials: starting the sandbox Amazon on port ${sandboxPort}.`);
    const [node, args] = tsNode("sandbox/main.ts");
    start("sandbox", node, args, { ...env, SANDBOX_PORT: String(sandboxPort) });
    Object.assign(env, {
      AMAZON_SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
      SP_API_APPLICATION_ID: SANDBOX_CREDENTIALS.spApiApplicationId,
      SP_API_CLIENT_ID: SANDBOX_CREDENTIALS.spApiClientId,
      SP_API_CLIENT_SECRET: SANDBOX_CREDENTIALS.spApiClientSecret,
      ADS_CLIENT_ID: SANDBOX_CREDENTIALS.adsClientId,
      ADS_CLIENT_SECRET: SANDBOX_CREDENTIALS.adsClientSecret,
    });
  }

  const embeddedExecutor = inngestMode() === "embedded";
  const executorPort = setting("EXECUTOR_PORT");
  if (embeddedExecutor) {
    // Our executor stands in for an Inngest server, with keys of its own kept in the data folder: the
    // app verifies every call's signature, as in production. Dev mode is never on.
    const keys = {
      signingKey: persistentSecret(dataDir, "inngest-signing-key", undefined, generateSigningKey),
      eventKey: persistentSecret(dataDir, "inngest-event-key", undefined, generateEventKey),
    };
    delete env.INNGEST_DEV;
    Object.assign(env, embeddedInngestEnvironment(keys, `http://127.0.0.1:${executorPort}`, internalAppUrl));
  }

  await reencryptAtStart(databaseUrl, env.ENCRYPTION_KEYS!);
  buildIfStale(root, log);

  // Loopback only unless HOST opens it (e.g. HOST=0.0.0.0 behind a reverse proxy on another machine).
  start("web", path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", setting("HOST")], env);
  await waitForHttp(`${internalAppUrl}/sign-in`, 60_000);

  if (embeddedExecutor) {
    log(`No Inngest server configured: starting the embedded executor on port ${executorPort}.`);
    const [node, args] = tsNode("inngest/engine/main.ts");
    start("executor", node, args, { ...env, APP_URL: internalAppUrl, EXECUTOR_PORT: String(executorPort) });
    await waitForHttp(`http://127.0.0.1:${executorPort}/health`, 30_000);
  }
  log(`Shelfwise is running at ${appUrl}`);
}

/**
 * The embedded PostgreSQL, started again (same folder, port and password, so the URL the others hold stays
 * right) when its process dies; the web app and the executor reconnect by themselves.
 */
async function superviseEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const policy = DEFAULT_RESTART_POLICY;
  let current = await startEmbeddedPostgres(options);
  let startedAt = Date.now();
  void (async () => {
    let crashes = 0;
    for (;;) {
      await current.exited;
      if (stopping) return;
      crashes = Date.now() - startedAt >= policy.healthyAfterMs ? 1 : crashes + 1;
      for (;;) {
        if (crashes > policy.maxCrashes) {
          console.error("[start] the embedded PostgreSQL keeps stopping; giving up.");
          void stop(1);
          return;
        }
        const delay = Math.min(policy.initialDelayMs * 2 ** (crashes - 1), policy.maxDelayMs);
        console.error(`[start] the embedded PostgreSQL stopped; starting it again in ${delay / 1000} s.`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (stopping) return;
        try {
          current = await startEmbeddedPostgres(options);
          startedAt = Date.now();
          break;
        } catch (error) {
          console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
          crashes += 1;
        }
      }
    }
  })();
  return { url: current.url, adminUrl: current.adminUrl, exited: current.exited, stop: () => current.stop() };
}

/** Secrets stored under a key that is no longer first in ENCRYPTION_KEYS move to the active key. */
async function reencryptAtStart(databaseUrl: string, keys: string) {
  const { db, sql } = createDatabase(databaseUrl, { max: 1 });
  try {
    const moved = await reencryptSecrets(db, parseKeyRing(keys));
    if (moved) log(`Re-encrypted ${moved} stored secret(s) with the active encryption key.`);
  } finally {
    await sql.end();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseStartError) console.error(`[start] ${error.message}`);
  else console.error("[start] Failed to start:", error instanceof Error ? error.message : error);
  void stop(1);
});
