import { z } from "zod";
import type { AdEntityKind, AdEntityState, AdTargetingPredicate } from "~/db/schema";
import { AD_ENTITY_ENDPOINTS } from "~/server/amazon/ads-entities";

/** One entity as the product stores it (ad_entities without the organization, profile and bookkeeping). */
export interface AdEntityRow {
  kind: AdEntityKind;
  entityId: string;
  campaignId: string;
  adGroupId: string | null;
  state: AdEntityState;
  name: string | null;
  budget: string | null;
  defaultBid: string | null;
  bid: string | null;
  targetingType: string | null;
  biddingStrategy: string | null;
  placementTop: number | null;
  placementProductPage: number | null;
  placementRestOfSearch: number | null;
  placementAmazonBusiness: number | null;
  startDate: string | null;
  endDate: string | null;
  keywordText: string | null;
  matchType: string | null;
  expression: AdTargetingPredicate[] | null;
  expressionType: string | null;
  sku: string | null;
  asin: string | null;
  servingStatus: string | null;
  amazonCreatedAt: string | null;
  amazonUpdatedAt: string | null;
}

const id = z.union([z.string(), z.number()]).transform(String);
const optionalText = z.string().nullish().transform((v) => v ?? null);
/** Amazon sends money as a JSON number in the profile's currency; kept as an exact decimal string. */
const money = z
  .number()
  .finite()
  .nonnegative()
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : decimal(v)));
const predicate = z.object({ type: z.string(), value: z.string().optional() });

const entity = z.object({
  campaignId: id,
  adGroupId: id.nullish(),
  state: z.enum(["ENABLED", "PAUSED", "ARCHIVED", "ENABLING", "USER_DELETED", "PROPOSED", "OTHER"]),
  name: optionalText,
  budget: z.object({ budget: z.number().finite().nonnegative(), budgetType: z.string().optional() }).nullish(),
  defaultBid: money,
  bid: money,
  targetingType: optionalText,
  dynamicBidding: z
    .object({
      strategy: z.string().optional(),
      placementBidding: z.array(z.object({ placement: z.string(), percentage: z.number().int().min(0).max(900) })).optional(),
    })
    .nullish(),
  startDate: optionalText,
  endDate: optionalText,
  keywordText: optionalText,
  matchType: optionalText,
  expression: z.array(predicate).nullish(),
  expressionType: optionalText,
  sku: optionalText,
  asin: optionalText,
  extendedData: z
    .object({ servingStatus: z.string().optional(), creationDateTime: z.string().optional(), lastUpdateDateTime: z.string().optional() })
    .nullish(),
});

/** A JSON number's exact decimal form (never via a float product such as × 100). */
function decimal(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(4) : s;
}

/** States Amazon may report that are not the seller's three: shown as Amazon says them, grouped as paused. */
function stateOf(state: z.infer<typeof entity>["state"]): AdEntityState {
  return state === "ENABLED" || state === "ARCHIVED" ? state : "PAUSED";
}

/**
 * An entity of Amazon's v3 listing as a row, or a clear error naming the entity: a malformed record is
 * refused whole (nothing half-written), never guessed at.
 */
export function adEntityFromAmazon(kind: AdEntityKind, raw: Record<string, unknown>): AdEntityRow {
  const ownId = raw[AD_ENTITY_ENDPOINTS[kind].idField];
  const parsed = entity.safeParse(raw);
  if (!parsed.success || ownId === undefined || ownId === null) {
    const problem = parsed.success ? `no ${AD_ENTITY_ENDPOINTS[kind].idField}` : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Amazon sent an entity the product cannot read (${kind} ${String(ownId ?? "without id")}): ${problem}`);
  }
  const e = parsed.data;
  const placement = (name: string) => e.dynamicBidding?.placementBidding?.find((p) => p.placement === name)?.percentage ?? null;
  const isCampaign = kind === "campaign";
  return {
    kind,
    entityId: String(ownId),
    campaignId: e.campaignId,
    adGroupId: kind === "campaign" || kind === "campaignNegativeKeyword" || kind === "campaignNegativeTarget" ? null : (e.adGroupId ?? null),
    state: stateOf(e.state),
    name: e.name,
    budget: isCampaign && e.budget ? decimal(e.budget.budget) : null,
    defaultBid: kind === "adGroup" ? e.defaultBid : null,
    bid: kind === "keyword" || kind === "target" ? e.bid : null,
    targetingType: e.targetingType,
    biddingStrategy: isCampaign ? (e.dynamicBidding?.strategy ?? null) : null,
    placementTop: isCampaign ? placement("PLACEMENT_TOP") : null,
    placementProductPage: isCampaign ? placement("PLACEMENT_PRODUCT_PAGE") : null,
    placementRestOfSearch: isCampaign ? placement("PLACEMENT_REST_OF_SEARCH") : null,
    placementAmazonBusiness: isCampaign ? placement("SITE_AMAZON_BUSINESS") : null,
    startDate: e.startDate,
    endDate: e.endDate,
    keywordText: e.keywordText,
    matchType: e.matchType,
    expression: e.expression ?? null,
    expressionType: e.expressionType,
    sku: e.sku,
    asin: e.asin,
    servingStatus: e.extendedData?.servingStatus ?? null,
    amazonCreatedAt: e.extendedData?.creationDateTime ?? null,
    amazonUpdatedAt: e.extendedData?.lastUpdateDateTime ?? null,
  };
}
