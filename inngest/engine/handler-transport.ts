import type { AppFetch } from "./types";

// Next's handlers are typed for NextRequest; a plain Request is what the SDK actually reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RouteHandler = (request: any, context?: any) => Promise<Response> | Response;

/**
 * Test transport: hands the executor's requests straight to the route's exported handlers (the
 * real `serve()` output), so contract tests exercise the same bytes without an HTTP server.
 */
export class HandlerTransport {
  constructor(private readonly handlers: { GET?: RouteHandler; POST?: RouteHandler; PUT?: RouteHandler }) {}

  readonly fetch: AppFetch = async (request) => {
    const handler = this.handlers[request.method as "GET" | "POST" | "PUT"];
    if (!handler) return new Response("method not allowed", { status: 405 });
    return handler(request, { params: Promise.resolve({}) });
  };
}
