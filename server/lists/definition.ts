import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/** How a column's values read, for sorting, totals, display and CSV. */
export type ColumnKind = "text" | "code" | "int" | "decimal" | "money" | "day" | "month" | "instant";

export interface ListColumn {
  key: string;
  label: string;
  column: PgColumn;
  kind: ColumnKind;
  /** Summed over what the filters select (money per currency). */
  total?: boolean;
}

/**
 * A data list a module shows (removal orders, reimbursements, storage fees…): which synced table, how a
 * store marketplace and a local day select its rows, what a search looks in, and its columns. One
 * definition gives the page's query (filters, sorting, paging, totals), its CSV export and its empty state.
 */
export interface ListDefinition {
  key: string;
  title: string;
  /** The sync task that fills it, for the honest empty state (not run yet, no data, failed). */
  task: string;
  table: PgTable;
  organization: PgColumn;
  /**
   * What each row belongs to: a store marketplace (its store_marketplaces.id), or a whole store (its
   * stores.id) for data Amazon reports per seller account.
   */
  scope: { kind: "store_marketplace" | "store"; column: PgColumn };
  /** The marketplace-local day (YYYY-MM-DD) a date filter selects on. */
  day: PgColumn;
  /** The currency of money columns. */
  currency?: PgColumn;
  /** Columns a search matches (ids, SKUs, ASINs), case-insensitively. */
  search: PgColumn[];
  columns: ListColumn[];
  defaultSort: { key: string; dir: "asc" | "desc" };
  /** The natural key, as tie-breaker so pages never overlap. */
  rowKey: PgColumn[];
}

export const defineList = <const D extends ListDefinition>(definition: D) => definition;
