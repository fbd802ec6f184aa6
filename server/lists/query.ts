import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "~/db/client";
import { storeMarketplaces, stores } from "~/db/schema";
import { sortableColumns, type ListColumn, type ListDefinition } from "./definition";

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
}

export type ListValue = string | number | null;
export type ListRow = Record<string, ListValue>;

function where(list: ListDefinition, organizationId: string, f: ListFilters): SQL {
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
    if (value) conditions.push(filter.multiple ? sql`${value} = any(${filter.column})` : eq(filter.column, value));
  }
  if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(or(...list.search.map((c) => ilike(c, like))));
  }
  return and(...conditions)!;
}

/** Values leave as JSON-friendly strings: instants as ISO text, money and counts exact. */
const selected = (c: ListColumn) =>
  c.kind === "instant"
    ? sql<string | null>`to_char(${c.column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
    : c.kind === "money" || c.kind === "decimal"
      ? sql<string | null>`${c.column}::text`
      : c.kind === "month"
        ? sql<string | null>`left(${c.column}, 7)`
        : c.column;

function ordering(list: ListDefinition, f: ListFilters) {
  const sortable = sortableColumns(list);
  const requested = sortable.find((c) => c.key === f.sort);
  const column = requested ?? list.columns.find((c) => c.key === list.defaultSort.key)!;
  const dir = requested ? (f.dir ?? "asc") : list.defaultSort.dir;
  return [(dir === "desc" ? desc : asc)(column.column), ...list.rowKey.map((k) => asc(k))];
}

/** The zone a row's days and times are read in: its marketplace's, or its account's home zone. */
const scopeTimeZone = (list: ListDefinition) =>
  list.scope.kind === "store"
    ? sql`(case ${stores.region} when 'eu' then 'Europe/London' when 'fe' then 'Asia/Tokyo' else 'America/Los_Angeles' end)`
    : sql`${storeMarketplaces.timeZone}`;

function baseQuery(db: Database, list: ListDefinition, fields: Record<string, unknown>) {
  const from = db.select(fields as never).from(list.table);
  return list.scope.kind === "store"
    ? from.innerJoin(stores, eq(stores.id, list.scope.column))
    : from.innerJoin(storeMarketplaces, eq(storeMarketplaces.id, list.scope.column));
}

const rowFields = (list: ListDefinition) => ({
  ...Object.fromEntries(list.columns.map((c) => [c.key, selected(c)])),
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

/** One page of the list as its filters select it, sorted, with the count and per-currency totals. */
export async function listPage(db: Database, list: ListDefinition, organizationId: string, f: ListFilters & { page: number; pageSize: number }) {
  const filter = where(list, organizationId, f);
  const totals = list.columns.filter((c) => c.total);
  const [rows, summary] = await Promise.all([
    baseQuery(db, list, rowFields(list))
      .where(filter)
      .orderBy(...ordering(list, f))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize) as unknown as Promise<ListRow[]>,
    baseQuery(db, list, {
      currency: list.currency ? sql<string | null>`${list.currency}` : sql<null>`null`,
      count: sql<number>`count(*)::int`,
      ...Object.fromEntries(totals.map((c) => [c.key, sql<string>`coalesce(sum(${c.column}), 0)::text`])),
    })
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
    const rows = (await baseQuery(db, list, rowFields(list)).where(filter).orderBy(...ordering(list, f)).limit(batch).offset(offset)) as unknown as ListRow[];
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}
