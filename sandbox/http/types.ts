import type { IncomingMessage } from "node:http";
import type { Sandbox } from "../state";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; Buffers and strings as-is. */
  body?: unknown;
}

export interface Principal {
  kind: "sp" | "ads";
  sellerId: string;
  /** Ads: the profile named by Amazon-Advertising-API-Scope. */
  profileId?: string;
}

export interface Ctx {
  sb: Sandbox;
  req: IncomingMessage;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  rawBody: Buffer;
  principal?: Principal;
  /** Parsed JSON body; undefined when empty, throws BadRequest when invalid. */
  json(): unknown;
  form(): URLSearchParams;
}

export type Auth = "none" | "sp" | "ads-noscope" | "ads";

export interface Route {
  method: string;
  /** Amazon path template, e.g. /orders/v0/orders/{orderId}/orderItems */
  path: string;
  /** Amazon's operation id: key for quotas and faults. */
  operation: string;
  auth: Auth;
  handler: (ctx: Ctx) => Reply | Promise<Reply>;
}

export class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

/** SP-API error envelope. */
export function spError(status: number, code: string, message: string, details?: string): HttpError {
  const err: Record<string, string> = { code, message };
  if (details !== undefined) err.details = details;
  return new HttpError({ status, body: { errors: [err] } });
}

/** Ads error body: reporting v3 says {code, detail}; SP v3 and profiles say {code, message}. */
export function adsError(status: number, code: string, text: string, reporting = false): HttpError {
  return new HttpError({ status, body: reporting ? { code, detail: text } : { code, message: text } });
}
