import { z } from "zod";
import { localDay } from "~/server/validation/day";
import { DEFAULT_SUMMARY_RANGE, SUMMARY_RANGES } from "./ranges";
import { SUMMARY_SORT_KEYS, type SummaryFilters } from "./summary";

/** What the summary page (and its CSV export) is asked for: the same filters select the same days in both. */
const fields = z.object({
    range: z.enum(SUMMARY_RANGES.map((r) => r.id) as [string, ...string[]]).optional(),
    from: localDay.optional(),
    to: localDay.optional(),
    scopeId: z.uuid().optional(),
    differencesOnly: z.boolean().optional(),
    sort: z.enum(SUMMARY_SORT_KEYS).optional(),
    dir: z.enum(["asc", "desc"]).optional(),
});

export const summaryFilters = fields.refine((f) => !f.from || !f.to || f.from <= f.to, { error: "The start date must not be after the end date.", path: ["to"] });

export const summaryPageInput = summaryFilters.and(
  z.object({ page: z.number().int().min(1).max(100_000).default(1), pageSize: z.number().int().min(10).max(200).default(50) }),
);

export type SummaryFiltersInput = z.infer<typeof summaryFilters>;

/** The query's filters: an explicit range wins over a preset; no range at all is the default preset. */
export function toSummaryFilters(f: SummaryFiltersInput): SummaryFilters {
  const days = f.from || f.to ? undefined : SUMMARY_RANGES.find((r) => r.id === (f.range ?? DEFAULT_SUMMARY_RANGE))?.days;
  return { days, from: f.from, to: f.to, storeMarketplaceId: f.scopeId, differencesOnly: f.differencesOnly, sort: f.sort, dir: f.dir };
}

/** The URL's parameters of the page (strings), as the input: the page and the export read them alike. */
export function summaryInputFromUrl(url: Record<string, string | undefined>): SummaryFiltersInput {
  const raw = { range: url.range, from: url.from, to: url.to, scopeId: url.scope, differencesOnly: url.diff === "1" ? true : undefined, sort: url.sort, dir: url.dir };
  // A value edited by hand into something unfit is left out (its default applies) rather than failing the page.
  const kept = Object.fromEntries(Object.entries(raw).filter(([key, value]) => value !== undefined && fields.shape[key as keyof typeof raw].safeParse(value).success));
  const parsed = summaryFilters.safeParse(kept);
  return parsed.success ? parsed.data : { ...kept, to: undefined };
}

export const SUMMARY_URL_KEYS = ["range", "from", "to", "scope", "diff", "sort", "dir", "page"] as const;
