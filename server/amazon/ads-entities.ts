import type { AdEntityKind } from "~/db/schema";
import { amazonHosts, type Region } from "./endpoints";
import { amazonRequest, type AmazonCaller } from "./request";

/*
 * Sponsored Products v3 entity operations (SponsoredProducts_prod_3p.json). Amazon's names are not uniform
 * across kinds — the array key, the id filter and the media type differ — so each kind's are written down.
 */
export interface AdEntityEndpoint {
  /** The id field of a 207 answer's success item (not always the entity's own). */
  successId: string;
  /** Path segment: /sp/<plural>/list. */
  plural: string;
  /** The array key of request and response bodies. */
  bodyKey: string;
  /** The entity's id field. */
  idField: string;
  /** The id filter of list and delete bodies. */
  idFilter: string;
  /** The kind's own media type: application/vnd.sp<Media>.v3+json. */
  media: string;
}

const endpoint = (plural: string, bodyKey: string, idField: string, idFilter: string, media: string, successId = idField): AdEntityEndpoint => ({ plural, bodyKey, idField, idFilter, media, successId });

export const AD_ENTITY_ENDPOINTS: Record<AdEntityKind, AdEntityEndpoint> = {
  campaign: endpoint("campaigns", "campaigns", "campaignId", "campaignIdFilter", "Campaign"),
  adGroup: endpoint("adGroups", "adGroups", "adGroupId", "adGroupIdFilter", "AdGroup"),
  productAd: endpoint("productAds", "productAds", "adId", "adIdFilter", "ProductAd"),
  keyword: endpoint("keywords", "keywords", "keywordId", "keywordIdFilter", "Keyword"),
  target: endpoint("targets", "targetingClauses", "targetId", "targetIdFilter", "TargetingClause"),
  negativeKeyword: endpoint("negativeKeywords", "negativeKeywords", "keywordId", "negativeKeywordIdFilter", "NegativeKeyword", "negativeKeywordId"),
  negativeTarget: endpoint("negativeTargets", "negativeTargetingClauses", "targetId", "negativeTargetIdFilter", "NegativeTargetingClause"),
  campaignNegativeKeyword: endpoint("campaignNegativeKeywords", "campaignNegativeKeywords", "keywordId", "campaignNegativeKeywordIdFilter", "CampaignNegativeKeyword", "campaignNegativeKeywordId"),
  campaignNegativeTarget: endpoint("campaignNegativeTargets", "campaignNegativeTargetingClauses", "targetId", "campaignNegativeTargetIdFilter", "CampaignNegativeTargetingClause", "campaignNegativeTargetingClauseId"),
};

export const mediaType = (kind: AdEntityKind) => `application/vnd.sp${AD_ENTITY_ENDPOINTS[kind].media}.v3+json`;

/** Amazon accepts at most 1000 ids in one id filter. */
export const MAX_IDS_PER_FILTER = 1000;
/** Entities asked for per page (Amazon's own maximum is larger; pages this size keep a step short). */
const PAGE_SIZE = 1000;

export interface AdEntityPage {
  items: Array<Record<string, unknown>>;
  nextToken: string | null;
}

/**
 * One page of a kind's entities, in every state (archived ones are listed only when asked for, and an
 * entity archived in Seller Central is a change the product must see), optionally only the ids given.
 */
export async function listAdEntities(
  caller: AmazonCaller,
  region: Region,
  kind: AdEntityKind,
  args: { ids?: string[]; nextToken?: string | null },
): Promise<AdEntityPage> {
  const e = AD_ENTITY_ENDPOINTS[kind];
  if (args.ids && args.ids.length > MAX_IDS_PER_FILTER) throw new Error(`At most ${MAX_IDS_PER_FILTER} ids per ${e.plural} listing`);
  const body: Record<string, unknown> = {
    stateFilter: { include: ["ENABLED", "PAUSED", "ARCHIVED"] },
    includeExtendedDataFields: true,
    maxResults: PAGE_SIZE,
  };
  if (args.ids) body[e.idFilter] = { include: args.ids };
  if (args.nextToken) body.nextToken = args.nextToken;
  const response = await amazonRequest(caller, {
    api: "ads-api",
    operation: `list_${e.plural}`,
    url: `${amazonHosts(region).adsApi}/sp/${e.plural}/list`,
    init: { method: "POST", headers: { "content-type": mediaType(kind), accept: mediaType(kind) }, body: JSON.stringify(body) },
  });
  const json = (await response.json()) as Record<string, unknown>;
  const items = json[e.bodyKey];
  if (!Array.isArray(items)) throw new Error(`Amazon's ${e.plural} listing has no "${e.bodyKey}" array`);
  return { items: items as Array<Record<string, unknown>>, nextToken: typeof json.nextToken === "string" && json.nextToken ? json.nextToken : null };
}
