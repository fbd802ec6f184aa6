import { signBody } from "./signing";
import type { OutgoingOp, SerializedError, StoredEvent } from "./types";

/*
 * The protocol driver: build one call request exactly as Inngest's executor sends it (notes §2)
 * and classify the SDK's response.
 */

export interface CallInput {
  url: string;
  stepId: string | null;
  runId: string;
  attempt: number;
  maxAttempts: number;
  event: StoredEvent;
  events: StoredEvent[];
  /** hashed id → memoized value, and the completion order. */
  steps: Record<string, unknown>;
  stack: string[];
  disableImmediate: boolean;
  version: number;
  /** Sign the request (cloud-mode apps verify it); omitted for dev-mode apps. */
  signingKey?: string;
}

export function buildCallRequest(input: CallInput): Request {
  const url = new URL(input.url);
  url.searchParams.set("stepId", input.stepId ?? "step");
  const body = {
    event: input.event,
    events: input.events,
    steps: input.steps,
    ctx: {
      run_id: input.runId,
      attempt: input.attempt,
      max_attempts: input.maxAttempts,
      disable_immediate_execution: input.disableImmediate,
      // We never offload state to an API; and we omit fn_id so the SDK stays out of checkpointing mode.
      use_api: false,
      stack: { stack: input.stack, current: input.stack.length },
    },
    version: input.version,
  };
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-inngest-req-version": String(input.version),
    "x-inngest-server-kind": input.signingKey ? "cloud" : "dev",
  };
  if (input.signingKey) headers["x-inngest-signature"] = signBody(body, input.signingKey, new Date());
  return new Request(url, { method: "POST", headers, body: JSON.stringify(body) });
}

export type CallResult =
  | { kind: "complete"; status: number; data: unknown; version: number }
  | { kind: "ops"; status: number; ops: OutgoingOp[]; noRetry: boolean; retryAt: Date | null; version: number }
  | { kind: "error"; status: number; error: SerializedError; noRetry: boolean; retryAt: Date | null; version: number }
  | { kind: "unreachable"; status: null; error: SerializedError; version: number };

/** `retry-after` is either seconds or an HTTP/ISO date. */
export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return new Date(now.getTime() + Number(value) * 1000);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function asError(body: unknown, status: number): SerializedError {
  if (body && typeof body === "object" && "message" in body) {
    const b = body as Record<string, unknown>;
    return { ...b, name: String(b.name ?? "Error"), message: String(b.message) };
  }
  return { name: "Error", message: `HTTP ${status}: ${typeof body === "string" ? body : JSON.stringify(body)}` };
}

export async function parseCallResponse(res: Response, now: Date): Promise<CallResult> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  const version = Number(res.headers.get("x-inngest-req-version") ?? 2) || 2;
  const noRetry = res.headers.get("x-inngest-no-retry") === "true";
  const retryAt = parseRetryAfter(res.headers.get("retry-after"), now);
  if (res.status === 200) return { kind: "complete", status: 200, data: body ?? null, version };
  if (res.status === 206) {
    const ops = (Array.isArray(body) ? body : [body]) as OutgoingOp[];
    const done = ops.find((o) => o.op === "RunComplete");
    if (done) return { kind: "complete", status: 206, data: done.data ?? null, version };
    return { kind: "ops", status: 206, ops, noRetry, retryAt, version };
  }
  // No header at all (a proxy error page, a crash) is treated as retriable, like Inngest does.
  return { kind: "error", status: res.status, error: asError(body, res.status), noRetry, retryAt, version };
}
