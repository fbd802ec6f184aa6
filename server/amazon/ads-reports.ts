import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import streamArray from "stream-json/streamers/stream-array.js";
import { z } from "zod";
import { AmazonApiError } from "./api-error";
import { amazonHosts, type Region } from "./endpoints";
import { amazonRequest, type AmazonCaller } from "./request";

/** The Sponsored Products daily reports the product reads, with the columns it stores. */
const METRICS = ["impressions", "clicks", "cost", "sales7d", "purchases7d", "unitsSoldClicks7d", "sales14d", "purchases14d"];
export const ADS_REPORT_KINDS = {
  campaign: {
    reportTypeId: "spCampaigns",
    groupBy: ["campaign"],
    columns: ["date", "campaignId", "campaignName", "campaignStatus", ...METRICS],
  },
  adGroup: {
    reportTypeId: "spCampaigns",
    groupBy: ["adGroup", "campaign"],
    columns: ["date", "campaignId", "adGroupId", "adGroupName", ...METRICS],
  },
  target: {
    reportTypeId: "spTargeting",
    groupBy: ["targeting"],
    columns: ["date", "campaignId", "adGroupId", "keywordId", "targeting", "keywordType", "matchType", ...METRICS],
  },
  product: {
    reportTypeId: "spAdvertisedProduct",
    groupBy: ["advertiser"],
    columns: ["date", "campaignId", "adGroupId", "adId", "advertisedAsin", "advertisedSku", ...METRICS],
  },
  searchTerm: {
    reportTypeId: "spSearchTerm",
    groupBy: ["searchTerm"],
    columns: ["date", "campaignId", "adGroupId", "keywordId", "searchTerm", ...METRICS],
  },
} as const;
export type AdsReportKind = keyof typeof ADS_REPORT_KINDS;
export const ADS_REPORT_KIND_NAMES = Object.keys(ADS_REPORT_KINDS) as AdsReportKind[];

const reportStatus = z.object({
  reportId: z.string(),
  status: z.enum(["PENDING", "PROCESSING", "COMPLETED", "FAILED"]),
  url: z.string().nullish(),
  failureReason: z.string().nullish(),
});
export type AdsReportStatus = z.infer<typeof reportStatus>;

export async function createAdsReport(
  caller: AmazonCaller,
  region: Region,
  args: { kind: AdsReportKind; startDate: string; endDate: string },
): Promise<string> {
  const kind = ADS_REPORT_KINDS[args.kind];
  try {
    const response = await amazonRequest(caller, {
      api: "ads-api",
      operation: "createAsyncReport",
      url: `${amazonHosts(region).adsApi}/reporting/reports`,
      init: {
        method: "POST",
        headers: { "content-type": "application/vnd.createasyncreportrequest.v3+json" },
        body: JSON.stringify({
          name: `${args.kind} ${args.startDate}..${args.endDate}`,
          startDate: args.startDate,
          endDate: args.endDate,
          configuration: {
            adProduct: "SPONSORED_PRODUCTS",
            groupBy: kind.groupBy,
            columns: kind.columns,
            reportTypeId: kind.reportTypeId,
            timeUnit: "DAILY",
            format: "GZIP_JSON",
          },
        }),
      },
    });
    return reportStatus.parse(await response.json()).reportId;
  } catch (error) {
    // Amazon refuses a duplicate of a report still processing and names the original: use that one.
    const duplicate = error instanceof AmazonApiError && error.status === 425 ? /duplicate of\s*:\s*(\S+)/i.exec(error.detail) : null;
    if (duplicate?.[1]) return duplicate[1];
    throw error;
  }
}

export async function getAdsReport(caller: AmazonCaller, region: Region, reportId: string): Promise<AdsReportStatus> {
  const response = await amazonRequest(caller, {
    api: "ads-api",
    operation: "getAsyncReport",
    url: `${amazonHosts(region).adsApi}/reporting/reports/${encodeURIComponent(reportId)}`,
  });
  return reportStatus.parse(await response.json());
}

/**
 * Streams a finished report's rows (gzip of one JSON array) in batches. Numbers stay exact decimal strings:
 * money must never pass through a float.
 */
export async function streamAdsReportRows(
  url: string,
  onBatch: (rows: Record<string, unknown>[]) => Promise<void>,
  options: { fetch?: typeof fetch; batchSize?: number } = {},
): Promise<number> {
  const response = await (options.fetch ?? fetch)(url);
  if (!response.ok || !response.body) throw new Error(`The report file could not be downloaded (HTTP ${response.status}).`);
  const batchSize = options.batchSize ?? 5000;
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream),
    createGunzip(),
    streamArray.withParserAsStream({ numberAsString: true, streamValues: false }),
    async function* (items: AsyncIterable<{ value: Record<string, unknown> }>) {
      for await (const { value } of items) {
        batch.push(value);
        count += 1;
        if (batch.length >= batchSize) {
          await onBatch(batch);
          batch = [];
        }
      }
      if (batch.length) await onBatch(batch);
    },
  );
  return count;
}
