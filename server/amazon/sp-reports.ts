import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { z } from "zod";
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

/** Decodes bytes of any charset TextDecoder knows (Amazon writes some marketplaces' files in Cp1252 or Shift_JIS). */
function decoder(charset: string): Transform {
  // Java's names for Windows code pages (Amazon's servers speak Java): Cp1252 is windows-1252.
  const text = new TextDecoder(charset.replace(/^cp(\d{3,4})$/i, "windows-$1"));
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

/**
 * Downloads a report document and hands its rows, keyed by the header line, to `onBatch` in batches,
 * streaming: memory stays constant however big the file is, and a slow `onBatch` slows the download.
 * The presigned URL carries its own authorization (no Amazon headers). Values stay the exact strings Amazon
 * wrote. Amazon's flat files are tab-separated and not quoted: a `"` is an ordinary character. A line whose
 * column count differs from the header's fails the whole read.
 */
export async function streamReportDocument(
  url: string,
  compression: string | null | undefined,
  onBatch: (rows: SpReportRow[]) => Promise<void>,
  options: { fetch?: typeof fetch; batchSize?: number } = {},
): Promise<number> {
  const response = await (options.fetch ?? fetch)(url);
  if (!response.ok || !response.body) {
    const expired = response.status === 403 && /expired/i.test(await response.text().catch(() => ""));
    throw new Error(
      expired
        ? "The report file's download link had expired before it was used."
        : `The report file could not be downloaded (HTTP ${response.status}).`,
    );
  }
  const charset = /charset=([^;\s]+)/i.exec(response.headers.get("content-type") ?? "")?.[1]?.replace(/"/g, "");
  const batchSize = options.batchSize ?? 5000;
  let batch: SpReportRow[] = [];
  let count = 0;

  const stages: NodeJS.ReadWriteStream[] = [];
  if (compression?.toUpperCase() === "GZIP") stages.push(createGunzip());
  if (charset && !/^utf-?8$/i.test(charset)) stages.push(decoder(charset));
  const parser = parse({
    delimiter: "\t",
    columns: true,
    quote: false,
    relax_quotes: true,
    bom: true,
    skip_empty_lines: true,
    record_delimiter: ["\r\n", "\n"],
  });

  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream),
      ...(stages as [NodeJS.ReadWriteStream]),
      parser,
      async function (rows: AsyncIterable<SpReportRow>) {
        for await (const row of rows) {
          batch.push(row);
          count += 1;
          if (batch.length >= batchSize) {
            const full = batch;
            batch = [];
            await onBatch(full);
          }
        }
        if (batch.length) await onBatch(batch);
      },
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code?.startsWith("CSV_")) {
      const line = (error as { lines?: number }).lines;
      throw new Error(`The report file has a malformed line${line ? ` (line ${line})` : ""}: ${(error as Error).message}`, { cause: error });
    }
    throw error;
  }
  return count;
}
