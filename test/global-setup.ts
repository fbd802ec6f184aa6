import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "~/db/embedded";
import { persistentSecret } from "~/server/runtime/secrets";

let embedded: EmbeddedDatabase | undefined;

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * Tests need a real PostgreSQL server: DATABASE_URL when set (CI points it at the machine's service),
 * otherwise an embedded one started for the run.
 */
export async function setup(): Promise<void> {
  const configured = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
  if (configured) {
    if (!(await reachable(configured))) throw new Error(`The test database server ${configured} is not reachable.`);
    process.env.TEST_DATABASE_SERVER_URL = configured;
    return;
  }
  embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(".data/test-postgres"),
    port: Number(process.env.EMBEDDED_POSTGRES_TEST_PORT ?? 54329),
    database: "postgres",
    password: persistentSecret(path.resolve(".data"), "test-postgres-password", undefined),
  });
  process.env.TEST_DATABASE_SERVER_URL = embedded.adminUrl;
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
