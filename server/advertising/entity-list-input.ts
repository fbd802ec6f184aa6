import { z } from "zod";
import { dayRange } from "~/server/validation/day";
import { ENTITY_SORT_KEYS, STATE_FILTERS, TARGETING_FILTERS, type ENTITY_URL_KEYS } from "./vocabulary";

/** An ad profile and a range of its local days: a preset's length or explicit days. */
export const profileRange = z.union([
  z.object({ adProfileId: z.uuid(), days: z.number().int().min(1).max(95) }),
  z.intersection(z.object({ adProfileId: z.uuid() }), dayRange),
]);

/** Amazon's ids of campaigns and ad groups (numbers as text). */
const amazonId = z.string().max(40);

/** What narrows and orders an entity table; the URL holds each of them (`entityFiltersFromUrl`). */
export const entityListFilters = z.object({
  /** Only the entities of one campaign, or of one ad group (the drill-down pages). */
  campaignId: amazonId.optional(),
  adGroupId: amazonId.optional(),
  state: z.enum(STATE_FILTERS).optional(),
  /** Archived entities are hidden unless asked for (or the state filter is Archived). */
  archived: z.boolean().optional(),
  /** Keywords only, or non-keyword targets only (the Keywords & targets table). */
  targeting: z.enum(TARGETING_FILTERS).optional(),
  /** A name, keyword, targeting, SKU or ASIN (part of it), or an entity's id. */
  search: z.string().trim().max(100).optional(),
  sort: z.enum(ENTITY_SORT_KEYS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(500).default(100),
});

export const entityListInput = z.intersection(profileRange, entityListFilters);
export type EntityListInput = z.infer<typeof entityListInput>;

type UrlValues = Partial<Record<(typeof ENTITY_URL_KEYS)[number], string>>;

/**
 * An entity table's input from its page's URL and route: a value edited by hand into something unfit is
 * left out (its default applies) rather than failing the page.
 */
export function entityInputFromUrl(
  range: { adProfileId: string; days: number },
  url: UrlValues,
  parents: { campaignId?: string; adGroupId?: string } = {},
): z.output<typeof entityListInput> {
  const fit = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const f = entityListFilters.shape;
  return {
    ...range,
    ...parents,
    state: fit(f.state, url.state),
    archived: url.archived === "1" ? true : undefined,
    targeting: fit(f.targeting, url.type),
    search: fit(f.search, url.q) || undefined,
    sort: fit(f.sort, url.sort),
    dir: fit(f.dir, url.dir),
    page: fit(f.page, Number(url.page)) ?? 1,
    pageSize: 100,
  };
}
