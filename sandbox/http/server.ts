import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { Socket } from "node:net";
import type { Sandbox } from "../state";
import { Router } from "./router";
import { staticSandbox } from "../static/static-sandbox";
import type { Ctx, Principal, Reply, Route } from "./types";
import { adsError as adsErrorBase, HttpError, spError } from "./types";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How often an SP-API answer that should carry `x-amzn-RateLimit-Limit` comes without it (Amazon: "best-effort"). */
const RATE_HEADER_MISSING_RATE = 0.1;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function isAds(route: Route): boolean {
  return route.auth === "ads" || route.auth === "ads-noscope";
}

function authenticate(ctx: Ctx, route: Route): Principal | undefined {
  const sb = ctx.sb;
  const rep = route.path.startsWith("/reporting/");
  const adsError = (status: number, code: string, text: string) => adsErrorBase(status, code, text, rep);
  const now = sb.clock.now();
  if (route.auth === "sp") {
    const token = ctx.req.headers["x-amz-access-token"];
    if (typeof token !== "string" || !token) {
      // Amazon's gateway answers a request without a token itself, in its own words and with its error type.
      const e = spError(403, "MissingAuthenticationToken", "Access to requested resource is denied.");
      e.reply.headers = { "x-amzn-ErrorType": "MissingAuthenticationTokenException" };
      throw e;
    }
    const g = sb.lwa.checkAccess(token, now);
    if (g === "expired") throw spError(403, "Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired.");
    if (typeof g === "string" || g.kind !== "sp") throw spError(403, "Unauthorized", "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid.");
    return { kind: "sp", sellerId: g.sellerId };
  }
  if (isAds(route)) {
    const auth = ctx.req.headers.authorization;
    const clientId = ctx.req.headers["amazon-advertising-api-clientid"];
    if (typeof clientId !== "string" || !clientId) throw adsError(400, "400", "Missing required header Amazon-Advertising-API-ClientId");
    if (typeof auth !== "string" || !/^Bearer\s+\S+/i.test(auth)) throw adsError(401, "UNAUTHORIZED", "HTTP 401 Unauthorized");
    const g = sb.lwa.checkAccess(auth.replace(/^Bearer\s+/i, ""), now);
    if (g === "expired") throw adsError(401, "UNAUTHORIZED", "Access token has expired");
    if (typeof g === "string" || g.kind !== "ads") throw adsError(401, "UNAUTHORIZED", "HTTP 401 Unauthorized");
    if (clientId !== g.clientId) throw adsError(401, "UNAUTHORIZED", "Invalid Amazon-Advertising-API-ClientId");
    const p: Principal = { kind: "ads", sellerId: g.sellerId };
    if (route.auth === "ads") {
      const scope = ctx.req.headers["amazon-advertising-api-scope"];
      if (typeof scope !== "string" || !scope) throw adsError(400, "400", "Missing required header Amazon-Advertising-API-Scope");
      const profile = sb.ads.profile(scope);
      if (!profile || profile.sellerId !== g.sellerId) throw adsError(401, "UNAUTHORIZED", "Not authorized to access scope " + scope);
      p.profileId = scope;
    }
    return p;
  }
  return undefined;
}

function send(res: ServerResponse, reply: Reply, extra: Record<string, string>): void {
  const headers: Record<string, string> = { ...extra, ...(reply.headers ?? {}) };
  let body: Buffer | string;
  if (reply.body === undefined || reply.body === "") body = "";
  else if (Buffer.isBuffer(reply.body) || typeof reply.body === "string") body = reply.body;
  else {
    body = JSON.stringify(reply.body);
    headers["content-type"] ??= "application/json";
  }
  headers["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(reply.status, headers);
  res.end(body);
}

export function createSandboxServer(sb: Sandbox, routes: Route[]) {
  const router = new Router();
  router.add(...routes);
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { errors: [{ code: "InternalFailure", message: String(e) }] } }, {});
    });
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const extra: Record<string, string> = { "x-amzn-RequestId": randomUUID() };
    if (sb.options.log) console.info(`${req.method} ${url.pathname}${url.search}`);
    const host = String(req.headers.host ?? "");
    if (url.pathname.startsWith("/__static/") || host.startsWith("sandbox.")) return handleStatic(req, res, url, extra);
    const m = router.match(req.method ?? "GET", url.pathname);
    if (!m) return send(res, { status: 404, body: { errors: [{ code: "NotFound", message: "Resource not found", details: "" }] } }, extra);
    if ("allowed" in m) return send(res, { status: 405, headers: { allow: m.allowed.join(", ") }, body: { errors: [{ code: "MethodNotAllowed", message: "Method not allowed" }] } }, extra);
    const { route, params } = m;
    const rawBody = await readBody(req);
    let formCache: URLSearchParams | undefined;
    const ctx: Ctx = {
      sb, req, url, query: url.searchParams, params, rawBody,
      json() {
        if (rawBody.length === 0) return undefined;
        try { return JSON.parse(rawBody.toString("utf8")) as unknown; } catch {
          throw isAds(route) ? adsErrorBase(400, "400", "Malformed JSON body", route.path.startsWith("/reporting/")) : spError(400, "InvalidInput", "Malformed JSON body");
        }
      },
      form() { return (formCache ??= new URLSearchParams(rawBody.toString("utf8"))); },
    };
    const ads = isAds(route);
    try {
      if (!route.operation.startsWith("control")) {
        const f = sb.faults.get(route.operation);
        if (f.latencyMs) await sleep(f.latencyMs);
        if (sb.faults.roll(f.timeoutRate)) {
          // A timeout: hold the request, then drop the connection without answering.
          await sleep(Math.max(f.latencyMs ?? 0, 5000));
          req.socket.destroy();
          return;
        }
        if (sb.faults.roll(f.errorRate)) {
          throw ads ? adsErrorBase(500, "INTERNAL_ERROR", "Internal error", route.path.startsWith("/reporting/")) : spError(500, "InternalFailure", "We encountered an internal error. Please try again.");
        }
      }
      const principal = authenticate(ctx, route);
      if (principal) ctx.principal = principal;
      const limit = principal ? sb.quotas.limitFor(route.operation, ads) : undefined;
      if (principal && limit) {
        const key = `${principal.profileId ?? principal.sellerId}|${ads ? "ads" : route.operation}`;
        const forced = sb.faults.takeForced429(route.operation);
        if (forced || !sb.quotas.take(key, limit, sb.clock.now())) {
          if (ads) {
            return send(res, { status: 429, headers: { "Retry-After": String(sb.quotas.retryAfterSeconds(key, limit)) }, body: route.path.startsWith("/reporting/") ? { code: "429", detail: "Too Many Requests" } : { code: "THROTTLED", message: "Request was throttled" } }, extra);
          }
          // As Amazon's gateway throttles: its error type and no rate (x-amzn-RateLimit-Limit is best-effort, on
          // 20x, 400 and 404 only), and no hint of when to come back.
          return send(res, { status: 429, headers: { "x-amzn-ErrorType": "TooManyRequestsException" }, body: { errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource." }] } }, extra);
        }
        // SP-API reports the applied rate, but not on every answer; the Ads API never does.
        if (!ads && !sb.faults.roll(sb.faults.get(route.operation).rateHeaderMissingRate ?? RATE_HEADER_MISSING_RATE)) extra["x-amzn-RateLimit-Limit"] = String(limit.rate);
      }
      const reply = await route.handler(ctx);
      if (reply.status >= 300 && reply.status !== 400 && reply.status !== 404) delete extra["x-amzn-RateLimit-Limit"];
      send(res, reply, extra);
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.reply, extra);
      throw e;
    }
  }

  /** Amazon's static sandbox: documented example answers, behind a valid SP-API token. */
  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL, extra: Record<string, string>): Promise<void> {
    const rawBody = await readBody(req);
    const amazonPath = url.pathname.startsWith("/__static/") ? url.pathname.slice("/__static".length) : url.pathname;
    const route: Route = { method: req.method ?? "GET", path: amazonPath, operation: "static", auth: "sp", handler: () => ({ status: 500 }) };
    const ctx: Ctx = { sb, req, url, query: url.searchParams, params: {}, rawBody, json: () => JSON.parse(rawBody.toString("utf8")) as unknown, form: () => new URLSearchParams(rawBody.toString("utf8")) };
    try {
      const principal = authenticate(ctx, route);
      if (principal) ctx.principal = principal;
      send(res, staticSandbox(ctx, amazonPath), extra);
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.reply, extra);
      throw e;
    }
  }

  return {
    server,
    router,
    destroyAll(): void { for (const s of sockets) s.destroy(); },
  };
}
