import { createHmac, randomBytes } from "node:crypto";
import type { Ctx, Reply, Route } from "./types";

// Presigned-URL imitation: documents live at /__docs/{id} and the URL carries
// X-Amz-Date/X-Amz-Expires/X-Amz-Signature like an S3 presigned GET.

const SECRET = randomBytes(16);
export const URL_TTL_SECONDS = 300;

interface Doc {
  body: Buffer;
  contentType: string;
  /** What the body is (Ads documents are gzip). */
  encoding?: "gzip";
  /** The compressionAlgorithm getReportDocument announces (flat files). */
  label?: "GZIP" | null;
  /** Sent as a Content-Encoding header, which HTTP clients undo on their own. */
  contentEncoding?: "gzip";
}

export class DocumentStore {
  private docs = new Map<string, Doc>();
  put(id: string, doc: Doc): void { this.docs.set(id, doc); }
  get(id: string): Doc | undefined { return this.docs.get(id); }
  has(id: string): boolean { return this.docs.has(id); }
}

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function sign(id: string, date: string, expires: string): string {
  return createHmac("sha256", SECRET).update(`${id}\n${date}\n${expires}`).digest("hex");
}

export function presign(origin: string, id: string, nowMs: number, ttlSeconds = URL_TTL_SECONDS): { url: string; expiresAt: number } {
  const date = amzDate(nowMs);
  const expires = String(ttlSeconds);
  const q = new URLSearchParams({
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Date": date,
    "X-Amz-Expires": expires,
    "X-Amz-SignedHeaders": "host",
    "X-Amz-Signature": sign(id, date, expires),
  });
  return { url: `${origin}/__docs/${encodeURIComponent(id)}?${q.toString()}`, expiresAt: nowMs + ttlSeconds * 1000 };
}

const s3Error = (status: number, code: string, message: string): Reply => ({
  status,
  headers: { "content-type": "application/xml" },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>SANDBOX</RequestId></Error>`,
});

function download(ctx: Ctx): Reply {
  const id = ctx.params.id ?? "";
  const date = ctx.query.get("X-Amz-Date") ?? "";
  const expires = ctx.query.get("X-Amz-Expires") ?? "";
  if (ctx.query.get("X-Amz-Signature") !== sign(id, date, expires)) return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  const signedAt = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : 0;
  if (ctx.sb.clock.now() > signedAt + Number(expires) * 1000) return s3Error(403, "AccessDenied", "Request has expired");
  const doc = ctx.sb.documents.get(id);
  if (!doc) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  return { status: 200, headers: { "content-type": doc.contentType, ...(doc.contentEncoding ? { "content-encoding": doc.contentEncoding } : {}) }, body: doc.body };
}

export const documentRoutes: Route[] = [
  { method: "GET", path: "/__docs/{id}", operation: "downloadDocument", auth: "none", handler: download },
];
