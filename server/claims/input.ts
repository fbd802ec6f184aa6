import { z } from "zod";
import { CLAIM_KINDS } from "~/db/schema/claims";
import { CLAIM_STATUSES, type ClaimStatus } from "./status";
import { CLAIM_SORT_KEYS, CLAIM_TAB_KEYS, CLAIM_URL_FIELDS } from "./tabs";

/** What narrows the cases everywhere on the page (totals, calendar, list and export alike). */
export const claimScopeFilters = z.object({
  /** A store marketplace. */
  scopeId: z.uuid().optional(),
  kind: z.enum(CLAIM_KINDS).optional(),
  /** SKU, FNSKU, ASIN, title, order or shipment id (both live in the case's source reference), Amazon case id. */
  search: z.string().trim().max(60).optional(),
});

/** The list's (and the export's) filters: the scope, then a tab and, inside it, one status. */
export const claimListFilters = claimScopeFilters.extend({
  tab: z.enum(CLAIM_TAB_KEYS).optional(),
  status: z.enum(CLAIM_STATUSES as [ClaimStatus, ...ClaimStatus[]]).optional(),
  sort: z.enum(CLAIM_SORT_KEYS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
});

export const claimListInput = claimListFilters.extend({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});

export type ClaimScopeFilters = z.infer<typeof claimScopeFilters>;
export type ClaimListFilters = z.infer<typeof claimListFilters>;

type Field = keyof typeof CLAIM_URL_FIELDS;

/** The filters the URL's parameters name, as given (the export refuses an unfit one). */
export function claimFiltersInUrl(url: Partial<Record<string, string | null>>): Partial<Record<Field, string>> {
  const given: Partial<Record<Field, string>> = {};
  for (const [field, key] of Object.entries(CLAIM_URL_FIELDS)) {
    const value = url[key];
    if (value) given[field as Field] = value;
  }
  return given;
}

/** The page's filters: a value edited by hand into something unfit is left out (its default applies) rather than failing the page. */
export function claimFiltersFromUrl(url: Partial<Record<string, string | null>>): ClaimListFilters {
  const fit = Object.entries(claimFiltersInUrl(url)).filter(([field, value]) => claimListFilters.shape[field as Field].safeParse(value).success);
  return claimListFilters.parse(Object.fromEntries(fit));
}
