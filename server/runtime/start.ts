/**
 * `npm start`: the whole product on one machine. Uses what is configured and starts embedded
 * stand-ins for what is not (PostgreSQL; later the Inngest executor and the sandbox Amazon).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DatabaseStartError, startEmbeddedPostgres, type EmbeddedDatabase } from "~/db/embedded";
import { runMigrations } from "~/db/migrate";
import { buildIfStale } from "./build";
import { startChild, waitForHttp, type Supervised } from "./processes";
import { persistentSecret } from "./secrets";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const log = (line: string) => console.info(`[start] ${line}`);

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data");
  const children: Supervised[] = [];
  let embedded: EmbeddedDatabase | undefined;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const { child } of children) child.kill("SIGTERM");
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log("No DATABASE_URL: starting the embedded PostgreSQL…");
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(root, process.env.EMBEDDED_POSTGRES_DIR ?? path.join(dataDir, "postgres")),
      port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54320),
      database: "shelfwise",
    });
    databaseUrl = embedded.url;
  }
  await runMigrations(databaseUrl);
  log("Database ready and migrated.");

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    AUTH_URL: process.env.AUTH_URL ?? appUrl,
    AUTH_SECRET: persistentSecret(dataDir, "auth-secret", process.env.AUTH_SECRET),
    AUTH_TRUST_HOST: "true",
  };

  buildIfStale(root, log);

  const onExit = (name: string) => (code: number | null) => {
    if (stopping) return;
    console.error(`[start] ${name} exited (code ${code ?? "signal"}); stopping.`);
    void stop(1);
  };
  children.push(
    startChild("web", path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
      cwd: root,
      env,
      onExit: onExit("web"),
    }),
  );
  await waitForHttp(`http://127.0.0.1:${port}/sign-in`, 60_000);
  log(`Shelfwise is running at ${appUrl}`);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseStartError) console.error(`[start] ${error.message}`);
  else console.error("[start] Failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
