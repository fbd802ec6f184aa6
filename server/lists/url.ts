import { LIST_RANGES } from "./ranges";

/** The URL parameters a list page keeps its filters in; its CSV export link carries the same. */
export const LIST_URL_KEYS = ["range", "from", "to", "scope", "q", "sort", "dir", "page"] as const;
type ListUrl = Partial<Record<(typeof LIST_URL_KEYS)[number], string>>;
const RANGE_IDS = new Set<string>(LIST_RANGES.map((r) => r.id));

/** The URL's values under the filters' names (`q` is the search, `scope` the marketplace or store), unchecked. */
export function listUrlValues(url: ListUrl) {
  return { range: url.range, from: url.from, to: url.to, scopeId: url.scope, search: url.q, sort: url.sort, dir: url.dir };
}

/**
 * A list page's filters as its URL says them; what does not fit is left out (a page always shows something).
 * The export reads the same values strictly, refusing what does not fit.
 */
export function listFiltersFromUrl(url: ListUrl, defaultRange?: string) {
  const v = listUrlValues(url);
  return {
    range: v.range && RANGE_IDS.has(v.range) ? v.range : defaultRange,
    scopeId: v.scopeId && /^[0-9a-f-]{36}$/i.test(v.scopeId) ? v.scopeId : undefined,
    search: v.search?.trim().slice(0, 60) || undefined,
    sort: v.sort && /^[a-zA-Z]{1,40}$/.test(v.sort) ? v.sort : undefined,
    dir: v.dir === "desc" ? ("desc" as const) : v.dir === "asc" ? ("asc" as const) : undefined,
  };
}
