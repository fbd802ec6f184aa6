import { createApi } from "./api";
import type { ExecutorKeys } from "./auth";
import { Executor } from "./executor";
import { listen } from "./node-http";
import type { Clock } from "./types";

export interface StartExecutorOptions {
  databaseUrl: string;
  /** The app origin (http://127.0.0.1:3000) or its full serve URL (…/api/inngest). */
  appUrl: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  clock?: Clock;
  /** Re-sync with the app this often, so new or changed functions are picked up (default 5 s). */
  syncIntervalMs?: number;
  leaseMs?: number;
  workers?: number;
  retryBaseMs?: number;
  /**
   * Shared with the app: calls and syncs are signed with the signing key (the app verifies them, as in
   * cloud mode), and every route of the executor's own port needs one of the keys.
   */
  keys: ExecutorKeys;
  log?: (message: string) => void;
}

/** Inngest Cloud accepts event payloads up to 3 MiB (more on paid plans); a batch of them fits in this. */
const MAX_EVENT_BODY_BYTES = 16 * 2 ** 20;

export function serveUrlOf(appUrl: string): string {
  const url = new URL(appUrl);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/api/inngest";
  return url.toString();
}

/**
 * HttpTransport: the embedded executor as a server on 127.0.0.1. It speaks the event API and
 * registration like an Inngest server (the SDK runs in cloud mode with INNGEST_BASE_URL=<its url> and the
 * shared keys), calls the app over HTTP with signed requests, and syncs in-band at start and every few
 * seconds (the app may start after us).
 */
export async function startExecutor(options: StartExecutorOptions): Promise<{ url: string; executor: Executor; stop(): Promise<void> }> {
  const log = options.log ?? ((m: string) => console.info(`[executor] ${m}`));
  const appUrl = serveUrlOf(options.appUrl);
  const executor = new Executor({
    databaseUrl: options.databaseUrl,
    appUrl,
    appFetch: (request) => fetch(request),
    clock: options.clock,
    leaseMs: options.leaseMs,
    workers: options.workers,
    retryBaseMs: options.retryBaseMs,
    signingKey: options.keys.signingKey,
  });
  await executor.init();
  const server = await listen(createApi(executor, options.keys), {
    port: options.port,
    host: options.host,
    maxBodyBytes: MAX_EVENT_BODY_BYTES,
  });
  let synced = false;
  let lastError = "";
  const sync = async () => {
    try {
      const n = await executor.sync();
      if (!synced) log(`synced ${n} function(s) from ${appUrl}`);
      synced = true;
      lastError = "";
    } catch (err) {
      const message = String(err);
      // Logged once per distinct failure: the app is often still compiling when we start.
      if (message !== lastError) log(`sync with ${appUrl} failed (will retry): ${message}`);
      lastError = message;
    }
  };
  await sync();
  const timer = setInterval(() => void sync(), options.syncIntervalMs ?? 5_000);
  executor.start();
  return {
    url: server.url,
    executor,
    async stop() {
      clearInterval(timer);
      await server.close();
      await executor.stop();
    },
  };
}
