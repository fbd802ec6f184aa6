import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDatabase, type Database } from "./client";
import { runMigrations } from "./migrate";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** The server tests create their throwaway databases on; set by the vitest global setup. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("No test database server: run tests through vitest (its global setup provides one).");
  const host = new URL(url).hostname;
  // Tests create and drop databases: never let them near a server that is not on this machine.
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run tests against non-local database host ${host}`);
  return url;
}

export interface TestDatabase {
  url: string;
  db: Database;
  sql: ReturnType<typeof postgres>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const { db, sql } = createDatabase(url.toString(), { max: 5 });
  return {
    url: url.toString(),
    db,
    sql,
    async drop() {
      await sql.end();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
