import { LIST_RANGES } from "./ranges";

/** The URL parameters every list page keeps its filters in; its CSV export link carries the same. */
export const LIST_URL_KEYS = ["range", "from", "to", "scope", "q", "sort", "dir", "page"] as const;
type ListUrl = Partial<Record<string, string>>;
const RANGE_IDS = new Set<string>(LIST_RANGES.map((r) => r.id));

/** What of a list's definition its URL depends on: whether it has a date filter, and its own filters. */
export interface ListUrlShape {
  hasDay: boolean;
  filters: readonly { key: string; options: readonly { value: string }[] | "distinct" }[];
  /** Numbers the seller sets for computed columns (lists without any have none). */
  settings?: readonly { key: string; min: number; max: number }[];
}

/** A list's URL parameters: the common ones, then one per enumerated filter and per setting (named by its key). */
export const listUrlKeys = (shape: ListUrlShape): string[] => [...LIST_URL_KEYS, ...shape.filters.map((f) => f.key), ...(shape.settings ?? []).map((s) => s.key)];

/** A setting's URL text as a number; anything else (words, blanks) as text the input refuses. */
const settingValue = (text: string) => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN);

/**
 * The URL's values under the filters' names (`q` is the search, `scope` the marketplace or store, each
 * enumerated filter its own key), unchecked. A list without a day reads no range: it has none.
 */
export function listUrlValues(url: ListUrl, shape: ListUrlShape = { hasDay: true, filters: [] }) {
  const chosen = shape.filters.flatMap((f) => (url[f.key] ? [[f.key, url[f.key]!] as const] : []));
  const set = (shape.settings ?? []).flatMap((s) => (url[s.key] ? [[s.key, settingValue(url[s.key]!)] as const] : []));
  return {
    ...(shape.hasDay ? { range: url.range, from: url.from, to: url.to } : {}),
    scopeId: url.scope,
    search: url.q,
    ...(chosen.length ? { filters: Object.fromEntries(chosen) } : {}),
    ...(set.length ? { settings: Object.fromEntries(set) } : {}),
    sort: url.sort,
    dir: url.dir,
  };
}

/**
 * A list page's filters as its URL says them; what does not fit is left out (a page always shows something).
 * The export reads the same values strictly, refusing what does not fit.
 */
export function listFiltersFromUrl(url: ListUrl, defaultRange?: string, shape: ListUrlShape = { hasDay: true, filters: [] }) {
  const v = listUrlValues(url, shape);
  const chosen = shape.filters.flatMap((f) => {
    const value = v.filters?.[f.key];
    if (!value) return [];
    const fits = f.options === "distinct" ? value.trim().length <= 60 : f.options.some((o) => o.value === value);
    return fits ? [[f.key, f.options === "distinct" ? value.trim() : value] as const] : [];
  });
  const settings = (shape.settings ?? []).flatMap((s) => {
    const value = v.settings?.[s.key];
    return value !== undefined && Number.isInteger(value) && value >= s.min && value <= s.max ? [[s.key, value] as const] : [];
  });
  return {
    range: !shape.hasDay ? undefined : v.range && RANGE_IDS.has(v.range) ? v.range : defaultRange,
    settings: settings.length ? Object.fromEntries(settings) : undefined,
    scopeId: v.scopeId && /^[0-9a-f-]{36}$/i.test(v.scopeId) ? v.scopeId : undefined,
    search: v.search?.trim().slice(0, 60) || undefined,
    filters: chosen.length ? Object.fromEntries(chosen) : undefined,
    sort: v.sort && /^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(v.sort) ? v.sort : undefined,
    dir: v.dir === "desc" ? ("desc" as const) : v.dir === "asc" ? ("asc" as const) : undefined,
  };
}
