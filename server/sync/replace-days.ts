import type postgres from "postgres";

/** A daily fact table whose rows are replaced one local-day window at a time. */
export interface DailyTable {
  table: string;
  /** Natural key, in table order, e.g. ad_profile_id, day, campaign_id. */
  key: string[];
  /** Every column written, in the order rows are given. */
  columns: string[];
  scopeColumn: string;
  dayColumn: string;
  /** Columns that say when, not what: updated with a change, never a reason for one. */
  bookkeeping: string[];
}

export type CopyValue = string | number | null;

/** PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(values: CopyValue[]): string {
  return (
    values
      .map((v) =>
        v === null
          ? "\\N"
          : String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r"),
      )
      .join("\t") + "\n"
  );
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface ReplaceResult {
  received: number;
  /** Rows inserted or whose values changed. */
  changed: number;
  /** Rows of the window that Amazon no longer reports. */
  removed: number;
}

/**
 * Replaces a scope's rows for a window of days with what `feed` supplies, in one transaction: rows are
 * COPY'd into a staging table, merged by natural key touching only rows whose values differ, and rows the
 * new data no longer contains are removed. A second run with the same data changes nothing; a failure
 * midway leaves the previous data intact.
 */
export async function replaceDays(
  sql: postgres.Sql,
  spec: DailyTable,
  window: { scopeId: string; start: string; end: string },
  feed: (push: (rows: CopyValue[][]) => Promise<void>) => Promise<void>,
): Promise<ReplaceResult> {
  const staging = `staging_${spec.table}`;
  const cols = spec.columns.map(ident).join(", ");
  const compared = spec.columns.filter((c) => !spec.key.includes(c) && !spec.bookkeeping.includes(c));
  const updates = spec.columns.filter((c) => !spec.key.includes(c)).map((c) => `${ident(c)} = excluded.${ident(c)}`);
  const keyMatch = spec.key.map((k) => `s.${ident(k)} = t.${ident(k)}`).join(" and ");

  return sql.begin(async (tx) => {
    await tx.unsafe(`create temp table ${ident(staging)} (like ${ident(spec.table)} including defaults) on commit drop`);
    const copy = await tx.unsafe(`copy ${ident(staging)} (${cols}) from stdin`).writable();
    let received = 0;
    const finished = new Promise<void>((resolve, reject) => {
      copy.on("finish", resolve);
      copy.on("error", reject);
    });
    try {
      await feed(async (rows) => {
        received += rows.length;
        if (!copy.write(rows.map(copyLine).join(""))) await new Promise((r) => copy.once("drain", r));
      });
    } catch (error) {
      // Abort the COPY (PostgreSQL then rolls the transaction back), and report the feed's own error.
      copy.destroy(error instanceof Error ? error : new Error(String(error)));
      await finished.catch(() => {});
      throw error;
    }
    copy.end();
    await finished;
    // The stale-row delete probes staging by key once per stored row: give it an index and statistics,
    // or the planner nests loops over both tables.
    await tx.unsafe(`create index on ${ident(staging)} (${spec.key.map(ident).join(", ")})`);
    await tx.unsafe(`analyze ${ident(staging)}`);

    const merged = await tx.unsafe(
      // A key repeated within one report counts once (the last copy), as Amazon's own files never intend twice.
      `insert into ${ident(spec.table)} (${cols})
       select distinct on (${spec.key.map(ident).join(", ")}) ${cols} from ${ident(staging)}
       on conflict (${spec.key.map(ident).join(", ")}) do update set ${updates.join(", ")}
       where (${compared.map((c) => `${ident(spec.table)}.${ident(c)}`).join(", ")})
         is distinct from (${compared.map((c) => `excluded.${ident(c)}`).join(", ")})`,
    );
    const removed = await tx.unsafe(
      `delete from ${ident(spec.table)} t
       where t.${ident(spec.scopeColumn)} = $1 and t.${ident(spec.dayColumn)} between $2 and $3
         and not exists (select 1 from ${ident(staging)} s where ${keyMatch})`,
      [window.scopeId, window.start, window.end],
    );
    return { received, changed: merged.count, removed: removed.count };
  });
}
