/** Shapes shared by the executor core and its transports. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** How the executor reaches the app's serve handler: over HTTP, or by calling the route's exports. */
export type AppFetch = (request: Request) => Promise<Response>;

export interface EventPayload {
  id?: string;
  name: string;
  data?: Record<string, unknown>;
  ts?: number;
  user?: unknown;
  v?: string;
}

export interface StoredEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  user?: unknown;
  v?: string;
}

interface Keyed {
  key?: string;
}

/** The subset of the SDK's function config (`functionConfigSchema`) the executor enforces. */
export interface FunctionConfig {
  id: string;
  name?: string;
  triggers: Array<{ event?: string; expression?: string; cron?: string }>;
  steps: Record<string, { id: string; name: string; runtime: { type: string; url: string }; retries?: { attempts?: number } }>;
  concurrency?: Array<{ limit: number; key?: string; scope?: "fn" | "env" | "account" }>;
  throttle?: Keyed & { limit: number; period: string; burst?: number };
  rateLimit?: Keyed & { limit: number; period: string };
  debounce?: Keyed & { period: string; timeout?: string };
  singleton?: Keyed & { mode: "skip" | "cancel" };
  cancel?: Array<{ event: string; if?: string; timeout?: string }>;
  timeouts?: { start?: string; finish?: string };
  idempotency?: string;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

/** One op in a 206 response from the SDK. */
export interface OutgoingOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown> | null;
  userland?: { id: string; index?: number };
  data?: unknown;
  error?: SerializedError;
}
