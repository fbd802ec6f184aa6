import { z } from "zod";
import { AD_ENTITY_KINDS } from "~/db/schema";
import type { HISTORY_URL_KEYS } from "./vocabulary";

/** What narrows an ad profile's change history: the page, its export and the URL hold the same filters. */
export const historyFilters = z.object({
  adProfileId: z.uuid(),
  kind: z.enum(AD_ENTITY_KINDS).optional(),
  source: z.enum(["seller_central", "app"]).optional(),
  /** A field of the history (`budget`, `state`, …, or `created`). */
  field: z
    .string()
    .regex(/^[a-zA-Z]{1,40}$/)
    .optional(),
});
export type HistoryFilters = z.infer<typeof historyFilters>;

export const historyInput = historyFilters.extend({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});

type UrlValues = Partial<Record<(typeof HISTORY_URL_KEYS)[number], string | null>>;

/** The filters a history URL names, as given: the export refuses an unfit one with a plain message. */
export function historyFiltersInUrl(url: UrlValues) {
  return { adProfileId: url.profile ?? undefined, kind: url.kind || undefined, source: url.source || undefined, field: url.field || undefined };
}

/** The page's filters: a value edited by hand into something unfit is left out rather than failing the page. */
export function historyInputFromUrl(adProfileId: string, url: UrlValues): z.output<typeof historyInput> {
  const given = historyFiltersInUrl(url);
  const fit = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const shape = historyFilters.shape;
  const page = Number(url.page);
  return {
    adProfileId,
    kind: fit(shape.kind, given.kind),
    source: fit(shape.source, given.source),
    field: fit(shape.field, given.field),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize: 50,
  };
}
