import { and, asc, desc, eq, ilike, or, SQL, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { storeMarketplaces, stores } from "~/db/schema";
import type { PgColumn } from "drizzle-orm/pg-core";
import { settingsOf, sortableColumns, type ListColumn, type ListDefinition, type ListExpression, type ListSettings } from "./definition";

export interface ListFilters {
  /** The last N local days of each row's own marketplace, or an explicit range (`from`/`to`). */
  days?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** A store marketplace, or a store for lists per seller account. */
  scopeId?: string | undefined;
  search?: string | undefined;
  /** The list's own enumerated filters, by key (`{ status: "Active" }`); the input has checked the values. */
  filters?: Record<string, string> | undefined;
  sort?: string | undefined;
  dir?: "asc" | "desc" | undefined;
  /** The numbers the seller set for the list's computed columns; the list's defaults fill in the rest. */
  settings?: ListSettings | undefined;
}

export type ListValue = string | number | null;
export type ListRow = Record<string, ListValue>;

/** A column of the table, or a computed expression with the settings applied. */
const resolve = (e: ListExpression, settings: ListSettings): PgColumn | SQL => (typeof e === "function" ? e(settings) : e);

function where(list: ListDefinition, organizationId: string, f: ListFilters): SQL {
  const settings = settingsOf(list, f.settings);
  const conditions: (SQL | undefined)[] = [eq(list.organization, organizationId)];
  if (f.scopeId) conditions.push(eq(list.scope.column, f.scopeId));
  // A list without a day is a snapshot: no range applies to it, whatever the caller asks.
  const day = list.day;
  if (day && f.from) conditions.push(sql`${day} >= ${f.from}`);
  if (day && f.to) conditions.push(sql`${day} <= ${f.to}`);
  if (day && f.days) conditions.push(sql`${day}::date > (now() at time zone ${scopeTimeZone(list)})::date - ${f.days}::int`);
  // Only the list's declared filters reach SQL, whatever else the object carries.
  for (const filter of list.filters ?? []) {
    const value = f.filters?.[filter.key];
    if (!value) continue;
    // An open set (Amazon's own words) matches any value exactly; a fixed set only its declared options.
    const option = filter.options === "distinct" ? undefined : filter.options.find((o) => o.value === value);
    if (filter.options !== "distinct" && !option) continue;
    if (option?.when) conditions.push(sql`${resolve(option.when, settings)}`);
    else if (filter.column) {
      const column = resolve(filter.column, settings);
      conditions.push(filter.multiple ? sql`${value} = any(${column})` : column instanceof SQL ? sql`${column} = ${value}` : eq(column, value));
    }
  }
  if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(or(...list.search.map((c) => ilike(c, like))));
  }
  return and(...conditions)!;
}

/** Values leave as JSON-friendly strings: instants as ISO text, money and counts exact. */
function selected(c: ListColumn, settings: ListSettings) {
  const column = resolve(c.column, settings);
  return c.kind === "instant"
    ? sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
    : c.kind === "money" || c.kind === "decimal"
      ? sql<string | null>`${column}::text`
      : c.kind === "month"
        ? sql<string | null>`left(${column}, 7)`
        : column;
}

function ordering(list: ListDefinition, f: ListFilters) {
  const sortable = sortableColumns(list);
  const requested = sortable.find((c) => c.key === f.sort);
  const column = requested ?? list.columns.find((c) => c.key === list.defaultSort.key)!;
  const dir = requested ? (f.dir ?? "asc") : list.defaultSort.dir;
  return [(dir === "desc" ? desc : asc)(resolve(column.column, settingsOf(list, f.settings))), ...list.rowKey.map((k) => asc(k))];
}

/** The zone a row's days and times are read in: its marketplace's, or its account's home zone. */
const scopeTimeZone = (list: ListDefinition) =>
  list.scope.kind === "store"
    ? sql`(case ${stores.region} when 'eu' then 'Europe/London' when 'fe' then 'Asia/Tokyo' else 'America/Los_Angeles' end)`
    : sql`${storeMarketplaces.timeZone}`;

function baseQuery(db: Database, list: ListDefinition, fields: Record<string, unknown>, organizationId: string, f: ListFilters) {
  const from = db.select(fields as never).from(list.table);
  const scoped = list.scope.kind === "store"
    ? from.innerJoin(stores, eq(stores.id, list.scope.column))
    : from.innerJoin(storeMarketplaces, eq(storeMarketplaces.id, list.scope.column));
  // Data beside the rows (a computed column's), each join built for this organization and these settings.
  let query = scoped.$dynamic();
  for (const join of list.joins?.({ organizationId, settings: settingsOf(list, f.settings) }) ?? [])
    query = query.leftJoin(sql`(${join.source}) as ${sql.identifier(join.alias)}`, join.on);
  return query;
}

const rowFields = (list: ListDefinition, f: ListFilters) => ({
  ...Object.fromEntries(list.columns.map((c) => [c.key, selected(c, settingsOf(list, f.settings))])),
  /** The row's marketplace or store (a detail link names it). */
  scopeId: list.scope.column,
  marketplace: list.scope.kind === "store" ? stores.name : storeMarketplaces.countryCode,
  timeZone: sql<string>`${scopeTimeZone(list)}`,
  ...(list.currency ? { currency: list.currency } : {}),
});

/** What the list's scope filter offers: the organization's marketplaces, or its stores. */
export async function listScopes(db: Database, list: ListDefinition, organizationId: string) {
  if (list.scope.kind === "store")
    return db.select({ id: stores.id, label: stores.name }).from(stores).where(eq(stores.organizationId, organizationId)).orderBy(asc(stores.name));
  return db
    .select({ id: storeMarketplaces.id, label: sql<string>`${storeMarketplaces.countryCode} || ' · ' || ${storeMarketplaces.name}` })
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.organizationId, organizationId), eq(storeMarketplaces.isParticipating, true)))
    .orderBy(asc(storeMarketplaces.countryCode));
}

/** The values the organization's rows hold for each of the list's open-set filters (at most 200 each). */
export async function listDistinctValues(db: Database, list: ListDefinition, organizationId: string): Promise<Record<string, string[]>> {
  const open = (list.filters ?? []).filter((f) => f.options === "distinct" && f.column);
  const settings = settingsOf(list, undefined);
  const entries = await Promise.all(
    open.map(async (f) => {
      const column = resolve(f.column!, settings);
      const rows = (await db
        .selectDistinct({ value: sql<string>`${column}` })
        .from(list.table)
        .where(and(eq(list.organization, organizationId), sql`${column} is not null`))
        .orderBy(sql`1`)
        .limit(200)) as { value: string }[];
      return [f.key, rows.map((r) => r.value)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** One page of the list as its filters select it, sorted, with the count and per-currency totals. */
export async function listPage(db: Database, list: ListDefinition, organizationId: string, f: ListFilters & { page: number; pageSize: number }) {
  const filter = where(list, organizationId, f);
  const totals = list.columns.filter((c) => c.total);
  const [rows, summary] = await Promise.all([
    baseQuery(db, list, rowFields(list, f), organizationId, f)
      .where(filter)
      .orderBy(...ordering(list, f))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize) as unknown as Promise<ListRow[]>,
    baseQuery(db, list, {
      currency: list.currency ? sql<string | null>`${list.currency}` : sql<null>`null`,
      count: sql<number>`count(*)::int`,
      ...Object.fromEntries(totals.map((c) => [c.key, sql<string>`coalesce(sum(${resolve(c.column, settingsOf(list, f.settings))}), 0)::text`])),
    }, organizationId, f)
      .where(filter)
      .groupBy(sql`1`) as unknown as Promise<({ currency: string | null; count: number } & Record<string, string>)[]>,
  ]);
  return {
    rows,
    count: summary.reduce((n, s) => n + s.count, 0),
    totals: summary.map(({ currency, count, ...values }) => ({ currency, count, values })),
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** Every row the filters select, in pages of `batch`, for the CSV export (memory stays flat). */
export async function* listRows(db: Database, list: ListDefinition, organizationId: string, f: ListFilters, batch = 2000): AsyncGenerator<ListRow[]> {
  const filter = where(list, organizationId, f);
  for (let offset = 0; ; offset += batch) {
    const rows = (await baseQuery(db, list, rowFields(list, f), organizationId, f).where(filter).orderBy(...ordering(list, f)).limit(batch).offset(offset)) as unknown as ListRow[];
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}
