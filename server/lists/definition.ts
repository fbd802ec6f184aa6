import type { SQL } from "drizzle-orm";
import type { PgColumn, PgTable, PgView } from "drizzle-orm/pg-core";

/** How a column's values read, for sorting, totals, display and CSV. */
export type ColumnKind = "text" | "code" | "int" | "decimal" | "money" | "day" | "month" | "instant" | "image";

/** The numbers a seller set for a list's computed columns (a lead time, days of cover), by key. */
export type ListSettings = Record<string, number>;

/**
 * What a column, filter or search reads: a column of the list's table, or an expression over the row and
 * its joins — computed per query, with the seller's settings where it depends on them.
 */
export type ListExpression = PgColumn | SQL | ((settings: ListSettings) => SQL);

interface ValueColumn {
  key: string;
  label: string;
  column: ListExpression;
  kind: Exclude<ColumnKind, "image">;
  /** Summed over what the filters select (money per currency). */
  total?: boolean;
  /** What a row without a value reads as on the page ("no sales"); "—" unless said. */
  empty?: string;
}

/**
 * A picture's URL, shown as a small thumbnail (in CSV, the URL itself). Not sortable and never totalled:
 * the order of URLs means nothing to a seller.
 */
interface ImageColumn {
  key: string;
  label: string;
  column: PgColumn;
  kind: "image";
  /** Keys of other columns, in order of preference: the first the row has describes the picture (its alt text). */
  describedBy: readonly string[];
  total?: never;
  empty?: never;
}

export type ListColumn = ValueColumn | ImageColumn;

/**
 * A filter with a fixed set of values (a listing's status, who fulfills it). Its key is also its URL
 * parameter, so the page and its CSV export read the same choice; a value outside `options` is refused.
 * `options: "distinct"` is for an open set Amazon defines (a return's reason): the values the organization's
 * rows hold are offered, and any value (of at most 60 characters) is accepted, matching exactly.
 */
export interface ListFilter {
  key: string;
  label: string;
  /** The column an option's value must equal (options without a condition of their own). */
  column?: ListExpression;
  /** `when`: the option's own condition, for choices that are no single column's value ("needs restock"). */
  options: readonly { value: string; label: string; when?: ListExpression }[] | "distinct";
  /** The column holds a list of values (a text[]): a row matches when its list has the chosen value. */
  multiple?: boolean;
}

/**
 * A number the seller sets for the list's computed columns (a lead time), kept in the URL under its key
 * like a filter, so the page and its export compute alike; the default applies until the seller sets one.
 */
export interface ListSetting {
  key: string;
  label: string;
  /** What the number counts ("days"). */
  unit: string;
  default: number;
  min: number;
  max: number;
}

/** Data beside each row (sales per SKU), left-joined under `alias`: computed columns read it. */
export interface ListJoin {
  /** A subquery; it must select the organization's rows only (it gets the organization for that). */
  source: SQL;
  alias: string;
  on: SQL;
}

/**
 * A data list a module shows (removal orders, reimbursements, storage fees, products…): which synced
 * table, how a store marketplace and a local day select its rows, what a search looks in, and its columns.
 * One definition gives the page's query (filters, sorting, paging, totals), its CSV export and its empty state.
 */
export interface ListDefinition {
  key: string;
  title: string;
  /** The sync task (or tasks) that fill it, for the honest empty state (not run yet, no data, failed). */
  task: string | readonly string[];
  /** The synced table, or a view joining what the page shows (refunds with their orders' products; every product known, whichever task found it). */
  table: PgTable | PgView;
  organization: PgColumn;
  /**
   * What each row belongs to: a store marketplace (its store_marketplaces.id), or a whole store (its
   * stores.id) for data Amazon reports per seller account.
   */
  scope: { kind: "store_marketplace" | "store"; column: PgColumn };
  /**
   * The marketplace-local day (YYYY-MM-DD) a date filter selects on. A snapshot (the catalog as it is
   * now) has none, and so no date filter at all.
   */
  day?: PgColumn;
  /** The currency of money columns. */
  currency?: PgColumn;
  /** Columns a search matches (ids, SKUs, ASINs), case-insensitively. */
  search: PgColumn[];
  filters?: readonly ListFilter[];
  /** Numbers the seller sets for computed columns. */
  settings?: readonly ListSetting[];
  /** Data left-joined beside each row, built per query for the organization (and the settings). */
  joins?: (context: { organizationId: string; settings: ListSettings }) => readonly ListJoin[];
  columns: ListColumn[];
  defaultSort: { key: string; dir: "asc" | "desc" };
  /** The natural key, as tie-breaker so pages never overlap. */
  rowKey: PgColumn[];
  /**
   * A row's own page (its history): the column whose cells link there, and the URL parameter its value
   * goes in beside the row's scope (`?scope=<id>&<param>=<value>`).
   */
  detail?: { column: string; href: string; param: string; label: string };
}

export const defineList = <const D extends ListDefinition>(definition: D) => definition;

/** Columns a seller can sort by: every one but pictures. */
export const sortableColumns = (list: ListDefinition) => list.columns.filter((c) => c.kind !== "image");

/** What the list's URL carries besides the common filters (url.ts reads it, the browser never needs Drizzle). */
export const urlShapeOf = (list: ListDefinition) => ({ hasDay: list.day !== undefined, filters: list.filters ?? [], settings: list.settings ?? [] });

/** The settings a query computes with: the seller's where set, the defaults elsewhere. */
export function settingsOf(list: ListDefinition, chosen: ListSettings | undefined): ListSettings {
  return Object.fromEntries((list.settings ?? []).map((s) => [s.key, chosen?.[s.key] ?? s.default]));
}
