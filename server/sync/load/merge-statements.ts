import type { DailyTable } from "../replace-days";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The SQL replaceDays runs for one table: the staging table, and the ways its rows are merged into the
 * table ($1 is the scope, $2..$3 the window's days; a snapshot table has no days: the window is the
 * whole scope). Which merge runs depends on what the window holds.
 */
export function mergeStatements(spec: DailyTable) {
  const table = ident(spec.table);
  const staging = ident(`staging_${spec.table}`);
  const cols = spec.columns.map(ident).join(", ");
  const key = spec.key.map(ident).join(", ");
  const compared = spec.columns.filter((c) => !spec.key.includes(c) && !spec.bookkeeping.includes(c));
  const updates = spec.columns.filter((c) => !spec.key.includes(c)).map((c) => `${ident(c)} = excluded.${ident(c)}`);
  const row = (alias: string, columns: string[]) => `(${columns.map((c) => `${alias}.${ident(c)}`).join(", ")})`;
  const upsert = `on conflict (${key}) do update set ${updates.join(", ")}
    where ${row(table, compared)} is distinct from ${row("excluded", compared)}`;
  const inWindow = (t = "") =>
    `${t}${ident(spec.scopeColumn)} = $1` + (spec.dayColumn ? ` and ${t}${ident(spec.dayColumn)} between $2 and $3` : "");
  const sameKey = spec.key.map((k) => `s.${ident(k)} = t.${ident(k)}`).join(" and ");
  const counts = (inserted: string, deleted: string) =>
    `select (select count(*) from ${inserted})::int as changed, (select count(*) from ${deleted})::int as removed`;

  return {
    windowHasRows: `select exists (select 1 from ${table} where ${inWindow()}) as stored`,
    createStaging: `create temp table ${staging} (like ${table} including defaults) on commit drop`,
    copyToStaging: `copy ${staging} (${cols}) from stdin`,
    /** The window is empty: the rows go straight into the table. */
    copyToTable: `copy ${table} (${cols}) from stdin`,
    /** The window is empty: nothing to compare with or remove. */
    insertAll: `insert into ${table} (${cols}) select ${cols} from ${staging}`,
    /**
     * One pass over the window and the report together finds new, changed and vanished rows; only those
     * are written. (ON CONFLICT alone would lock, that is write, every row it meets, even the rows its
     * WHERE then leaves alone, and a second pass would be needed for the vanished ones.)
     */
    mergeDifferences: `with diff as materialized (
        select s.ctid as s_row, t.ctid as t_row from ${staging} s
        full join (select ctid, ${key}, ${compared.map(ident).join(", ")} from ${table} where ${inWindow()}) t on ${sameKey}
        where s.ctid is null or t.ctid is null or ${row("t", compared)} is distinct from ${row("s", compared)}),
      removed as (delete from ${table} where ctid = any (array(select t_row from diff where s_row is null)) returning 1),
      changed as (insert into ${table} (${cols}) select ${cols} from ${staging}
        where ctid = any (array(select s_row from diff where s_row is not null)) ${upsert} returning 1)
      ${counts("changed", "removed")}`,
    /** A report that repeats a key: its last row per key, sorted by key first; then what the window lost. */
    mergeSorted: `with changed as (insert into ${table} (${cols})
        select distinct on (${key}) ${cols} from ${staging} order by ${key}, ctid desc ${upsert} returning 1),
      removed as (delete from ${table} t where ${inWindow("t.")} and not exists (select 1 from ${staging} s where ${sameKey}) returning 1)
      ${counts("changed", "removed")}`,
  };
}
