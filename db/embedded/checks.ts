import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export function ensureWritableDirectory(dir: string): void {
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

export function ensureReachableByPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const blocked = folderOthersCannotEnter(dir);
  if (blocked)
    throw new DatabaseStartError(
      `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked}. ` +
        "Set EMBEDDED_POSTGRES_DIR to a folder outside it (e.g. /var/lib/shelfwise/postgres), or set DATABASE_URL.",
    );
}
