import type { Sandbox } from "../state";
import { localDay } from "../util/time";
import type { Product } from "../world/catalog";
import type { Entity, EntityKind, Predicate } from "./entities";
import { AUTO_TARGET_TYPES, typeSpec } from "./entities";
import type { Body } from "./console-input";
import { amount, bad, existing, expression, oneOf, text } from "./console-input";
import type { AdsProfile } from "./state";

// Entities the seller creates "in Seller Central". Like the API's, they receive impressions from the next local
// day (firstImpressionDay); negatives never do (they are not traffic sources in metrics.ts).

export interface ConsoleRun {
  sb: Sandbox;
  p: AdsProfile;
  now: number;
  /** Ids created by this request, per entity type (path name, e.g. "keywords"). */
  created: Record<string, string[]>;
}

const MATCH_TYPES = ["EXACT", "PHRASE", "BROAD"] as const;
const NEGATIVE_MATCH_TYPES = ["NEGATIVE_EXACT", "NEGATIVE_PHRASE", "NEGATIVE_BROAD"] as const;
/** Manual targeting predicates (SponsoredProductsCreateTargetingExpressionPredicateType). */
const TARGET_TYPES = ["ASIN_SAME_AS", "ASIN_CATEGORY_SAME_AS", "ASIN_BRAND_SAME_AS", "ASIN_PRICE_LESS_THAN", "ASIN_PRICE_BETWEEN", "ASIN_PRICE_GREATER_THAN", "ASIN_REVIEW_RATING_LESS_THAN", "ASIN_REVIEW_RATING_BETWEEN", "ASIN_REVIEW_RATING_GREATER_THAN", "ASIN_IS_PRIME_SHIPPING_ELIGIBLE", "ASIN_AGE_RANGE_SAME_AS", "ASIN_GENRE_SAME_AS", "ASIN_EXPANDED_FROM", "KEYWORD_GROUP_SAME_AS"];
/** Negative targeting predicates (SponsoredProductsCreateOrUpdateNegativeTargetingExpressionPredicateType). */
const NEGATIVE_TARGET_TYPES = ["ASIN_SAME_AS", "ASIN_BRAND_SAME_AS"];

const currency = (r: ConsoleRun) => r.p.marketplace.currency;

function make(r: ConsoleRun, kind: EntityKind, campaignId: string, extra: Partial<Entity>): Entity {
  const ads = r.sb.ads;
  const id = ads.newId(r.p, ads.of(r.p));
  const e: Entity = { kind, id, campaignId: kind === "campaign" ? id : campaignId, state: "ENABLED", createdMs: r.now, updatedMs: r.now, firstImpressionDay: ads.firstDayFor(r.p, r.now), weight: 1, ...extra };
  if (kind === "adGroup") e.adGroupId = id;
  ads.add(r.p, e);
  const plural = typeSpec(kind).plural;
  (r.created[plural] ??= []).push(id);
  return e;
}

/** Live (not archived) entities of a kind under a parent, to refuse duplicates as Seller Central does. */
function siblings(r: ConsoleRun, kind: EntityKind, parent: (e: Entity) => boolean): Entity[] {
  return [...r.sb.ads.list(r.p, kind).values()].filter((e) => e.state !== "ARCHIVED" && parent(e));
}

function adGroupParent(r: ConsoleRun, b: Body): { adGroup: Entity; campaign: Entity } {
  const adGroup = existing(r.sb.ads, r.p, "adGroup", b, "adGroupId");
  const campaign = r.sb.ads.find(r.p, "campaign", adGroup.campaignId);
  if (!campaign || campaign.state === "ARCHIVED") throw bad(`the campaign of ad group ${adGroup.id} is archived`);
  return { adGroup, campaign };
}

function manualOnly(campaign: Entity, what: string): void {
  if (campaign.targetingType === "AUTO") throw bad(`campaign ${campaign.id} is an AUTO campaign: Amazon chooses its targets, so it takes no ${what}`);
}

function autoTargets(r: ConsoleRun, adGroup: Entity): void {
  for (const type of AUTO_TARGET_TYPES) make(r, "target", adGroup.campaignId, { adGroupId: adGroup.id, expression: [{ type }], expressionType: "AUTO", money: adGroup.money });
}

/** The seller's advertisable product of a SKU (an ASIN given with it must be its own). */
function catalogProduct(r: ConsoleRun, sku: string, asin: unknown): Product {
  const seller = r.sb.world.seller(r.p.sellerId);
  const product = seller ? r.sb.world.productBySku(seller, sku) : undefined;
  if (!product) throw bad(`sku ${sku} is not in the seller's catalog`);
  if (product.isParent) throw bad(`sku ${sku} is a variation parent, which cannot be advertised`);
  if (asin !== undefined && asin !== product.asin) throw bad(`asin ${String(asin)} is not the ASIN of sku ${sku} (${product.asin})`);
  return product;
}

function productAd(r: ConsoleRun, adGroup: Entity, product: Product): Entity {
  return make(r, "productAd", adGroup.campaignId, { adGroupId: adGroup.id, sku: product.sku, asin: product.asin });
}

/** Campaign with one ad group: keywords (MANUAL, the default) or Amazon's four auto targets (AUTO); product ads for `skus`. */
export function createCampaign(r: ConsoleRun, b: Body): Entity {
  const auto = b.targetingType === undefined ? false : oneOf(b, "targetingType", ["MANUAL", "AUTO"] as const) === "AUTO";
  const budget = amount(b.budget ?? 20, "budget", currency(r));
  const defaultBid = amount(b.defaultBid ?? 0.75, "defaultBid", currency(r));
  if (b.name !== undefined) text(b, "name");
  if (auto && b.keywords !== undefined) throw bad("keywords are for MANUAL campaigns; an AUTO campaign gets Amazon's auto targets");
  if (Array.isArray(b.keywords) && !b.keywords.every((k) => typeof k === "string" && k.trim())) throw bad("keywords must be non-empty strings");
  if (b.skus !== undefined && (!Array.isArray(b.skus) || !b.skus.every((s) => typeof s === "string"))) throw bad("skus must be an array of SKUs");
  const skus = (b.skus ?? []) as string[];
  if (new Set(skus).size !== skus.length) throw bad("skus lists a SKU twice");
  // Everything is checked before anything is created, so a refused request leaves the account as it was.
  const products = skus.map((sku) => catalogProduct(r, sku, undefined));
  const campaign = make(r, "campaign", "", { targetingType: auto ? "AUTO" : "MANUAL", money: budget, startDate: localDay(r.now, r.p.marketplace.timezone), biddingStrategy: "LEGACY_FOR_SALES", placements: [] });
  campaign.name = typeof b.name === "string" ? b.name.trim() : `Console campaign ${campaign.id.slice(-4)}`;
  const adGroup = make(r, "adGroup", campaign.id, { name: "Ad group 1", money: defaultBid });
  if (auto) autoTargets(r, adGroup);
  else {
    const keywords = Array.isArray(b.keywords) ? (b.keywords as string[]) : ["sandbox console keyword"];
    for (const k of keywords) make(r, "keyword", campaign.id, { adGroupId: adGroup.id, text: k.trim(), matchType: "EXACT", money: defaultBid });
  }
  for (const product of products) productAd(r, adGroup, product);
  return campaign;
}

export function createAdGroup(r: ConsoleRun, b: Body): Entity {
  const campaign = existing(r.sb.ads, r.p, "campaign", b, "campaignId");
  const name = text(b, "name");
  const defaultBid = amount(b.defaultBid, "defaultBid", currency(r));
  if (siblings(r, "adGroup", (e) => e.campaignId === campaign.id).some((e) => e.name === name)) throw bad(`campaign ${campaign.id} already has an ad group named ${name}`);
  const adGroup = make(r, "adGroup", campaign.id, { name, money: defaultBid });
  // An ad group of an AUTO campaign targets with Amazon's auto targets from the start, as in Seller Central.
  if (campaign.targetingType === "AUTO") autoTargets(r, adGroup);
  return adGroup;
}

export function createKeyword(r: ConsoleRun, b: Body): Entity {
  const { adGroup, campaign } = adGroupParent(r, b);
  manualOnly(campaign, "keywords");
  const keywordText = text(b, "keywordText");
  const matchType = oneOf(b, "matchType", MATCH_TYPES);
  const bid = b.bid === undefined ? adGroup.money : amount(b.bid, "bid", currency(r));
  if (siblings(r, "keyword", (e) => e.adGroupId === adGroup.id).some((e) => e.text?.toLowerCase() === keywordText.toLowerCase() && e.matchType === matchType)) throw bad(`ad group ${adGroup.id} already has ${matchType} keyword "${keywordText}"`);
  return make(r, "keyword", campaign.id, { adGroupId: adGroup.id, text: keywordText, matchType, money: bid });
}

const sameExpression = (a: Predicate[] | undefined, b: Predicate[]) => JSON.stringify(a) === JSON.stringify(b);

export function createTarget(r: ConsoleRun, b: Body): Entity {
  const { adGroup, campaign } = adGroupParent(r, b);
  manualOnly(campaign, "product targets");
  const expr = expression(b, TARGET_TYPES);
  const bid = b.bid === undefined ? adGroup.money : amount(b.bid, "bid", currency(r));
  if (siblings(r, "target", (e) => e.adGroupId === adGroup.id).some((e) => sameExpression(e.expression, expr))) throw bad(`ad group ${adGroup.id} already has this target`);
  return make(r, "target", campaign.id, { adGroupId: adGroup.id, expression: expr, expressionType: "MANUAL", money: bid });
}

export function createProductAd(r: ConsoleRun, b: Body): Entity {
  const { adGroup } = adGroupParent(r, b);
  const product = catalogProduct(r, text(b, "sku"), b.asin);
  if (siblings(r, "productAd", (e) => e.adGroupId === adGroup.id).some((e) => e.sku === product.sku)) throw bad(`ad group ${adGroup.id} already advertises sku ${product.sku}`);
  return productAd(r, adGroup, product);
}

export function createNegativeKeyword(r: ConsoleRun, b: Body, level: "adGroup" | "campaign"): Entity {
  const kind = level === "adGroup" ? "negativeKeyword" : "campaignNegativeKeyword";
  const parent = level === "adGroup" ? adGroupParent(r, b) : { campaign: existing(r.sb.ads, r.p, "campaign", b, "campaignId"), adGroup: undefined };
  const keywordText = text(b, "keywordText");
  const matchType = oneOf(b, "matchType", NEGATIVE_MATCH_TYPES);
  const under = (e: Entity) => (parent.adGroup ? e.adGroupId === parent.adGroup.id : e.campaignId === parent.campaign.id);
  if (siblings(r, kind, under).some((e) => e.text?.toLowerCase() === keywordText.toLowerCase() && e.matchType === matchType)) throw bad(`${matchType} negative keyword "${keywordText}" already exists there`);
  const extra: Partial<Entity> = { text: keywordText, matchType };
  if (parent.adGroup) extra.adGroupId = parent.adGroup.id;
  return make(r, kind, parent.campaign.id, extra);
}

export function createNegativeTarget(r: ConsoleRun, b: Body, level: "adGroup" | "campaign"): Entity {
  const kind = level === "adGroup" ? "negativeTarget" : "campaignNegativeTarget";
  const parent = level === "adGroup" ? adGroupParent(r, b) : { campaign: existing(r.sb.ads, r.p, "campaign", b, "campaignId"), adGroup: undefined };
  const expr = expression(b, NEGATIVE_TARGET_TYPES);
  const under = (e: Entity) => (parent.adGroup ? e.adGroupId === parent.adGroup.id : e.campaignId === parent.campaign.id);
  if (siblings(r, kind, under).some((e) => sameExpression(e.expression, expr))) throw bad("this negative target already exists there");
  const extra: Partial<Entity> = { expression: expr };
  if (parent.adGroup) extra.adGroupId = parent.adGroup.id;
  return make(r, kind, parent.campaign.id, extra);
}
