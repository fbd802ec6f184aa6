import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { TsvLineReader } from "~/server/sync/load/tsv-lines";
import { amazonHosts, type Region } from "./endpoints";
import { amazonRequest, type AmazonCaller } from "./request";

/**
 * Selling Partner API Reports (2021-06-30): request a report, follow its processing status, and read the
 * finished document, a (usually gzipped) tab-separated flat file.
 */
const BASE = "/reports/2021-06-30";

export interface SpReportRequest {
  reportType: string;
  /** 1 to 25 marketplace ids. */
  marketplaceIds: string[];
  /** ISO 8601 instants; Amazon clamps an end in the future to now. */
  dataStartTime?: string;
  dataEndTime?: string;
  reportOptions?: Record<string, string>;
}

export const SP_REPORT_STATUSES = ["IN_QUEUE", "IN_PROGRESS", "DONE", "FATAL", "CANCELLED"] as const;
export type SpReportStatus = (typeof SP_REPORT_STATUSES)[number];

const reportSchema = z.object({
  reportId: z.string(),
  reportType: z.string(),
  processingStatus: z.enum(SP_REPORT_STATUSES),
  marketplaceIds: z.array(z.string()).nullish(),
  dataStartTime: z.string().nullish(),
  dataEndTime: z.string().nullish(),
  createdTime: z.string().nullish(),
  processingStartTime: z.string().nullish(),
  processingEndTime: z.string().nullish(),
  /** Set when DONE, and sometimes when FATAL (a document explaining the failure). */
  reportDocumentId: z.string().nullish(),
});
export type SpReport = z.infer<typeof reportSchema>;

const documentSchema = z.object({
  reportDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.string().nullish(),
});
export type SpReportDocument = z.infer<typeof documentSchema>;

const spUrl = (region: Region, path: string) => `${amazonHosts(region).spApi}${BASE}${path}`;

/** createReport: asks Amazon to generate a report; returns its id. */
export async function createSpReport(caller: AmazonCaller, region: Region, request: SpReportRequest): Promise<string> {
  const body: Record<string, unknown> = { reportType: request.reportType, marketplaceIds: request.marketplaceIds };
  if (request.dataStartTime) body.dataStartTime = request.dataStartTime;
  if (request.dataEndTime) body.dataEndTime = request.dataEndTime;
  if (request.reportOptions && Object.keys(request.reportOptions).length) body.reportOptions = request.reportOptions;
  const response = await amazonRequest(caller, {
    api: "sp-api",
    operation: "createReport",
    url: spUrl(region, "/reports"),
    init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  });
  return z.object({ reportId: z.string() }).parse(await response.json()).reportId;
}

/** getReport: a report's processing status (and its document id once DONE). */
export async function getSpReport(caller: AmazonCaller, region: Region, reportId: string): Promise<SpReport> {
  const response = await amazonRequest(caller, {
    api: "sp-api",
    operation: "getReport",
    url: spUrl(region, `/reports/${encodeURIComponent(reportId)}`),
  });
  return reportSchema.parse(await response.json());
}

/**
 * getReportDocument: where to download a document. The URL is presigned and expires after 5 minutes, so ask
 * for it just before downloading, never ahead of time.
 */
export async function getSpReportDocument(caller: AmazonCaller, region: Region, reportDocumentId: string): Promise<SpReportDocument> {
  const response = await amazonRequest(caller, {
    api: "sp-api",
    operation: "getReportDocument",
    url: spUrl(region, `/documents/${encodeURIComponent(reportDocumentId)}`),
  });
  return documentSchema.parse(await response.json());
}

export type SpReportRow = Record<string, string>;

/**
 * Bytes to text in the document's charset. Amazon writes some marketplaces' files in Cp1252 or Shift_JIS,
 * which TextDecoder knows; UTF-8 goes through StringDecoder, the faster of the two for it.
 */
function textDecoder(charset: string | undefined): (chunk?: Buffer) => string {
  if (!charset || /^utf-?8$/i.test(charset)) {
    const utf8 = new StringDecoder("utf8");
    return (chunk) => (chunk ? utf8.write(chunk) : utf8.end());
  }
  // Java's names for Windows code pages (Amazon's servers speak Java): Cp1252 is windows-1252.
  const text = new TextDecoder(charset.replace(/^cp(\d{3,4})$/i, "windows-$1"));
  return (chunk) => (chunk ? text.decode(chunk, { stream: true }) : text.decode());
}

async function download(url: string, fetcher: typeof fetch | undefined): Promise<Response & { body: ReadableStream<Uint8Array> }> {
  const response = await (fetcher ?? fetch)(url);
  if (!response.ok || !response.body) {
    const expired = response.status === 403 && /expired/i.test(await response.text().catch(() => ""));
    throw new Error(
      expired
        ? "The report file's download link had expired before it was used."
        : `The report file could not be downloaded (HTTP ${response.status}).`,
    );
  }
  return response as Response & { body: ReadableStream<Uint8Array> };
}

/**
 * Downloads a report document and hands its rows, as arrays of fields in the header's order, to `onBatch`
 * in batches (with the header, so a consumer can find its columns by name once), streaming: memory stays
 * constant however big the file is, and a slow `onBatch` slows the download. The presigned URL carries its
 * own authorization (no Amazon headers). Values stay the exact strings Amazon wrote. Amazon's flat files are
 * tab-separated and not quoted: a `"` is an ordinary character. A line whose column count differs from the
 * header's fails the whole read.
 */
export async function streamReportTable(
  url: string,
  compression: string | null | undefined,
  onBatch: (rows: string[][], header: readonly string[]) => Promise<void>,
  options: { fetch?: typeof fetch; batchSize?: number } = {},
): Promise<number> {
  const response = await download(url, options.fetch);
  const charset = /charset=([^;\s]+)/i.exec(response.headers.get("content-type") ?? "")?.[1]?.replace(/"/g, "");
  const decode = textDecoder(charset);
  // Rows of a small batch die young: at 5,000 they outlive the young generation and reading costs twice.
  const batchSize = options.batchSize ?? 1000;
  let pending: string[][] = [];
  let count = 0;
  const reader = new TsvLineReader((fields) => void pending.push(fields));
  const handOver = async (all: boolean) => {
    let from = 0;
    while (pending.length - from >= batchSize || (all && from < pending.length)) {
      const batch = pending.slice(from, from + batchSize);
      from += batch.length;
      count += batch.length;
      await onBatch(batch, reader.header!);
    }
    if (from) pending = pending.slice(from);
  };
  const body = Readable.fromWeb(response.body as WebReadableStream);
  // 32 KiB pieces: decoded, they stay below V8's large-object size (128 KiB), whose allocations are slow
  // enough to double the cost of reading a file.
  const bytes = compression?.toUpperCase() === "GZIP" ? [createGunzip({ chunkSize: 32 * 1024 })] : [];
  // Leaving the loop on an error destroys the download, and the pipeline then rejects with that abort
  // ("The operation was aborted") instead of the reason: the reason is kept and thrown instead.
  let reason: unknown;
  try {
    await pipeline(body, ...(bytes as []), async function (chunks: AsyncIterable<Buffer>) {
      try {
        for await (const chunk of chunks) {
          reader.write(decode(chunk));
          await handOver(false);
        }
        reader.write(decode());
        reader.end();
        await handOver(true);
      } catch (error) {
        reason = error;
        throw error;
      }
    });
  } catch (error) {
    throw reason ?? error;
  }
  return count;
}

/**
 * As streamReportTable, with each row keyed by the header line (`{ sku: "A-1", … }`): the convenient
 * form for small reports; big ones read faster as arrays.
 */
export async function streamReportDocument(
  url: string,
  compression: string | null | undefined,
  onBatch: (rows: SpReportRow[]) => Promise<void>,
  options: { fetch?: typeof fetch; batchSize?: number } = {},
): Promise<number> {
  return streamReportTable(
    url,
    compression,
    (rows, header) =>
      onBatch(
        rows.map((fields) => {
          const row: SpReportRow = {};
          for (let i = 0; i < header.length; i++) row[header[i]!] = fields[i]!;
          return row;
        }),
      ),
    options,
  );
}
