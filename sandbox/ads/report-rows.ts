import type { Sandbox } from "../state";
import { minorToNumber } from "../util/money";
import { localPriceMinor } from "../world/catalog";
import type { Entity } from "./entities";
import { expressionText } from "./entities";
import type { Metrics } from "./metrics";
import { addMetrics, observedMetrics, splitMetrics, ZERO } from "./metrics";
import type { AdsProfile } from "./state";

export const REPORT_TYPES = ["spCampaigns", "spTargeting", "spAdvertisedProduct", "spSearchTerm"] as const;
export type ReportTypeId = (typeof REPORT_TYPES)[number];

export const GROUP_BY: Record<ReportTypeId, string[][]> = {
  spCampaigns: [["campaign"], ["adGroup", "campaign"], ["adGroup"]],
  spTargeting: [["targeting"]],
  spAdvertisedProduct: [["advertiser"]],
  spSearchTerm: [["searchTerm"]],
};

const METRIC_COLUMNS = ["impressions", "clicks", "cost", "spend", "costPerClick", "clickThroughRate", "purchases1d", "purchases7d", "purchases14d", "purchases30d", "purchasesSameSku1d", "purchasesSameSku7d", "purchasesSameSku14d", "purchasesSameSku30d", "unitsSoldClicks1d", "unitsSoldClicks7d", "unitsSoldClicks14d", "unitsSoldClicks30d", "unitsSoldSameSku1d", "unitsSoldSameSku7d", "unitsSoldSameSku14d", "unitsSoldSameSku30d", "sales1d", "sales7d", "sales14d", "sales30d", "attributedSalesSameSku1d", "attributedSalesSameSku7d", "attributedSalesSameSku14d", "attributedSalesSameSku30d", "salesOtherSku7d", "unitsSoldOtherSku7d", "acosClicks7d", "acosClicks14d", "roasClicks7d", "roasClicks14d", "kindleEditionNormalizedPagesRead14d", "kindleEditionNormalizedPagesRoyalties14d", "date", "startDate", "endDate"];
const CAMPAIGN_COLUMNS = ["campaignId", "campaignName", "campaignStatus", "campaignBudgetAmount", "campaignBudgetCurrencyCode", "campaignBudgetType", "campaignBiddingStrategy", "campaignApplicableBudgetRuleId", "campaignApplicableBudgetRuleName", "campaignRuleBasedBudgetAmount", "portfolioId"];
const ADGROUP_COLUMNS = ["adGroupId", "adGroupName", "adStatus"];

export const COLUMNS: Record<ReportTypeId, string[]> = {
  spCampaigns: [...CAMPAIGN_COLUMNS, ...ADGROUP_COLUMNS, ...METRIC_COLUMNS],
  spTargeting: [...CAMPAIGN_COLUMNS, "adGroupId", "adGroupName", "keywordId", "keyword", "keywordBid", "keywordType", "matchType", "targeting", "adKeywordStatus", ...METRIC_COLUMNS],
  spAdvertisedProduct: [...CAMPAIGN_COLUMNS, "adGroupId", "adGroupName", "adId", "advertisedAsin", "advertisedSku", ...METRIC_COLUMNS],
  spSearchTerm: [...CAMPAIGN_COLUMNS, "adGroupId", "adGroupName", "keywordId", "keyword", "keywordBid", "keywordType", "matchType", "targeting", "adKeywordStatus", "searchTerm", ...METRIC_COLUMNS],
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

type Row = Record<string, unknown>;

function keywordType(e: Entity): string {
  if (e.kind === "keyword") return e.matchType ?? "EXACT";
  return e.expressionType === "AUTO" ? "TARGETING_EXPRESSION_PREDEFINED" : "TARGETING_EXPRESSION";
}

const SEARCH_SUFFIX = ["", " for women", " 2 pack", " large", " best"];

/** Builds the rows Amazon would put in the report file, as of `asOf`. */
export function buildAdsRows(sb: Sandbox, p: AdsProfile, spec: AdsReportSpec, asOf: number): Row[] {
  const seed = sb.seed;
  const cur = p.marketplace.currency;
  const ads = sb.ads;
  const seller = sb.world.seller(p.sellerId);
  const catalog = seller ? sb.world.catalog(seller).filter((x) => !x.isParent) : [];
  const avgPrice = catalog.length ? Math.round(catalog.slice(0, 50).reduce((a, x) => a + localPriceMinor(x, p.marketplace.priceFactor, cur), 0) / Math.min(50, catalog.length)) : 2000;
  const campaigns = ads.list(p, "campaign");
  const adGroups = ads.list(p, "adGroup");
  const leaves = [...ads.list(p, "keyword").values(), ...ads.list(p, "target").values()];
  const productAds = [...ads.list(p, "productAd").values()];
  const adsByGroup = new Map<string, Entity[]>();
  for (const a of productAds) { const k = a.adGroupId ?? ""; adsByGroup.set(k, [...(adsByGroup.get(k) ?? []), a]); }
  const filter = (field: string) => spec.filters.find((f) => f.field === field)?.values;
  const kwTypes = filter("keywordType");
  const campStatus = filter("campaignStatus");
  const kwStatus = filter("adKeywordStatus");
  const days: string[] = [];
  for (let d = spec.startDate; d <= spec.endDate; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) days.push(d);

  // Accumulate per (group key, day|summary).
  const acc = new Map<string, { m: Metrics; dims: Row; day: string }>();
  const add = (key: string, day: string, dims: () => Row, m: Metrics) => {
    if (m.impressions === 0) return;
    const k = `${key}|${spec.timeUnit === "DAILY" ? day : "*"}`;
    const cur0 = acc.get(k);
    if (cur0) cur0.m = addMetrics(cur0.m, m);
    else acc.set(k, { m, dims: dims(), day });
  };
  const campDims = (c: Entity | undefined): Row => ({
    campaignId: Number(c?.id ?? 0), campaignName: c?.name ?? "", campaignStatus: c?.state ?? "ENABLED",
    campaignBudgetAmount: minorToNumber(c?.money ?? 0, cur), campaignBudgetCurrencyCode: cur, campaignBudgetType: "DAILY_BUDGET",
    campaignBiddingStrategy: (c?.biddingStrategy ?? "LEGACY_FOR_SALES") === "AUTO_FOR_SALES" ? "autoForSales" : (c?.biddingStrategy ?? "") === "MANUAL" ? "manual" : "legacy",
    campaignApplicableBudgetRuleId: null, campaignApplicableBudgetRuleName: null, campaignRuleBasedBudgetAmount: null, portfolioId: null,
  });

  for (const e of leaves) {
    const c = campaigns.get(e.campaignId);
    if (campStatus && c && !campStatus.includes(c.state)) continue;
    const ag = adGroups.get(e.adGroupId ?? "");
    for (const day of days) {
      const m = observedMetrics(seed, p, e, day, asOf, avgPrice);
      if (m.impressions === 0) continue;
      switch (spec.reportTypeId) {
        case "spCampaigns": {
          const byAdGroup = spec.groupBy.includes("adGroup");
          add(byAdGroup ? `ag:${e.adGroupId ?? ""}` : `c:${e.campaignId}`, day, () => ({ ...campDims(c), ...(byAdGroup ? { adGroupId: Number(ag?.id ?? 0), adGroupName: ag?.name ?? "", adStatus: ag?.state ?? "ENABLED" } : {}) }), m);
          break;
        }
        case "spTargeting": case "spSearchTerm": {
          const kt = keywordType(e);
          if (kwTypes && !kwTypes.includes(kt)) break;
          if (kwStatus && !kwStatus.includes(e.state)) break;
          const dims = (): Row => ({
            ...campDims(c), adGroupId: Number(ag?.id ?? 0), adGroupName: ag?.name ?? "", keywordId: Number(e.id),
            keyword: e.kind === "keyword" ? e.text : expressionText(e.expression), keywordBid: minorToNumber(e.money ?? 0, cur), keywordType: kt,
            matchType: e.kind === "keyword" ? e.matchType : kt, targeting: e.kind === "keyword" ? e.text : expressionText(e.expression), adKeywordStatus: e.state,
          });
          if (spec.reportTypeId === "spTargeting") { add(`t:${e.id}`, day, dims, m); break; }
          // Search terms: the keyword's traffic split over a few queries; only rows with a click.
          const n = 1 + (Number(e.id.slice(-2)) % 3);
          splitMetrics(seed, `${e.id}|${day}`, m, n).forEach((part, i) => {
            if (part.clicks < 1) return;
            const term = (e.kind === "keyword" ? e.text ?? "" : (e.expression?.[0]?.value ?? "related item").toLowerCase()) + (SEARCH_SUFFIX[i] ?? "");
            add(`s:${e.id}:${term}`, day, () => ({ ...dims(), searchTerm: term }), part);
          });
          break;
        }
        case "spAdvertisedProduct": {
          const list = adsByGroup.get(e.adGroupId ?? "") ?? [];
          splitMetrics(seed, `${e.adGroupId ?? ""}|${e.id}|${day}`, m, list.length).forEach((part, i) => {
            const a = list[i];
            if (!a) return;
            add(`a:${a.id}`, day, () => ({ ...campDims(c), adGroupId: Number(ag?.id ?? 0), adGroupName: ag?.name ?? "", adId: Number(a.id), advertisedAsin: a.asin ?? "", advertisedSku: a.sku ?? "" }), part);
          });
          break;
        }
      }
    }
  }

  const rows: Row[] = [];
  const keys = [...acc.keys()].sort();
  for (const k of keys) {
    const { m, dims, day } = acc.get(k) ?? { m: ZERO, dims: {}, day: "" };
    const money = (v: number) => minorToNumber(v, cur);
    const same = (v: number) => Math.round(v * m.sameSkuShare);
    const full: Row = {
      ...dims,
      impressions: m.impressions, clicks: m.clicks, cost: money(m.cost), spend: money(m.cost),
      costPerClick: m.clicks ? money(Math.round(m.cost / m.clicks)) : 0,
      clickThroughRate: m.impressions ? Math.round((m.clicks / m.impressions) * 10000) / 100 : 0,
      purchases1d: m.purchases1d, purchases7d: m.purchases7d, purchases14d: m.purchases14d, purchases30d: m.purchases30d,
      purchasesSameSku1d: same(m.purchases1d), purchasesSameSku7d: same(m.purchases7d), purchasesSameSku14d: same(m.purchases14d), purchasesSameSku30d: same(m.purchases30d),
      unitsSoldClicks1d: m.units1d, unitsSoldClicks7d: m.units7d, unitsSoldClicks14d: m.units14d, unitsSoldClicks30d: m.units30d,
      unitsSoldSameSku1d: same(m.units1d), unitsSoldSameSku7d: same(m.units7d), unitsSoldSameSku14d: same(m.units14d), unitsSoldSameSku30d: same(m.units30d),
      sales1d: money(m.sales1d), sales7d: money(m.sales7d), sales14d: money(m.sales14d), sales30d: money(m.sales30d),
      attributedSalesSameSku1d: money(same(m.sales1d)), attributedSalesSameSku7d: money(same(m.sales7d)), attributedSalesSameSku14d: money(same(m.sales14d)), attributedSalesSameSku30d: money(same(m.sales30d)),
      salesOtherSku7d: money(m.sales7d - same(m.sales7d)), unitsSoldOtherSku7d: m.units7d - same(m.units7d),
      acosClicks7d: m.sales7d ? Math.round((m.cost / m.sales7d) * 10000) / 100 : 0, acosClicks14d: m.sales14d ? Math.round((m.cost / m.sales14d) * 10000) / 100 : 0,
      roasClicks7d: m.cost ? Math.round((m.sales7d / m.cost) * 100) / 100 : 0, roasClicks14d: m.cost ? Math.round((m.sales14d / m.cost) * 100) / 100 : 0,
      kindleEditionNormalizedPagesRead14d: 0, kindleEditionNormalizedPagesRoyalties14d: 0,
      date: day, startDate: spec.startDate, endDate: spec.endDate,
    };
    const row: Row = {};
    for (const c of spec.columns) row[c] = full[c] ?? null;
    rows.push(row);
  }
  return rows;
}
