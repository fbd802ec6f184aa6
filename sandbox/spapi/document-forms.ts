import { gzip } from "node:zlib";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import type { Marketplace } from "../world/marketplaces";

const gzipAsync = promisify(gzip);

/**
 * How a flat-file report document reaches the client, in each of the forms Amazon's own issue trackers
 * record: gzip with its GZIP label (the documented form), plain with no label, gzip whose label is missing,
 * a GZIP label on plain bytes, and gzip sent with `Content-Encoding: gzip` (HTTP clients undo it, so the
 * label then names bytes that are no longer compressed).
 */
export const DOCUMENT_FORMS = ["gzip", "plain", "gzip-unlabelled", "plain-labelled-gzip", "content-encoding-gzip"] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

/**
 * The character set: UTF-8, or the marketplace's own (Cp1252 in North America and Europe, windows-31j in
 * Japan), declared in Content-Type or not (`text/plain`).
 */
export const DOCUMENT_CHARSETS = ["utf-8", "marketplace", "marketplace-undeclared"] as const;
export type DocumentCharset = (typeof DOCUMENT_CHARSETS)[number];

export interface EncodedDocument {
  body: Buffer;
  contentType: string;
  /** The report document's compressionAlgorithm. */
  label: "GZIP" | null;
  /** Sent as Content-Encoding. */
  encoding?: "gzip";
}

/** Amazon's (Java's) names for the marketplaces' own character sets. */
export function marketplaceCharset(mp: Pick<Marketplace, "id">): "windows-31j" | "Cp1252" {
  return mp.id === "A1VC38T7YXB528" ? "windows-31j" : "Cp1252";
}

export async function encodeDocument(text: string, mp: Pick<Marketplace, "id">, form: DocumentForm = "gzip", charset: DocumentCharset = "utf-8"): Promise<EncodedDocument> {
  const own = marketplaceCharset(mp);
  const bytes = charset === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, own === "Cp1252" ? "win1252" : "shift_jis");
  const contentType = charset === "utf-8" ? "text/tab-separated-values; charset=UTF-8" : charset === "marketplace" ? `text/plain;charset=${own}` : "text/plain";
  // gzip runs on libuv's pool so a big document does not stall other requests.
  const zipped = () => gzipAsync(bytes);
  switch (form) {
    case "gzip": return { body: await zipped(), contentType, label: "GZIP" };
    case "plain": return { body: bytes, contentType, label: null };
    case "gzip-unlabelled": return { body: await zipped(), contentType, label: null };
    case "plain-labelled-gzip": return { body: bytes, contentType, label: "GZIP" };
    case "content-encoding-gzip": return { body: await zipped(), contentType, label: "GZIP", encoding: "gzip" };
  }
}

/**
 * How Amazon sends a report type's flat file when no knob says otherwise: the big order files gzip with
 * their label, the others plain without one; the all-listings file in the marketplace's own charset
 * (Cp1252 in North America and Europe, declared), and every file of Amazon JP in windows-31j; the rest UTF-8.
 */
export function defaultDocumentForm(reportType: string): DocumentForm {
  return reportType.startsWith("GET_FLAT_FILE_ALL_ORDERS_DATA") ? "gzip" : "plain";
}

export function defaultDocumentCharset(reportType: string, mp: Pick<Marketplace, "id">): DocumentCharset {
  return reportType === "GET_MERCHANT_LISTINGS_ALL_DATA" || marketplaceCharset(mp) === "windows-31j" ? "marketplace" : "utf-8";
}
