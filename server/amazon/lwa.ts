import { z } from "zod";
import { appCredentials } from "./app-credentials";
import { amazonHosts, type Region } from "./endpoints";

export type GrantKind = "store" | "ads";
export type Fetch = typeof fetch;

/** An error answer of Login with Amazon (`{error, error_description}`). */
export class LwaError extends Error {
  override name = "LwaError";
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number,
  ) {
    super(`Login with Amazon refused the request: ${error}${description ? ` (${description})` : ""}`);
  }
  /** The grant is gone (revoked, expired, or never valid): only the seller can fix this, by re-authorizing. */
  get grantIsDead(): boolean {
    return this.error === "invalid_grant" || this.error === "unauthorized_client";
  }
}

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string(),
  expires_in: z.number().positive(),
});
export type TokenAnswer = z.infer<typeof tokenAnswer>;

function clientOf(kind: GrantKind) {
  const app = appCredentials();
  return kind === "store"
    ? { client_id: app.spApiClientId, client_secret: app.spApiClientSecret }
    : { client_id: app.adsClientId, client_secret: app.adsClientSecret };
}

async function postToken(region: Region, form: Record<string, string>, fetchImpl: Fetch): Promise<TokenAnswer> {
  const response = await fetchImpl(`${amazonHosts(region).lwaToken}/auth/o2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8", accept: "application/json" },
    body: new URLSearchParams(form),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = z.object({ error: z.string(), error_description: z.string().optional() }).safeParse(body);
    throw parsed.success
      ? new LwaError(parsed.data.error, parsed.data.error_description ?? "", response.status)
      : new LwaError("server_error", `HTTP ${response.status}`, response.status);
  }
  const parsed = tokenAnswer.safeParse(body);
  if (!parsed.success) throw new LwaError("invalid_response", "Login with Amazon answered without a token.", response.status);
  return parsed.data;
}

export function exchangeAuthorizationCode(
  args: { kind: GrantKind; region: Region; code: string; redirectUri: string },
  fetchImpl: Fetch = fetch,
) {
  return postToken(
    args.region,
    { grant_type: "authorization_code", code: args.code, redirect_uri: args.redirectUri, ...clientOf(args.kind) },
    fetchImpl,
  );
}

export function refreshAccessToken(
  args: { kind: GrantKind; region: Region; refreshToken: string },
  fetchImpl: Fetch = fetch,
) {
  return postToken(args.region, { grant_type: "refresh_token", refresh_token: args.refreshToken, ...clientOf(args.kind) }, fetchImpl);
}
