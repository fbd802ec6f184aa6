import type { PgColumn, PgTable, PgView } from "drizzle-orm/pg-core";

/** How a column's values read, for sorting, totals, display and CSV. */
export type ColumnKind = "text" | "code" | "int" | "decimal" | "money" | "day" | "month" | "instant" | "image";

interface ValueColumn {
  key: string;
  label: string;
  column: PgColumn;
  kind: Exclude<ColumnKind, "image">;
  /** Summed over what the filters select (money per currency). */
  total?: boolean;
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
}

export type ListColumn = ValueColumn | ImageColumn;

/**
 * A filter with a fixed set of values (a listing's status, who fulfills it). Its key is also its URL
 * parameter, so the page and its CSV export read the same choice; a value outside `options` is refused.
 */
export interface ListFilter {
  key: string;
  label: string;
  column: PgColumn;
  options: readonly { value: string; label: string }[];
  /** The column holds a list of values (a text[]): a row matches when its list has the chosen value. */
  multiple?: boolean;
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
  /** A synced table, or a view over several (every product known, whichever task found it). */
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
  columns: ListColumn[];
  defaultSort: { key: string; dir: "asc" | "desc" };
  /** The natural key, as tie-breaker so pages never overlap. */
  rowKey: PgColumn[];
}

export const defineList = <const D extends ListDefinition>(definition: D) => definition;

/** Columns a seller can sort by: every one but pictures. */
export const sortableColumns = (list: ListDefinition) => list.columns.filter((c) => c.kind !== "image");

/** What the list's URL carries besides the common filters (url.ts reads it, the browser never needs Drizzle). */
export const urlShapeOf = (list: ListDefinition) => ({ hasDay: list.day !== undefined, filters: list.filters ?? [] });
