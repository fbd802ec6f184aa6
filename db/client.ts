import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { setting } from "~/server/settings";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDatabase>["db"];

export function createDatabase(url: string, options: { max?: number } = {}) {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle(sql, { schema, casing: "snake_case" });
  return { db, sql };
}

type Handle = ReturnType<typeof createDatabase>;
const globalForDb = globalThis as unknown as { __appDb?: Handle };

/** One pool per process (survives Next's module reloading in dev). */
function handle(): Handle {
  if (!globalForDb.__appDb) {
    const url = setting("DATABASE_URL");
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    globalForDb.__appDb = createDatabase(url);
  }
  return globalForDb.__appDb;
}

export const db: Database = new Proxy({} as Database, {
  get: (_t, prop) => Reflect.get(handle().db, prop),
});

/** The raw postgres.js client of the app database, for COPY and other bulk paths Drizzle doesn't cover. */
export function rawSql(): Handle["sql"] {
  return handle().sql;
}
