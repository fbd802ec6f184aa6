import type { PgColumn } from "drizzle-orm/pg-core";
import { adCampaignDaily, adGroupDaily, adProductDaily, adSearchTermDaily, adTargetDaily } from "~/db/schema";
import { bindTable } from "~/server/sync/kit/table";
import type { FieldCheck } from "~/server/sync/load/flat-row-copy";
import type { DailyTable } from "~/server/sync/replace-days";

/*
 * Each Sponsored Products daily report, described once: what Amazon is asked for (report type, grouping)
 * and, column by column, which report field fills which table column and how it is checked. The request's
 * columns, the table binding and the row encoder all come from this.
 */

export interface ReportField {
  field: string;
  check: FieldCheck;
}

type Mapping = [column: PgColumn, field: string, check: FieldCheck];

type DailyAdsTable = typeof adCampaignDaily | typeof adGroupDaily | typeof adTargetDaily | typeof adProductDaily | typeof adSearchTermDaily;

/** The metrics every kind carries, in their column order. */
const metrics = (t: DailyAdsTable): Mapping[] => [
  [t.impressions, "impressions", "whole"],
  [t.clicks, "clicks", "whole"],
  [t.cost, "cost", "amount"],
  [t.sales7d, "sales7d", "amount"],
  [t.purchases7d, "purchases7d", "whole"],
  [t.unitsSold7d, "unitsSoldClicks7d", "whole"],
  [t.sales14d, "sales14d", "amount"],
  [t.purchases14d, "purchases14d", "whole"],
];

export interface AdsReportSpec {
  /** Ads reporting v3's configuration for it (DAILY, GZIP_JSON). */
  reportTypeId: string;
  groupBy: string[];
  /** The report columns asked for: the date and every mapped field. */
  columns: string[];
  table: DailyTable;
  /** The report's fields for the columns between `day` and `refreshed_at`, in column order. */
  fields: ReportField[];
  /** Which field names a row with several problems: the metrics, the date, then the kind's own. */
  checkOrder: string[];
}

function report<T extends DailyAdsTable>(table: T, request: { reportTypeId: string; groupBy: string[] }, own: (t: T) => Mapping[]): AdsReportSpec {
  const mapped = [...own(table), ...metrics(table)];
  const fields = mapped.map(([, field, check]) => ({ field, check }));
  return {
    ...request,
    columns: ["date", ...fields.map((f) => f.field)],
    table: bindTable(table, {
      // The loader adds whose rows they are, the day and when they were refreshed around the report's fields.
      columns: [table.organizationId, table.adProfileId, table.day, ...mapped.map(([column]) => column), table.refreshedAt],
      scope: table.adProfileId,
      day: table.day,
      bookkeeping: [table.refreshedAt, table.organizationId],
    }),
    fields,
    checkOrder: [...metrics(table).map(([, field]) => field), "date", ...own(table).map(([, field]) => field)],
  };
}

export const ADS_REPORTS = {
  campaign: report(adCampaignDaily, { reportTypeId: "spCampaigns", groupBy: ["campaign"] }, (t) => [
    [t.campaignId, "campaignId", "id"],
    [t.campaignName, "campaignName", "text"],
    [t.campaignStatus, "campaignStatus", "text"],
  ]),
  adGroup: report(adGroupDaily, { reportTypeId: "spCampaigns", groupBy: ["adGroup", "campaign"] }, (t) => [
    [t.adGroupId, "adGroupId", "id"],
    [t.adGroupName, "adGroupName", "text"],
    [t.campaignId, "campaignId", "id"],
  ]),
  target: report(adTargetDaily, { reportTypeId: "spTargeting", groupBy: ["targeting"] }, (t) => [
    [t.targetId, "keywordId", "id"],
    [t.adGroupId, "adGroupId", "id"],
    [t.campaignId, "campaignId", "id"],
    [t.targeting, "targeting", "text"],
    [t.keywordType, "keywordType", "text"],
    [t.matchType, "matchType", "optionalText"],
  ]),
  product: report(adProductDaily, { reportTypeId: "spAdvertisedProduct", groupBy: ["advertiser"] }, (t) => [
    [t.adId, "adId", "id"],
    [t.adGroupId, "adGroupId", "id"],
    [t.campaignId, "campaignId", "id"],
    [t.asin, "advertisedAsin", "text"],
    [t.sku, "advertisedSku", "text"],
  ]),
  searchTerm: report(adSearchTermDaily, { reportTypeId: "spSearchTerm", groupBy: ["searchTerm"] }, (t) => [
    [t.targetId, "keywordId", "id"],
    [t.searchTerm, "searchTerm", "nonEmptyText"],
    [t.adGroupId, "adGroupId", "id"],
    [t.campaignId, "campaignId", "id"],
  ]),
} satisfies Record<string, AdsReportSpec>;

export type AdsReportKind = keyof typeof ADS_REPORTS;
export const ADS_REPORT_KIND_NAMES = Object.keys(ADS_REPORTS) as AdsReportKind[];
