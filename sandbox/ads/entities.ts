// Sponsored Products entity records shared by the API, the console-edit
// control routes, the metrics generator and the ground truth.

export type EntityKind = "campaign" | "adGroup" | "keyword" | "target" | "productAd" | "negativeKeyword" | "negativeTarget" | "campaignNegativeKeyword" | "campaignNegativeTarget";

export type State = "ENABLED" | "PAUSED" | "ARCHIVED";

export interface Predicate { type: string; value?: string }

/** Where a campaign's bid is raised (SponsoredProductsPlacement in the SP v3 model). */
export const PLACEMENTS = ["PLACEMENT_TOP", "PLACEMENT_PRODUCT_PAGE", "PLACEMENT_REST_OF_SEARCH", "SITE_AMAZON_BUSINESS"] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** A placement bid adjustment: the bid is raised by `percentage` % (an integer, 0..900) there. */
export interface PlacementBid { placement: Placement; percentage: number }

export const MAX_PLACEMENT_PERCENTAGE = 900;

/** Campaign bidding strategies of the create/update model (RULE_BASED included: the model accepts it). */
export const BIDDING_STRATEGIES = ["LEGACY_FOR_SALES", "AUTO_FOR_SALES", "MANUAL", "RULE_BASED"] as const;

/** Amazon's four auto-targeting clauses, created with every ad group of an AUTO campaign. */
export const AUTO_TARGET_TYPES = ["QUERY_HIGH_REL_MATCHES", "QUERY_BROAD_REL_MATCHES", "ASIN_SUBSTITUTE_RELATED", "ASIN_ACCESSORY_RELATED"] as const;

export interface Entity {
  kind: EntityKind;
  id: string;
  campaignId: string;
  adGroupId?: string;
  state: State;
  name?: string;
  /** Minor units of the profile currency (bid, default bid or daily budget). */
  money?: number;
  text?: string;
  matchType?: string;
  expression?: Predicate[];
  expressionType?: "AUTO" | "MANUAL";
  targetingType?: "AUTO" | "MANUAL";
  sku?: string;
  asin?: string;
  startDate?: string;
  endDate?: string;
  biddingStrategy?: string;
  /** Campaigns: placement bid adjustments, in the order they were given. */
  placements?: PlacementBid[];
  createdMs: number;
  updatedMs: number;
  /**
   * Every state change, the state it had before the first one leading (at createdMs); absent while it never
   * changed. Traffic follows the state of each day (metrics.ts servesOn), so a later edit moves no past day.
   */
  stateLog?: Array<{ ms: number; state: State }>;
  /** Local day from which the entity receives impressions (console/API-created entities start the next day). */
  firstImpressionDay: string;
  /** Base traffic level used by the metrics generator. */
  weight: number;
}

export interface EntityTypeSpec {
  kind: EntityKind;
  /** Path segment, e.g. "targets". */
  plural: string;
  /** Array key in request and response bodies, e.g. "targetingClauses". */
  bodyKey: string;
  /** Id field inside the entity object. */
  idField: string;
  /** Id filter name in list and delete bodies, e.g. "negativeTargetIdFilter". */
  idFilter: string;
  /** Keys of a 207 success item (Amazon's names vary per type). */
  successId: string;
  successObj: string;
  /** Keyword text filter name, for keyword-like types. */
  textFilter?: string;
  contentType: string;
  entityType: string;
}

const spec = (kind: EntityKind, plural: string, bodyKey: string, idField: string, idFilter: string, successId: string, successObj: string, media: string, entityType: string, textFilter?: string): EntityTypeSpec => {
  const s: EntityTypeSpec = { kind, plural, bodyKey, idField, idFilter, successId, successObj, contentType: `application/vnd.sp${media}.v3+json`, entityType };
  if (textFilter) s.textFilter = textFilter;
  return s;
};

// Names checked against SponsoredProducts_prod_3p.json (they are not uniform).
export const ENTITY_TYPES: EntityTypeSpec[] = [
  spec("campaign", "campaigns", "campaigns", "campaignId", "campaignIdFilter", "campaignId", "campaign", "Campaign", "CAMPAIGN"),
  spec("adGroup", "adGroups", "adGroups", "adGroupId", "adGroupIdFilter", "adGroupId", "adGroup", "AdGroup", "AD_GROUP"),
  spec("keyword", "keywords", "keywords", "keywordId", "keywordIdFilter", "keywordId", "keyword", "Keyword", "KEYWORD", "keywordTextFilter"),
  spec("target", "targets", "targetingClauses", "targetId", "targetIdFilter", "targetId", "targetingClause", "TargetingClause", "TARGETING_CLAUSE"),
  spec("productAd", "productAds", "productAds", "adId", "adIdFilter", "adId", "productAd", "ProductAd", "PRODUCT_AD"),
  spec("negativeKeyword", "negativeKeywords", "negativeKeywords", "keywordId", "negativeKeywordIdFilter", "negativeKeywordId", "negativeKeyword", "NegativeKeyword", "NEGATIVE_KEYWORD", "negativeKeywordTextFilter"),
  spec("negativeTarget", "negativeTargets", "negativeTargetingClauses", "targetId", "negativeTargetIdFilter", "targetId", "negativeTargetingClause", "NegativeTargetingClause", "NEGATIVE_TARGETING_CLAUSE"),
  spec("campaignNegativeKeyword", "campaignNegativeKeywords", "campaignNegativeKeywords", "keywordId", "campaignNegativeKeywordIdFilter", "campaignNegativeKeywordId", "campaignNegativeKeyword", "CampaignNegativeKeyword", "CAMPAIGN_NEGATIVE_KEYWORD", "campaignNegativeKeywordTextFilter"),
  spec("campaignNegativeTarget", "campaignNegativeTargets", "campaignNegativeTargetingClauses", "targetId", "campaignNegativeTargetIdFilter", "campaignNegativeTargetingClauseId", "campaignNegativeTargetingClauses", "CampaignNegativeTargetingClause", "CAMPAIGN_NEGATIVE_TARGETING_CLAUSE"),
];

export function typeSpec(kind: EntityKind): EntityTypeSpec {
  const s = ENTITY_TYPES.find((t) => t.kind === kind);
  if (!s) throw new Error(`unknown entity kind ${kind}`);
  return s;
}

export function expressionText(e: Predicate[] | undefined): string {
  return (e ?? []).map((p) => (p.value !== undefined ? `${p.type.toLowerCase().replace(/_/g, "-").replace(/-same-as$/, "")}="${p.value}"` : p.type.toLowerCase().replace(/_/g, "-"))).join(" ");
}
