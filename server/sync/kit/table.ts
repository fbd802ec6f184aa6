import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { DailyTable } from "../replace-days";

/** A column's name in PostgreSQL: its own, or its TypeScript key in snake_case (the database's casing). */
export function columnName(column: PgColumn): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}

/**
 * Where a report's rows land, read off the Drizzle table: its natural key is the table's primary key,
 * `scope` and `day` say which rows one window of one scope replaces (`day` null: a snapshot table, whose
 * loads replace the whole scope), `columns` the order rows are given in.
 * Columns in `bookkeeping` (when a row was refreshed, whose it is) change with a row but never count as a
 * change of their own, so an identical reload writes nothing.
 */
export function bindTable(
  table: PgTable,
  spec: { columns: PgColumn[]; scope: PgColumn; day: PgColumn | null; bookkeeping?: PgColumn[] },
): DailyTable {
  const config = getTableConfig(table);
  const primaryKey = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
  if (!primaryKey.length) throw new Error(`${config.name} has no primary key: a synced table needs a natural key`);
  const own = new Set(config.columns.map((c) => c.name));
  for (const c of [...spec.columns, spec.scope, ...(spec.day ? [spec.day] : []), ...(spec.bookkeeping ?? [])])
    if (!own.has(c.name)) throw new Error(`${config.name} has no column ${c.name}`);
  const columns = spec.columns.map(columnName);
  const key = primaryKey.map(columnName);
  for (const k of key) if (!columns.includes(k)) throw new Error(`${config.name}: rows must carry every key column (${k})`);
  return {
    table: config.name,
    key,
    columns,
    scopeColumn: columnName(spec.scope),
    dayColumn: spec.day ? columnName(spec.day) : null,
    bookkeeping: (spec.bookkeeping ?? []).map(columnName),
  };
}
