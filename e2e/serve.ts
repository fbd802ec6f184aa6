/**
 * Starts the product for the browser tests exactly as `npm start` does, but on a database created for this
 * run (on DATABASE_URL's server, or an embedded one), so tests never touch a developer's data.
 */
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "~/db/embedded";
import { persistentSecret } from "~/server/runtime/secrets";

async function freshDatabaseUrl(): Promise<string> {
  let server = process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/e2e-postgres"),
      port: Number(process.env.EMBEDDED_POSTGRES_E2E_PORT ?? 54331),
      database: "postgres",
      password: persistentSecret(path.resolve(".data"), "e2e-postgres-password", undefined),
    });
    server = embedded.adminUrl;
  }
  const name = `e2e_${Date.now().toString(36)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

process.env.DATABASE_URL = await freshDatabaseUrl();
process.env.DATA_DIR = path.resolve(".data/e2e");
await import("~/server/runtime/start");
