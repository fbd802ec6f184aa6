import postgres from "postgres";

/** The executor's own pool: results come back camelCased so rows read like the Drizzle schema. */
export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;
export type Q = Sql | Tx;

export function openPool(url: string, max = 10): Sql {
  return postgres(url, { max, transform: postgres.camel, onnotice: () => {} });
}

/** jsonb parameter; postgres.js wants its own JSON type, our values are plain JSON-safe data. */
export function json(q: Q, value: unknown) {
  return q.json(value as postgres.JSONValue);
}

const RETRYABLE = new Set(["40P01", "40001"]);

/**
 * A transaction retried on deadlock/serialization failure: state transitions lock run rows and
 * advisory keys in data-dependent orders, and Postgres resolves a rare cycle by aborting one side.
 */
export async function transaction<T>(sql: Sql, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await sql.begin(fn)) as T;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt < 5 && code && RETRYABLE.has(code)) continue;
      throw err;
    }
  }
}

/** Serializes work on one logical key across executor processes for the rest of the transaction. */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
