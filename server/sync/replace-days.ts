import type { Writable } from "node:stream";
import postgres from "postgres";
import { mergeStatements } from "./load/merge-statements";

/**
 * A synced table whose rows are replaced one local-day window of one scope at a time, or — a snapshot
 * table (no day column: the seller's whole catalog) — one whole scope at a time.
 */
export interface DailyTable {
  table: string;
  /** Natural key, in table order, e.g. ad_profile_id, day, campaign_id. */
  key: string[];
  /** Every column written, in the order rows are given. */
  columns: string[];
  scopeColumn: string;
  /** Null for a snapshot table: each load replaces all of the scope's rows. */
  dayColumn: string | null;
  /** Columns that say when, not what: updated with a change, never a reason for one. */
  bookkeeping: string[];
}

export type CopyValue = string | number | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

/** Reused by copyLine (synchronous, so never shared): one array less per row for the collector. */
const parts: CopyValue[] = [];

/** PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(values: CopyValue[]): string {
  // Most values need no escaping: test each once and let join() build the line (concatenating value by
  // value, or four replaces per value, costs more than PostgreSQL's whole COPY).
  parts.length = values.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    parts[i] = v === null ? "\\N" : typeof v === "string" && NEEDS_ESCAPE.test(v) ? escape(v) : v;
  }
  return parts.join("\t") + "\n";
}

/** A batch of rows as COPY bytes, each line encoded straight into one buffer (no batch-sized string). */
function copyBytes(rows: CopyValue[][]): Buffer {
  let out = Buffer.allocUnsafe(rows.length * 256);
  let pos = 0;
  for (const row of rows) {
    const line = copyLine(row);
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (pos + line.length * 3 > out.length) {
      const grown = Buffer.allocUnsafe(Math.max(out.length * 2, pos + line.length * 3));
      out.copy(grown, 0, 0, pos);
      out = grown;
    }
    pos += out.write(line, pos);
  }
  return out.subarray(0, pos);
}

/** What a feed hands its rows to: value arrays, or COPY text it encoded itself (the fast path). */
export interface CopyPush {
  (rows: CopyValue[][]): Promise<void>;
  /** Complete COPY text lines, `rows` of them, in `DailyTable.columns` order. */
  copyText(text: string | Uint8Array, rows: number): Promise<void>;
}

export interface ReplaceResult {
  received: number;
  /** Rows inserted or whose values changed. */
  changed: number;
  /** Rows of the window that Amazon no longer reports. */
  removed: number;
}

/** Unique violation, and ON CONFLICT meeting one key twice: both mean the report repeats a key. */
const REPEATED_KEY = new Set(["23505", "21000"]);

/**
 * Replaces a scope's rows for a window of days with what `feed` supplies, in one transaction: rows are
 * COPY'd into a staging table, merged by natural key touching only rows whose values differ, and rows the
 * new data no longer contains are removed. A second run with the same data changes nothing; a failure
 * midway leaves the previous data intact. An empty window's rows are COPY'd straight into the table; when
 * those repeat a key, `feed` is called a second time (it must be able to read its report again).
 */
export async function replaceDays(
  sql: postgres.Sql,
  spec: DailyTable,
  window: { scopeId: string; start: string; end: string },
  feed: (push: CopyPush) => Promise<void>,
): Promise<ReplaceResult> {
  if (!spec.dayColumn) throw new Error(`${spec.table} is a snapshot table: its loads replace a whole scope (replaceScope)`);
  return replaceRows(sql, spec, [window.scopeId, window.start, window.end], feed);
}

/** replaceDays for a snapshot table: the scope's rows become exactly what `feed` supplies. */
export async function replaceScope(
  sql: postgres.Sql,
  spec: DailyTable,
  scopeId: string,
  feed: (push: CopyPush) => Promise<void>,
): Promise<ReplaceResult> {
  if (spec.dayColumn) throw new Error(`${spec.table} is replaced by day windows (replaceDays)`);
  return replaceRows(sql, spec, [scopeId], feed);
}

async function replaceRows(sql: postgres.Sql, spec: DailyTable, params: string[], feed: (push: CopyPush) => Promise<void>): Promise<ReplaceResult> {
  const statements = mergeStatements(spec);
  const scopeId = params[0]!;

  return sql.begin(async (tx) => {
    // Two loads of one scope's table would each delete the other's new rows as stale: they take turns.
    await tx`select pg_advisory_xact_lock(hashtext(${spec.table}), hashtext(${scopeId}))`;
    // Just-loaded rows have no statistics yet, and a planner guessing "a few rows" nests loops over the
    // window and the staging rows (minutes for 100k rows); hashing one side once is right at every size.
    await tx.unsafe(`set local enable_nestloop = off`);
    const [{ stored }] = (await tx.unsafe(statements.windowHasRows, params)) as unknown as [{ stored: boolean }];
    if (!stored) {
      // An empty window (a backfill's days, a first load): nothing to compare with, so the rows are COPY'd
      // straight into the table, which halves PostgreSQL's work. Should the report repeat a key (Amazon's
      // do not), the table refuses it, and the report is read again into staging and merged.
      try {
        const received = await tx.savepoint((sp) => copyInto(sp.unsafe(statements.copyToTable), feed));
        return { received, changed: received, removed: 0 };
      } catch (error) {
        if (!(error instanceof postgres.PostgresError && REPEATED_KEY.has(error.code))) throw error;
      }
    }
    await tx.unsafe(statements.createStaging);
    const received = await copyInto(tx.unsafe(statements.copyToStaging), feed);
    if (!stored && !received) return { received, changed: 0, removed: 0 };

    // Amazon's files do not repeat a key, so neither fast statement sorts the report by key first (that
    // sort costs most of a second per million rows); when two rows of one key would both be written,
    // PostgreSQL refuses, and the report is merged again, sorted, keeping each key's last row.
    try {
      if (!stored) return { received, changed: (await tx.savepoint((sp) => sp.unsafe(statements.insertAll))).count, removed: 0 };
      const [counts] = await tx.savepoint((sp) => sp.unsafe(statements.mergeDifferences, params));
      return { received, changed: counts!.changed as number, removed: counts!.removed as number };
    } catch (error) {
      if (!(error instanceof postgres.PostgresError && REPEATED_KEY.has(error.code))) throw error;
      const [counts] = await tx.unsafe(statements.mergeSorted, params);
      return { received, changed: counts!.changed as number, removed: counts!.removed as number };
    }
  });
}

/** COPY bytes handed to the socket but not yet sent, at most: enough to keep PostgreSQL busy. */
const IN_FLIGHT_BYTES = 4 * 2 ** 20;

/** Streams the feed into a COPY, waiting whenever PostgreSQL is behind; returns the rows sent. */
export async function copyInto(query: postgres.PendingQuery<postgres.Row[]>, feed: (push: CopyPush) => Promise<void>): Promise<number> {
  // When PostgreSQL refuses COPY data after the client's CopyDone (a bad value in the last rows),
  // postgres.js never settles the stream: its only trace is rejecting the query it already resolved
  // (porsager/postgres#1173). Catching that rejection is what keeps such a load from hanging forever.
  const refused = new Promise<never>((_, reject) => {
    const q = query as unknown as { reject?: (error: unknown) => void };
    const own = q.reject;
    if (typeof own === "function")
      q.reject = (error) => {
        reject(error);
        own.call(q, error);
      };
  });
  refused.catch(() => {});
  const copy: Writable = await query.writable();
  let received = 0;
  const finished = Promise.race([
    new Promise<void>((resolve, reject) => {
      copy.on("finish", resolve);
      copy.on("error", reject);
    }),
    refused,
  ]);
  // Awaited later (or raced against a drain); a refusal while the feed is busy must not count as unhandled.
  finished.catch(() => {});
  // Up to a few MiB may wait for the socket, so the feed keeps decoding while PostgreSQL reads (the
  // stream's own 16 KiB mark would stop it at every write). A COPY that PostgreSQL refused never drains:
  // wait for whichever comes first.
  const write = async (chunk: string | Uint8Array) => {
    copy.write(chunk);
    if (copy.writableLength > IN_FLIGHT_BYTES) await Promise.race([new Promise((r) => copy.once("drain", r)), finished]);
  };
  const push: CopyPush = Object.assign(
    async (rows: CopyValue[][]) => {
      received += rows.length;
      if (rows.length) await write(copyBytes(rows));
    },
    {
      copyText: async (text: string | Uint8Array, rows: number) => {
        received += rows;
        if (text.length) await write(text);
      },
    },
  );
  try {
    await feed(push);
  } catch (error) {
    // Abort the COPY (PostgreSQL then rolls the transaction back), and report the feed's own error.
    copy.destroy(error instanceof Error ? error : new Error(String(error)));
    await finished.catch(() => {});
    throw error;
  }
  copy.end();
  await finished;
  return received;
}
