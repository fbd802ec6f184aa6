import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
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
 * Bytes to text in the document's charset, refusing bytes that are not text in it (a file decoded in the
 * wrong charset would otherwise load as mojibake). Java's names for Windows code pages (Amazon's servers
 * speak Java): Cp1252 is windows-1252, windows-31j is Shift_JIS.
 */
function textDecoder(charset: string, lineNow: () => number): (chunk?: Buffer) => string {
  const name = charset.replace(/^cp(\d{3,4})$/i, "windows-$1").replace(/^windows-31j$/i, "shift_jis");
  let text: TextDecoder;
  try {
    text = new TextDecoder(name, { fatal: true });
  } catch {
    throw new Error(`The report file is in a character set this product cannot read (${charset}); it was not loaded.`);
  }
  return (chunk) => {
    try {
      return chunk ? text.decode(chunk, { stream: true }) : text.decode();
    } catch {
      // Which line: the lines before this piece, and those of the piece before its first undecodable byte.
      const lenient = chunk ? new TextDecoder(name).decode(chunk) : "";
      const bad = lenient.indexOf("\uFFFD");
      const before = bad < 0 ? 0 : lenient.slice(0, bad).split("\n").length - 1;
      throw new Error(`The report file is not valid ${charset} text (line ${lineNow() + 1 + before}); it was not loaded.`);
    }
  };
}

/** A gzip stream's first two bytes: Amazon's labels are not reliable, the bytes are. */
const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

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
 * own authorization (no Amazon headers). Values stay the exact strings Amazon wrote. A file of its header
 * alone makes one call with no rows. Amazon's flat files are
 * tab-separated and not quoted: a `"` is an ordinary character. A line whose column count differs from the
 * header's fails the whole read.
 */
export async function streamReportTable(
  url: string,
  // Amazon's compressionAlgorithm: not trusted. Its files come gzip without the label, plain with it, and
  // with `Content-Encoding: gzip` that the HTTP client already undid; the bytes say which they are.
  _label: string | null | undefined,
  onBatch: (rows: string[][], header: readonly string[]) => Promise<void>,
  options: ReadOptions = {},
): Promise<number> {
  try {
    return await readReportTable(url, onBatch, options);
  } catch (error) {
    // The file's own failures say which report they are about ("The all listings report file is not valid
    // windows-31j text (line 12)…"): the Sync center shows them as they are.
    if (options.report && error instanceof Error && error.message.startsWith("The report file"))
      throw new Error(error.message.replace("The report file", `The ${options.report} report file`), { cause: error });
    throw error;
  }
}

interface ReadOptions {
  fetch?: typeof fetch;
  batchSize?: number;
  charset?: string;
  /** The report in the seller's words ("all listings"), for the file's failures. */
  report?: string;
}

async function readReportTable(url: string, onBatch: (rows: string[][], header: readonly string[]) => Promise<void>, options: ReadOptions): Promise<number> {
  const response = await download(url, options.fetch);
  // The declared charset, else the marketplace's own (Amazon's flat files often say only `text/plain`).
  const declared = /charset=([^;\s]+)/i.exec(response.headers.get("content-type") ?? "")?.[1]?.replace(/"/g, "");
  const charset = declared ?? options.charset ?? "UTF-8";
  // Rows of a small batch die young: at 5,000 they outlive the young generation and reading costs twice.
  const batchSize = options.batchSize ?? 1000;
  let pending: string[][] = [];
  let count = 0;
  const reader = new TsvLineReader((fields) => void pending.push(fields));
  const decode = textDecoder(charset, () => reader.line);
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
  const chunks = Readable.fromWeb(response.body as WebReadableStream)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // The first bytes decide how the rest is read.
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await chunks.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  if (!head.length) throw new Error("The report file is empty (Amazon sent no bytes, not even a header line); it was not loaded.");
  const body = Readable.from(
    (async function* () {
      yield head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
    { objectMode: false },
  );
  // 32 KiB pieces: decoded, they stay below V8's large-object size (128 KiB), whose allocations are slow
  // enough to double the cost of reading a file.
  const bytes = isGzip(head) ? [createGunzip({ chunkSize: 32 * 1024 })] : [];
  // Leaving the loop on an error destroys the download, and the pipeline then rejects with that abort
  // ("The operation was aborted") instead of the reason: the reason is kept and thrown instead.
  let reason: unknown;
  try {
    await pipeline(body, ...(bytes as []), async function (text: AsyncIterable<Buffer>) {
      try {
        for await (const chunk of text) {
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
  if (!reader.header) throw new Error("The report file has no header line; it was not loaded.");
  // A file of its header alone is still handed over once, so a consumer can check the header: Amazon
  // answers some refusals with a one-line document ("Date range exceeded…") in place of the report.
  if (!count) await onBatch([], reader.header);
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
  options: ReadOptions = {},
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
