import { z } from "zod";
import { dayRange } from "~/server/validation/day";
import { profileRange } from "./entity-list-input";
import { ORDER_FILTERS, SEARCH_TERM_SORT_KEYS, type SEARCH_TERM_EXPORT_KEYS, type SEARCH_TERM_URL_KEYS } from "./search-term-vocabulary";

/** What narrows and orders the Search terms tab; the URL holds each of them. */
export const searchTermFilters = z.object({
  /** Part of the search term (a customer's words or an ASIN). */
  search: z.string().trim().max(100).optional(),
  /** Terms with at least this many clicks in the range: too few clicks say nothing yet. */
  minClicks: z.number().int().min(0).max(10_000_000).optional(),
  orders: z.enum(ORDER_FILTERS).optional(),
  sort: z.enum(SEARCH_TERM_SORT_KEYS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
});
export type SearchTermFilters = z.infer<typeof searchTermFilters>;

const paging = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(500).default(100),
});

export const searchTermInput = z.intersection(profileRange, searchTermFilters.extend(paging.shape));
export type SearchTermInput = z.infer<typeof searchTermInput>;

/** The export's input: explicit days, as the page showed them. */
export const searchTermExportInput = z.intersection(z.intersection(z.object({ adProfileId: z.uuid() }), dayRange), searchTermFilters);
export type SearchTermExportInput = z.infer<typeof searchTermExportInput>;

const fit = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
const clicks = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/**
 * The page's input from its URL: a value edited by hand into something unfit is left out (its default
 * applies) rather than failing the page.
 */
export function searchTermInputFromUrl(range: { adProfileId: string; days: number }, url: Partial<Record<(typeof SEARCH_TERM_URL_KEYS)[number], string>>): z.output<typeof searchTermInput> {
  const f = searchTermFilters.shape;
  return {
    ...range,
    search: fit(f.search, url.q) || undefined,
    minClicks: fit(f.minClicks, clicks(url.minClicks)),
    orders: fit(f.orders, url.orders),
    sort: fit(f.sort, url.sort),
    dir: fit(f.dir, url.dir),
    page: fit(paging.shape.page, Number(url.page)) ?? 1,
    pageSize: 100,
  };
}

/** The export's filters as its URL names them, given as they are: an unfit one is refused in plain words. */
export function searchTermExportFromUrl(url: Partial<Record<(typeof SEARCH_TERM_EXPORT_KEYS)[number], string | null>>) {
  return {
    adProfileId: url.profile ?? undefined,
    from: url.from ?? undefined,
    to: url.to ?? undefined,
    search: url.q || undefined,
    minClicks: url.minClicks ? (/^\d+$/.test(url.minClicks) ? Number(url.minClicks) : url.minClicks) : undefined,
    orders: url.orders || undefined,
    sort: url.sort || undefined,
    dir: url.dir || undefined,
  };
}
