import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { FlatJsonArrayScanner, type FlatRow } from "~/server/sync/load/json-array";
import { AmazonApiError } from "./api-error";
import { amazonHosts, type Region } from "./endpoints";
import { amazonRequest, QuotaWaitError, type AmazonCaller } from "./request";

/** What Ads reporting v3 is asked for: a Sponsored Products report of one type, daily rows. */
export interface AdsReportConfiguration {
  reportTypeId: string;
  groupBy: readonly string[];
  columns: readonly string[];
}

const reportStatus = z.object({
  reportId: z.string(),
  status: z.enum(["PENDING", "PROCESSING", "COMPLETED", "FAILED"]),
  configuration: z
    .object({ reportTypeId: z.string(), timeUnit: z.string(), groupBy: z.array(z.string()), columns: z.array(z.string()) })
    .partial()
    .nullish(),
  url: z.string().nullish(),
  failureReason: z.string().nullish(),
});
export type AdsReportStatus = z.infer<typeof reportStatus>;

export async function createAdsReport(
  caller: AmazonCaller,
  region: Region,
  args: { name: string; report: AdsReportConfiguration; startDate: string; endDate: string },
): Promise<string> {
  try {
    const response = await amazonRequest(caller, {
      api: "ads-api",
      operation: "createAsyncReport",
      url: `${amazonHosts(region).adsApi}/reporting/reports`,
      init: {
        method: "POST",
        headers: { "content-type": "application/vnd.createasyncreportrequest.v3+json" },
        body: JSON.stringify({
          name: `${args.name} ${args.startDate}..${args.endDate}`,
          startDate: args.startDate,
          endDate: args.endDate,
          configuration: {
            adProduct: "SPONSORED_PRODUCTS",
            groupBy: args.report.groupBy,
            columns: args.report.columns,
            reportTypeId: args.report.reportTypeId,
            timeUnit: "DAILY",
            format: "GZIP_JSON",
          },
        }),
      },
    });
    return reportStatus.parse(await response.json()).reportId;
  } catch (error) {
    // Amazon refuses a duplicate of a report still processing and names the original. Its idea of a duplicate
    // is loose (the same type and dates with other columns, or SUMMARY beside DAILY): the original is ours to
    // use only if it is the report asked for; otherwise it is waited out, and asked for again after it.
    const duplicate = error instanceof AmazonApiError && error.status === 425 ? /duplicate of\s*:\s*(\S+)/i.exec(error.detail) : null;
    if (!duplicate?.[1]) throw error;
    const original = await getAdsReport(caller, region, duplicate[1]);
    if (isReportAskedFor(original.configuration, args.report)) return original.reportId;
    throw new QuotaWaitError(
      TWIN_WAIT_MS,
      `Amazon is still building another advertising report of the same type and days (${original.reportId}); it is asked for again once that one is done.`,
    );
  }
}

/** How long to wait before asking again while Amazon builds a look-alike report (they take about a minute). */
const TWIN_WAIT_MS = 60_000;

function isReportAskedFor(configuration: z.infer<typeof reportStatus>["configuration"], asked: AdsReportConfiguration): boolean {
  const same = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && b.every((x) => a.includes(x));
  return (
    configuration?.timeUnit === "DAILY" &&
    configuration.reportTypeId === asked.reportTypeId &&
    same(configuration.groupBy, asked.groupBy) &&
    same(configuration.columns, asked.columns)
  );
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
 * Scans a finished report (gzip of one JSON array of flat objects) row by row without building objects:
 * `onRow` sees each row's `fields` as positions into the decompressed bytes (numbers as their exact text),
 * synchronously; `afterChunk` runs after each decompressed chunk, and the download waits for it, so a slow
 * consumer slows the download instead of buffering the file. Returns the number of rows.
 */
export async function scanAdsReport(
  url: string,
  fields: readonly string[],
  onRow: (row: FlatRow, index: number) => void,
  afterChunk: () => Promise<void>,
  options: { fetch?: typeof fetch } = {},
): Promise<number> {
  const response = await (options.fetch ?? fetch)(url);
  if (!response.ok || !response.body) throw new Error(`The report file could not be downloaded (HTTP ${response.status}).`);
  const scanner = new FlatJsonArrayScanner(fields, (row) => onRow(row, scanner.rows));
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream),
    // Bigger pieces than zlib's 16 KiB: fewer trips through the loop, and rows rarely straddle two.
    createGunzip({ chunkSize: 128 * 1024 }),
    async function (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        scanner.write(chunk);
        await afterChunk();
      }
    },
  );
  return scanner.end();
}
