import type { Sandbox } from "../state";
import { minorToNumber } from "../util/money";
import { addDays, dayStartMs } from "../util/time";
import { localPriceMinor } from "../world/catalog";
import type { Entity } from "./entities";
import { expressionText } from "./entities";
import type { Metrics } from "./metrics";
import { addMetrics, observedMetrics, parentServes, servesOn, splitMetrics } from "./metrics";
import type { AdsProfile } from "./state";

export const REPORT_TYPES = ["spCampaigns", "spTargeting", "spAdvertisedProduct", "spSearchTerm"] as const;
export type ReportTypeId = (typeof REPORT_TYPES)[number];

export const GROUP_BY: Record<ReportTypeId, string[][]> = {
  spCampaigns: [["campaign"], ["adGroup", "campaign"], ["adGroup"], ["campaign", "campaignPlacement"], ["campaignPlacement"]],
  spTargeting: [["targeting"]],
  spAdvertisedProduct: [["advertiser"]],
  spSearchTerm: [["searchTerm"]],
};

const METRIC_COLUMNS = ["impressions", "clicks", "cost", "spend", "costPerClick", "clickThroughRate", "purchases1d", "purchases7d", "purchases14d", "purchases30d", "purchasesSameSku1d", "purchasesSameSku7d", "purchasesSameSku14d", "purchasesSameSku30d", "unitsSoldClicks1d", "unitsSoldClicks7d", "unitsSoldClicks14d", "unitsSoldClicks30d", "unitsSoldSameSku1d", "unitsSoldSameSku7d", "unitsSoldSameSku14d", "unitsSoldSameSku30d", "sales1d", "sales7d", "sales14d", "sales30d", "attributedSalesSameSku1d", "attributedSalesSameSku7d", "attributedSalesSameSku14d", "attributedSalesSameSku30d", "salesOtherSku7d", "unitsSoldOtherSku7d", "acosClicks7d", "acosClicks14d", "roasClicks7d", "roasClicks14d", "kindleEditionNormalizedPagesRead14d", "kindleEditionNormalizedPagesRoyalties14d", "date", "startDate", "endDate"];
const CAMPAIGN_COLUMNS = ["campaignId", "campaignName", "campaignStatus", "campaignBudgetAmount", "campaignBudgetCurrencyCode", "campaignBudgetType", "campaignBiddingStrategy", "campaignApplicableBudgetRuleId", "campaignApplicableBudgetRuleName", "campaignRuleBasedBudgetAmount", "portfolioId"];
const ADGROUP_COLUMNS = ["adGroupId", "adGroupName", "adStatus"];
const TARGETING_COLUMNS = ["adGroupId", "adGroupName", "keywordId", "keyword", "keywordBid", "keywordType", "matchType", "targeting", "adKeywordStatus"];

export const COLUMNS: Record<ReportTypeId, string[]> = {
  spCampaigns: [...CAMPAIGN_COLUMNS, ...ADGROUP_COLUMNS, "placementClassification", ...METRIC_COLUMNS],
  spTargeting: [...CAMPAIGN_COLUMNS, ...TARGETING_COLUMNS, ...METRIC_COLUMNS],
  spAdvertisedProduct: [...CAMPAIGN_COLUMNS, "adGroupId", "adGroupName", "adId", "advertisedAsin", "advertisedSku", ...METRIC_COLUMNS],
  spSearchTerm: [...CAMPAIGN_COLUMNS, ...TARGETING_COLUMNS, "searchTerm", ...METRIC_COLUMNS],
};

export interface AdsReportSpec {
  reportTypeId: ReportTypeId;
  groupBy: string[];
  columns: string[];
  timeUnit: "DAILY" | "SUMMARY";
  filters: Array<{ field: string; values: string[] }>;
  startDate: string;
  endDate: string;
}

export type Row = Record<string, unknown>;

/** What a row is about; columns are read from it lazily so only requested ones cost anything. */
interface Src { campaign?: Entity; adGroup?: Entity; leaf?: Entity; ad?: Entity; term?: string; placement?: string; m: Metrics; day: string }

const PLACEMENTS = ["Top of Search on-Amazon", "Detail Page on-Amazon", "Other on-Amazon"];

function keywordType(e: Entity): string {
  if (e.kind === "keyword") return e.matchType ?? "EXACT";
  return e.expressionType === "AUTO" ? "TARGETING_EXPRESSION_PREDEFINED" : "TARGETING_EXPRESSION";
}

/**
 * The product ads of an ad group that share its traffic on a day: one added later only from its first impression
 * day, a paused one no longer. The list itself when all serve (always so for the seeded account, whose split
 * must not move), so the common case allocates nothing.
 */
function servingAds(list: Entity[], day: string, start: number): Entity[] {
  let all = true;
  for (const ad of list) if (!servesOn(ad, day, start)) { all = false; break; }
  if (all) return list;
  const out: Entity[] = [];
  for (const ad of list) if (servesOn(ad, day, start)) out.push(ad);
  return out;
}

const SEARCH_SUFFIX = ["", " for women", " 2 pack", " large", " best"];

/**
 * Streams the rows Amazon would put in the report file, as of `asOf`.
 * Entity-major order; aggregation only where the grouping needs it.
 */
export function* adsRows(sb: Sandbox, p: AdsProfile, spec: AdsReportSpec, asOf: number): Generator<Row> {
  const seed = sb.seed;
  const cur = p.marketplace.currency;
  const ads = sb.ads;
  const seller = sb.world.seller(p.sellerId);
  const catalog = seller ? sb.world.catalog(seller).filter((x) => !x.isParent) : [];
  const sample = catalog.slice(0, 50);
  const avgPrice = sample.length ? Math.round(sample.reduce((a, x) => a + localPriceMinor(x, p.marketplace.priceFactor, cur), 0) / sample.length) : 2000;
  const campaigns = ads.list(p, "campaign");
  const adGroups = ads.list(p, "adGroup");
  const filter = (field: string) => spec.filters.find((f) => f.field === field)?.values;
  const kwTypes = filter("keywordType");
  const campStatus = filter("campaignStatus");
  const kwStatus = filter("adKeywordStatus");
  const days: string[] = [];
  for (let d = spec.startDate; d <= spec.endDate; d = addDays(d, 1)) days.push(d);
  const starts = days.map((d) => dayStartMs(d, p.marketplace.timezone));
  const daily = spec.timeUnit === "DAILY";
  const money = (v: number) => minorToNumber(v, cur);
  const ratio = (a: number, b: number, scale: number) => (b ? Math.round((a / b) * scale) / (scale / 100) : 0);

  // No closures inside the per-cell path: tsx/esbuild wraps every closure with a naming helper.
  const value = (col: string, s: Src): unknown => {
    const m = s.m;
    const share = m.sameSkuShare;
    const c = s.campaign;
    const e = s.leaf;
    switch (col) {
      case "campaignId": return Number(c?.id ?? 0);
      case "campaignName": return c?.name ?? "";
      case "campaignStatus": return c?.state ?? "ENABLED";
      case "campaignBudgetAmount": return money(c?.money ?? 0);
      case "campaignBudgetCurrencyCode": return cur;
      case "campaignBudgetType": return "DAILY_BUDGET";
      case "campaignBiddingStrategy": return c?.biddingStrategy === "AUTO_FOR_SALES" ? "autoForSales" : c?.biddingStrategy === "MANUAL" ? "manual" : "legacy";
      case "campaignApplicableBudgetRuleId": case "campaignApplicableBudgetRuleName": case "campaignRuleBasedBudgetAmount": case "portfolioId": return null;
      case "adGroupId": return Number(s.adGroup?.id ?? 0);
      case "adGroupName": return s.adGroup?.name ?? "";
      case "adStatus": return s.adGroup?.state ?? "ENABLED";
      case "keywordId": return Number(e?.id ?? 0);
      case "keyword": case "targeting": return e?.kind === "keyword" ? e.text : expressionText(e?.expression);
      case "keywordBid": return money(e?.money ?? 0);
      case "keywordType": return e ? keywordType(e) : null;
      case "matchType": return e?.kind === "keyword" ? e.matchType : e ? keywordType(e) : null;
      case "adKeywordStatus": return e?.state ?? null;
      case "searchTerm": return s.term ?? null;
      case "placementClassification": return s.placement ?? null;
      case "adId": return Number(s.ad?.id ?? 0);
      case "advertisedAsin": return s.ad?.asin ?? "";
      case "advertisedSku": return s.ad?.sku ?? "";
      case "impressions": return m.impressions;
      case "clicks": return m.clicks;
      case "cost": case "spend": return money(m.cost);
      case "costPerClick": return m.clicks ? money(Math.round(m.cost / m.clicks)) : 0;
      case "clickThroughRate": return ratio(m.clicks, m.impressions, 10000);
      case "purchases1d": return m.purchases1d;
      case "purchases7d": return m.purchases7d;
      case "purchases14d": return m.purchases14d;
      case "purchases30d": return m.purchases30d;
      case "purchasesSameSku1d": return Math.round(m.purchases1d * share);
      case "purchasesSameSku7d": return Math.round(m.purchases7d * share);
      case "purchasesSameSku14d": return Math.round(m.purchases14d * share);
      case "purchasesSameSku30d": return Math.round(m.purchases30d * share);
      case "unitsSoldClicks1d": return m.units1d;
      case "unitsSoldClicks7d": return m.units7d;
      case "unitsSoldClicks14d": return m.units14d;
      case "unitsSoldClicks30d": return m.units30d;
      case "unitsSoldSameSku1d": return Math.round(m.units1d * share);
      case "unitsSoldSameSku7d": return Math.round(m.units7d * share);
      case "unitsSoldSameSku14d": return Math.round(m.units14d * share);
      case "unitsSoldSameSku30d": return Math.round(m.units30d * share);
      case "sales1d": return money(m.sales1d);
      case "sales7d": return money(m.sales7d);
      case "sales14d": return money(m.sales14d);
      case "sales30d": return money(m.sales30d);
      case "attributedSalesSameSku1d": return money(Math.round(m.sales1d * share));
      case "attributedSalesSameSku7d": return money(Math.round(m.sales7d * share));
      case "attributedSalesSameSku14d": return money(Math.round(m.sales14d * share));
      case "attributedSalesSameSku30d": return money(Math.round(m.sales30d * share));
      case "salesOtherSku7d": return money(m.sales7d - Math.round(m.sales7d * share));
      case "unitsSoldOtherSku7d": return m.units7d - Math.round(m.units7d * share);
      case "acosClicks7d": return ratio(m.cost, m.sales7d, 10000);
      case "acosClicks14d": return ratio(m.cost, m.sales14d, 10000);
      case "roasClicks7d": return m.cost ? Math.round((m.sales7d / m.cost) * 100) / 100 : 0;
      case "roasClicks14d": return m.cost ? Math.round((m.sales14d / m.cost) * 100) / 100 : 0;
      case "kindleEditionNormalizedPagesRead14d": case "kindleEditionNormalizedPagesRoyalties14d": return 0;
      case "date": return s.day;
      case "startDate": return spec.startDate;
      case "endDate": return spec.endDate;
      default: return null;
    }
  };
  const project = (s: Src): Row => {
    const row: Row = {};
    for (const col of spec.columns) row[col] = value(col, s);
    return row;
  };

  // Grouped outputs (campaign/ad group/product ad, or SUMMARY across days) accumulate here.
  const acc = new Map<string, Src>();
  const accumulate = (key: string, s: Src) => {
    const k = daily ? `${key}|${s.day}` : key;
    const cur0 = acc.get(k);
    if (cur0) cur0.m = addMetrics(cur0.m, s.m);
    else acc.set(k, { ...s, m: { ...s.m } });
  };

  const adsByGroup = new Map<string, Entity[]>();
  if (spec.reportTypeId === "spAdvertisedProduct") {
    for (const a of ads.list(p, "productAd").values()) {
      const k = a.adGroupId ?? "";
      const l = adsByGroup.get(k);
      if (l) l.push(a); else adsByGroup.set(k, [a]);
    }
  }

  const leaves = [...ads.list(p, "keyword").values(), ...ads.list(p, "target").values()];
  for (const e of leaves) {
    const campaign = campaigns.get(e.campaignId);
    if (campStatus && campaign && !campStatus.includes(campaign.state)) continue;
    const adGroup = adGroups.get(e.adGroupId ?? "");
    const isTargeting = spec.reportTypeId === "spTargeting" || spec.reportTypeId === "spSearchTerm";
    if (isTargeting && kwTypes && !kwTypes.includes(keywordType(e))) continue;
    if (isTargeting && kwStatus && !kwStatus.includes(e.state)) continue;
    let total: Src | undefined;
    const terms = new Map<string, Src>();
    for (let i = 0; i < days.length; i++) {
      const day = days[i] ?? "";
      if (!parentServes(campaign, starts[i] ?? 0) || !parentServes(adGroup, starts[i] ?? 0)) continue;
      const m = observedMetrics(seed, e, day, starts[i] ?? 0, asOf, avgPrice);
      if (m.impressions === 0) continue;
      const base: Src = { campaign, adGroup, leaf: e, m, day };
      switch (spec.reportTypeId) {
        case "spCampaigns":
          if (spec.groupBy.includes("campaignPlacement")) {
            const parts = splitMetrics(seed, `${e.id}|${day}|placement`, m, PLACEMENTS.length);
            for (let j = 0; j < PLACEMENTS.length; j++) {
              const part = parts[j];
              if (part && part.impressions > 0) accumulate(`p${e.campaignId}|${String(j)}`, { ...base, m: part, placement: PLACEMENTS[j] ?? "" });
            }
          } else accumulate(spec.groupBy.includes("adGroup") ? `g${e.adGroupId ?? ""}` : `c${e.campaignId}`, base);
          break;
        case "spTargeting":
          if (daily) yield project(base);
          else if (total) total.m = addMetrics(total.m, m);
          else total = { ...base, m: { ...m } };
          break;
        case "spSearchTerm": {
          // The keyword's traffic spread over a few queries; Amazon lists only queries with a click.
          const n = 1 + (Number(e.id.slice(-2)) % 3);
          const root = e.kind === "keyword" ? e.text ?? "" : (e.expression?.[0]?.value ?? "related item").toLowerCase();
          const parts = splitMetrics(seed, `${e.id}|${day}`, m, n);
          for (let j = 0; j < parts.length; j++) {
            const part = parts[j];
            if (!part) continue;
            const term = root + (SEARCH_SUFFIX[j] ?? "");
            if (daily) { if (part.clicks >= 1) yield project({ ...base, m: part, term }); continue; }
            const t = terms.get(term);
            if (t) t.m = addMetrics(t.m, part); else terms.set(term, { ...base, m: { ...part }, term });
          }
          break;
        }
        case "spAdvertisedProduct": {
          const list = servingAds(adsByGroup.get(e.adGroupId ?? "") ?? [], day, starts[i] ?? 0);
          const parts = splitMetrics(seed, `${e.adGroupId ?? ""}|${e.id}|${day}`, m, list.length);
          for (let j = 0; j < list.length; j++) {
            const ad = list[j];
            const part = parts[j];
            if (ad && part && part.impressions > 0) accumulate(`a${ad.id}`, { campaign, adGroup, ad, m: part, day });
          }
          break;
        }
      }
    }
    if (total) yield project(total);
    for (const t of terms.values()) if (t.m.clicks >= 1) yield project(t);
  }
  for (const s of acc.values()) yield project(s);
}

export function buildAdsRows(sb: Sandbox, p: AdsProfile, spec: AdsReportSpec, asOf: number): Row[] {
  return [...adsRows(sb, p, spec, asOf)];
}
