import type { Ctx, Reply, Route } from "../http/types";
import { MINUTE } from "../util/time";
import { ACCESS_TTL_MS } from "./store";

/** The share of access tokens that expire early by default. */
const EARLY_EXPIRY_RATE = 0.02;

const lwaError = (status: number, error: string, description: string): Reply => ({
  status,
  headers: { "cache-control": "no-store", pragma: "no-cache", "content-type": "application/json;charset=UTF-8" },
  body: { error_description: description, error },
});

function params(ctx: Ctx): URLSearchParams {
  const ct = String(ctx.req.headers["content-type"] ?? "");
  if (ct.includes("application/json")) {
    const j = ctx.json();
    const p = new URLSearchParams();
    if (j && typeof j === "object") for (const [k, v] of Object.entries(j)) if (typeof v === "string") p.set(k, v);
    return p;
  }
  return ctx.form();
}

/** Client credentials may come in the body or as HTTP Basic, as LWA allows. */
function clientAuth(ctx: Ctx, p: URLSearchParams): { id: string; secret: string } | undefined {
  const h = ctx.req.headers.authorization;
  if (h?.startsWith("Basic ")) {
    const [id, secret] = Buffer.from(h.slice(6), "base64").toString().split(":");
    if (id && secret) return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
  }
  const id = p.get("client_id");
  const secret = p.get("client_secret");
  return id && secret ? { id, secret } : undefined;
}

function token(ctx: Ctx): Reply {
  const sb = ctx.sb;
  const p = params(ctx);
  const grant = p.get("grant_type");
  if (!grant) return lwaError(400, "invalid_request", "The request is missing a required parameter : grant_type");
  if (grant !== "authorization_code" && grant !== "refresh_token") {
    return lwaError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
  }
  const client = clientAuth(ctx, p);
  if (!client) return lwaError(400, "invalid_request", "The request is missing a required parameter : client_id");
  const creds = sb.credentials;
  const known = (client.id === creds.spApiClientId && client.secret === creds.spApiClientSecret) || (client.id === creds.adsClientId && client.secret === creds.adsClientSecret);
  if (!known) return lwaError(401, "invalid_client", "Client authentication failed");
  const now = sb.clock.now();
  let refreshToken: string;
  if (grant === "authorization_code") {
    const code = p.get("code");
    if (!code) return lwaError(400, "invalid_request", "The request is missing a required parameter : code");
    const c = sb.lwa.redeemCode(code, client.id, p.get("redirect_uri") ?? undefined, now);
    if (c === "invalid") return lwaError(400, "invalid_grant", "The request has an invalid grant parameter : code");
    refreshToken = sb.lwa.issueRefresh(client.id, c.kind, c.sellerId);
  } else {
    const rt = p.get("refresh_token");
    if (!rt) return lwaError(400, "invalid_request", "The request is missing a required parameter : refresh_token");
    const info = sb.lwa.refreshInfo(rt);
    if (!info || info.revoked || info.clientId !== client.id) {
      return lwaError(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
    }
    refreshToken = rt;
  }
  // Some tokens stop working long before the hour they announce (Amazon rotates or invalidates them): a client
  // must take a 401/403 "expired" as a reason to ask for a new one, not trust expires_in.
  const early = sb.faults.roll(sb.faults.get("lwaToken").earlyExpiryRate ?? EARLY_EXPIRY_RATE);
  const a = sb.lwa.issueAccess(refreshToken, now, early ? (5 + Math.floor(sb.faults.random() * 50)) * MINUTE : ACCESS_TTL_MS);
  if (!a) return lwaError(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
  return {
    status: 200,
    headers: { "cache-control": "no-store", pragma: "no-cache", "content-type": "application/json;charset=UTF-8" },
    body: { access_token: a.token, refresh_token: refreshToken, token_type: "bearer", expires_in: ACCESS_TTL_MS / 1000 },
  };
}

export const lwaTokenRoutes: Route[] = [
  { method: "POST", path: "/auth/o2/token", operation: "lwaToken", auth: "none", handler: token },
];
