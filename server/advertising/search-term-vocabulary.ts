/*
 * The Search terms tab's keys and words, shared by its page, its query and its CSV: free of server modules,
 * so client components can bundle it.
 */

export const SEARCH_TERM_SORT_KEYS = ["searchTerm", "impressions", "clicks", "ctr", "spend", "cpc", "orders", "sales", "acos", "roas", "cvr"] as const;
export type SearchTermSortKey = (typeof SEARCH_TERM_SORT_KEYS)[number];

/** "Has orders" and "No orders": the two questions a seller asks of search terms (keep it, or negate it). */
export const ORDER_FILTERS = ["with", "without"] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];
export const ORDER_FILTER_LABELS: Record<OrderFilter, string> = { with: "Has orders", without: "No orders" };

/** The URL's parameter of each filter: the page reads them, its filters and the export link write them. */
export const SEARCH_TERM_URL_KEYS = ["profile", "range", "q", "minClicks", "orders", "sort", "dir", "page"] as const;
/** The export's: the page's filters with the days the page showed (not a preset, which moves at midnight). */
export const SEARCH_TERM_EXPORT_KEYS = ["profile", "from", "to", "q", "minClicks", "orders", "sort", "dir"] as const;

export interface SearchTermUrlFilters {
  adProfileId: string;
  search?: string;
  minClicks?: number;
  orders?: OrderFilter;
  sort?: SearchTermSortKey;
  dir?: "asc" | "desc";
}

/** The export link of what the page shows: its filters and its days. */
export function searchTermExportUrl(f: SearchTermUrlFilters, days: { from: string; to: string }): URLSearchParams {
  const params = new URLSearchParams({ profile: f.adProfileId, from: days.from, to: days.to });
  if (f.search) params.set("q", f.search);
  if (f.minClicks !== undefined) params.set("minClicks", String(f.minClicks));
  if (f.orders) params.set("orders", f.orders);
  if (f.sort) params.set("sort", f.sort);
  if (f.dir) params.set("dir", f.dir);
  return params;
}

/** An ASIN searched for (product targeting shows them as search terms): it is negated or targeted as a product. */
export const isAsin = (term: string) => /^b0[a-z0-9]{8}$/i.test(term.trim());
