import { fromBrowser, hasSigningKey, sameSecret, type ExecutorKeys } from "./auth";
import type { Executor } from "./executor";
import type { EventPayload, FunctionConfig } from "./types";

const refuse = (status: 401 | 403, error: string) => Response.json({ error, status }, { status });

/**
 * The executor's HTTP surface as the SDK expects it: the event API (`inngest.send`, `step.sendEvent`),
 * out-of-band registration, and a JSON view of recent runs.
 *
 * With `keys` (always, over HTTP: see `startExecutor`) every route but a bare health check needs them:
 * events the event key in their path, the rest the hashed signing key; browser requests are refused
 * outright. Without keys (in-process tests only) everything is open.
 */
export function createApi(executor: Executor, keys?: ExecutorKeys): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (keys && fromBrowser(request)) return refuse(403, "browser requests are refused");
    const authorized = !keys || hasSigningKey(request, keys);
    try {
      if (request.method === "POST" && url.pathname.startsWith("/e/")) {
        if (keys && !sameSecret(decodeURIComponent(url.pathname.slice("/e/".length)), keys.eventKey))
          return refuse(401, "unknown event key");
        const body = (await request.json()) as EventPayload | EventPayload[];
        const events = Array.isArray(body) ? body : [body];
        if (events.some((e) => !e || typeof e.name !== "string" || e.name === "")) {
          return Response.json({ error: "every event needs a name", status: 400 }, { status: 400 });
        }
        const ids = await executor.send(events);
        // The SDK rejects any other shape.
        return Response.json({ ids, status: 200 });
      }
      if (request.method === "GET" && (url.pathname === "/health" || url.pathname === "/dev")) {
        // Unauthenticated: alive, nothing more (the launcher's readiness probe).
        if (!authorized) return Response.json({ ok: true });
        return Response.json({ ok: true, functions: executor.ctx.registry.all().map((f) => f.id) });
      }
      if (!authorized) return refuse(401, "missing or wrong signing key");
      if (request.method === "POST" && url.pathname === "/fn/register") {
        // The body's `url` is ignored: calls always go to the app URL the executor was started with.
        const body = (await request.json()) as { appName?: string; functions?: FunctionConfig[] };
        // An explicit registration always writes, even if it looks like what we last synced.
        await executor.register(body.appName ?? "app", body.functions ?? [], { force: true });
        return Response.json({ ok: true, modified: true });
      }
      if (request.method === "GET" && url.pathname === "/runs") {
        const limit = Math.min(Number(url.searchParams.get("limit") ?? 50) || 50, 500);
        const rows = await executor.ctx.sql`select id, function_id, status, created_at, started_at, ended_at, output, error
          from executor_runs order by created_at desc limit ${limit}`;
        return Response.json({ runs: rows });
      }
      return Response.json({ error: "not found" }, { status: 404 });
    } catch (err) {
      const status = err instanceof SyntaxError ? 400 : 500;
      if (status === 500) console.error("[executor] api", request.method, url.pathname, err);
      return Response.json({ error: status === 400 ? "the body is not JSON" : "the executor failed", status }, { status });
    }
  };
}
