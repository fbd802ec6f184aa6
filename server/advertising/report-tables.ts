import { z } from "zod";
import type { AdsReportKind } from "~/server/amazon/ads-reports";
import type { CopyValue, DailyTable } from "~/server/sync/replace-days";

/** Where each Ads report kind lands, and how one of its rows becomes a table row. */
const METRIC_COLUMNS = ["impressions", "clicks", "cost", "sales7d", "purchases7d", "units_sold7d", "sales14d", "purchases14d", "refreshed_at"];
const BASE = ["organization_id", "ad_profile_id", "day"];

const count = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d+$/, "a whole number"));
const amount = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^-?\d+(\.\d+)?(e-?\d+)?$/i, "an amount"));
const id = z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(1));
const text = z.string().nullish().transform((v) => v ?? "");

const metrics = z.object({
  impressions: count,
  clicks: count,
  cost: amount,
  sales7d: amount,
  purchases7d: count,
  unitsSoldClicks7d: count,
  sales14d: amount,
  purchases14d: count,
});
type Metrics = z.infer<typeof metrics>;
/** Metric values in column order; the loader appends refreshed_at. */
const metricValues = (m: Metrics): CopyValue[] => [
  m.impressions,
  m.clicks,
  m.cost,
  m.sales7d,
  m.purchases7d,
  m.unitsSoldClicks7d,
  m.sales14d,
  m.purchases14d,
];
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a YYYY-MM-DD date");

export interface ParsedRow {
  date: string;
  values: CopyValue[];
}

interface KindSpec {
  table: DailyTable;
  row: z.ZodType<ParsedRow>;
}

type OwnFields = Record<string, CopyValue>;

function spec(
  table: string,
  keyColumn: string[],
  ownColumns: string[],
  shape: z.ZodRawShape,
  values: (row: OwnFields) => CopyValue[],
): KindSpec {
  return {
    table: {
      table,
      key: ["ad_profile_id", "day", ...keyColumn],
      columns: [...BASE, ...ownColumns, ...METRIC_COLUMNS],
      scopeColumn: "ad_profile_id",
      dayColumn: "day",
      bookkeeping: ["refreshed_at", "organization_id"],
    },
    row: metrics.extend({ date: day }).and(z.object(shape)).transform((r) => {
      const fields = r as unknown as OwnFields & Metrics & { date: string };
      return { date: fields.date, values: [...values(fields), ...metricValues(fields)] };
    }),
  };
}

export const ADS_REPORT_TABLES: Record<AdsReportKind, KindSpec> = {
  campaign: spec(
    "ad_campaign_daily",
    ["campaign_id"],
    ["campaign_id", "campaign_name", "campaign_status"],
    { campaignId: id, campaignName: text, campaignStatus: text },
    (r) => [r.campaignId ?? null, r.campaignName ?? null, r.campaignStatus ?? null],
  ),
  adGroup: spec(
    "ad_group_daily",
    ["ad_group_id"],
    ["ad_group_id", "ad_group_name", "campaign_id"],
    { adGroupId: id, adGroupName: text, campaignId: id },
    (r) => [r.adGroupId ?? null, r.adGroupName ?? null, r.campaignId ?? null],
  ),
  target: spec(
    "ad_target_daily",
    ["target_id"],
    ["target_id", "ad_group_id", "campaign_id", "targeting", "keyword_type", "match_type"],
    { keywordId: id, adGroupId: id, campaignId: id, targeting: text, keywordType: text, matchType: z.string().nullish() },
    (r) => [r.keywordId ?? null, r.adGroupId ?? null, r.campaignId ?? null, r.targeting ?? null, r.keywordType ?? null, r.matchType ?? null],
  ),
  product: spec(
    "ad_product_daily",
    ["ad_id"],
    ["ad_id", "ad_group_id", "campaign_id", "asin", "sku"],
    { adId: id, adGroupId: id, campaignId: id, advertisedAsin: text, advertisedSku: text },
    (r) => [r.adId ?? null, r.adGroupId ?? null, r.campaignId ?? null, r.advertisedAsin ?? null, r.advertisedSku ?? null],
  ),
  searchTerm: spec(
    "ad_search_term_daily",
    ["target_id", "search_term"],
    ["target_id", "search_term", "ad_group_id", "campaign_id"],
    { keywordId: id, searchTerm: z.string().min(1), adGroupId: id, campaignId: id },
    (r) => [r.keywordId ?? null, r.searchTerm ?? null, r.adGroupId ?? null, r.campaignId ?? null],
  ),
};

/** A report row that does not look like Amazon's: the whole report is refused, nothing is written. */
export class MalformedReportRowError extends Error {
  override name = "MalformedReportRowError";
}
