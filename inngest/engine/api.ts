import type { Executor } from "./executor";
import type { EventPayload, FunctionConfig } from "./types";

/**
 * The executor's HTTP surface as the SDK expects it in dev mode: the event API (`inngest.send`,
 * `step.sendEvent`), out-of-band registration, and a JSON view of recent runs.
 */
export function createApi(executor: Executor): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    try {
      if (request.method === "POST" && url.pathname.startsWith("/e/")) {
        const body = (await request.json()) as EventPayload | EventPayload[];
        const events = Array.isArray(body) ? body : [body];
        if (events.some((e) => !e || typeof e.name !== "string" || e.name === "")) {
          return Response.json({ error: "every event needs a name", status: 400 }, { status: 400 });
        }
        const ids = await executor.send(events);
        // The SDK rejects any other shape.
        return Response.json({ ids, status: 200 });
      }
      if (request.method === "POST" && url.pathname === "/fn/register") {
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
      if (request.method === "GET" && (url.pathname === "/health" || url.pathname === "/dev")) {
        return Response.json({ ok: true, functions: executor.ctx.registry.all().map((f) => f.id) });
      }
      return Response.json({ error: "not found" }, { status: 404 });
    } catch (err) {
      return Response.json({ error: String(err), status: 500 }, { status: 500 });
    }
  };
}
