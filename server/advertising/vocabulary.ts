import type { AdChangeResult, AdChangeSource, AdEntityKind, AdEntityState } from "~/db/schema";

/*
 * The Advertising module's words and keys, shared by its pages, its queries and its CSV: free of server
 * modules (only types are imported), so client components can bundle it.
 */

/** The entity tables of the module, each a tab (the history is a tab of its own). */
export const ENTITY_LISTS = ["campaigns", "adGroups", "targets", "products", "negatives"] as const;
export type EntityListKey = (typeof ENTITY_LISTS)[number];

/** The state filter: the seller's three states, and the rows the report shows before the entity is synced. */
export const STATE_FILTERS = ["enabled", "paused", "archived", "unsynced"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export const STATE_FILTER_LABELS: Record<StateFilter, string> = {
  enabled: "Enabled",
  paused: "Paused",
  archived: "Archived",
  unsynced: "Not synced yet",
};

export const ENTITY_SORT_KEYS = [
  "name",
  "state",
  "budget",
  "defaultBid",
  "bid",
  "matchType",
  "impressions",
  "clicks",
  "ctr",
  "spend",
  "cpc",
  "orders",
  "sales",
  "acos",
  "roas",
  "cvr",
] as const;
export type EntitySortKey = (typeof ENTITY_SORT_KEYS)[number];

/** The URL's parameter of each list filter: the page reads them, the links and filters write them. */
export const ENTITY_URL_KEYS = ["profile", "range", "state", "archived", "type", "q", "sort", "dir", "page"] as const;

/** The Keywords & targets table shows both, or keywords only, or non-keyword (product, category, auto) targets only. */
export const TARGETING_FILTERS = ["keywords", "targets"] as const;
export type TargetingFilter = (typeof TARGETING_FILTERS)[number];
export const TARGETING_FILTER_LABELS: Record<TargetingFilter, string> = { keywords: "Keywords", targets: "Non-keyword targets" };

export const STATE_LABELS: Record<AdEntityState, string> = { ENABLED: "Enabled", PAUSED: "Paused", ARCHIVED: "Archived" };

export const KIND_LABELS: Record<AdEntityKind, string> = {
  campaign: "Campaign",
  adGroup: "Ad group",
  productAd: "Product ad",
  keyword: "Keyword",
  target: "Product target",
  negativeKeyword: "Negative keyword",
  negativeTarget: "Negative product target",
  campaignNegativeKeyword: "Campaign negative keyword",
  campaignNegativeTarget: "Campaign negative product target",
};
/** Every kind, for the browser (the schema's list is server code); the record above names each one. */
export const KIND_KEYS = Object.keys(KIND_LABELS) as AdEntityKind[];

/** Amazon's bidding strategies as Seller Central names them. */
export const BIDDING_STRATEGY_LABELS: Record<string, string> = {
  LEGACY_FOR_SALES: "Dynamic bids - down only",
  AUTO_FOR_SALES: "Dynamic bids - up and down",
  MANUAL: "Fixed bids",
  RULE_BASED: "Rule-based bidding",
};

export const TARGETING_TYPE_LABELS: Record<string, string> = { AUTO: "Automatic", MANUAL: "Manual" };

export const MATCH_TYPE_LABELS: Record<string, string> = {
  EXACT: "Exact",
  PHRASE: "Phrase",
  BROAD: "Broad",
  NEGATIVE_EXACT: "Negative exact",
  NEGATIVE_PHRASE: "Negative phrase",
  TARGETING_EXPRESSION: "Product",
  TARGETING_EXPRESSION_PREDEFINED: "Automatic",
};

/** Amazon's words for a value, or the value itself when Amazon adds one this list does not know yet. */
export const labelOf = (labels: Record<string, string>, value: string | null | undefined) => (value ? (labels[value] ?? value) : null);

export const SOURCE_LABELS: Record<AdChangeSource, string> = { seller_central: "Seller Central", app: "In the app" };
export const SOURCE_KEYS = Object.keys(SOURCE_LABELS) as AdChangeSource[];

export const RESULT_LABELS: Record<AdChangeResult, string> = { detected: "Detected by a sync", applied: "Applied by Amazon", failed: "Refused by Amazon" };

/** The history's fields in the seller's words ("created" is the row of a new entity). */
export const FIELD_LABELS: Record<string, string> = {
  created: "Created",
  state: "Status",
  name: "Name",
  budget: "Daily budget",
  defaultBid: "Default bid",
  bid: "Bid",
  biddingStrategy: "Bidding strategy",
  placementTop: "Top of search (first page)",
  placementProductPage: "Product pages",
  placementRestOfSearch: "Rest of search",
  placementAmazonBusiness: "Amazon Business",
  endDate: "End date",
};
export const FIELD_KEYS = Object.keys(FIELD_LABELS);

/** Fields whose values are money in the profile's currency, and bid adjustments in percent. */
export const MONEY_FIELDS = new Set(["budget", "defaultBid", "bid"]);
export const PERCENT_FIELDS = new Set(["placementTop", "placementProductPage", "placementRestOfSearch", "placementAmazonBusiness"]);

export const HISTORY_URL_KEYS = ["profile", "kind", "source", "field", "page"] as const;

/** A history's filters as the URL parameters of its page and its export link. */
export function historyFiltersToUrl(f: { adProfileId: string; kind?: string; source?: string; field?: string }): URLSearchParams {
  const params = new URLSearchParams({ profile: f.adProfileId });
  if (f.kind) params.set("kind", f.kind);
  if (f.source) params.set("source", f.source);
  if (f.field) params.set("field", f.field);
  return params;
}
