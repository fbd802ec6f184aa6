import { eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { amazonAccessTokens } from "~/db/schema";
import { amazonApiError, type AmazonApiError } from "./api-error";
import { appCredentials } from "./app-credentials";
import type { Fetch } from "./lwa";
import { ADS_API_QUOTA, blockForOneToken, blockUntil, correctRate, releaseRequest, reserveRequest, SP_API_QUOTAS, type QuotaSpec } from "./quotas";
import { getAccessToken } from "./tokens";

/** Who is calling: the grant whose token is used and the key its quotas are counted under. */
export interface AmazonCaller {
  db: Database;
  grantId: string;
  /** SP-API: the selling partner id (usage plans are per application and seller). Ads: the profile id. */
  quotaScope: string;
  /** Ads API calls carry the profile as their scope header. */
  adsProfileId?: string;
  fetch?: Fetch;
  /** Counts every HTTP request sent to Amazon, for the run history. */
  onCall?: () => void;
  /** Longest we wait in-process for a quota slot; longer waits are left to the job's retry. */
  maxQuotaWaitMs?: number;
}

/** Thrown when the next slot is further away than a job should wait in place; the job retries later. */
export class QuotaWaitError extends Error {
  override name = "QuotaWaitError";
  constructor(readonly waitMs: number, reason?: string) {
    super(reason ?? `Amazon's quota allows the next request in ${Math.ceil(waitMs / 1000)} s.`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MAX_ATTEMPTS = 5;

async function waitForSlot(caller: AmazonCaller, key: string, spec: QuotaSpec) {
  const wait = await reserveRequest(caller.db, key, spec);
  if (wait > (caller.maxQuotaWaitMs ?? 60_000)) {
    // Not waiting in line after all: the place goes back, or every retry would push the line further out.
    await releaseRequest(caller.db, key);
    throw new QuotaWaitError(wait);
  }
  if (wait > 0) await sleep(wait);
}

/**
 * One Amazon API request, done the way Amazon asks: paced by the shared token bucket, with a fresh access
 * token, a 429 backing off for the bucket as a whole, 5xx retried with backoff, and an expired token
 * refreshed once.
 */
export async function amazonRequest(
  caller: AmazonCaller,
  args: { api: "sp-api" | "ads-api"; operation: string; url: string; init?: RequestInit },
): Promise<Response> {
  const spec = args.api === "sp-api" ? (SP_API_QUOTAS[args.operation] ?? { ratePerSecond: 1, burst: 1 }) : ADS_API_QUOTA;
  const key = `${args.api}:${caller.quotaScope}:${args.operation}`;
  const fetchImpl = caller.fetch ?? fetch;
  let lastError: AmazonApiError | undefined;

  let renewedToken = false;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await waitForSlot(caller, key, spec);
    const token = await getAccessToken(caller.db, caller.grantId, { fetch: caller.fetch });
    const headers = new Headers(args.init?.headers);
    if (args.api === "sp-api") headers.set("x-amz-access-token", token);
    else {
      headers.set("authorization", `Bearer ${token}`);
      headers.set("amazon-advertising-api-clientid", appCredentials().adsClientId);
      if (caller.adsProfileId) headers.set("amazon-advertising-api-scope", caller.adsProfileId);
    }
    if (!headers.has("accept")) headers.set("accept", "application/json");
    caller.onCall?.();
    let response: Response;
    try {
      response = await fetchImpl(args.url, { ...args.init, headers });
    } catch (error) {
      if (attempt === MAX_ATTEMPTS) throw error;
      await sleep(250 * 2 ** attempt);
      continue;
    }

    const announced = Number(response.headers.get("x-amzn-ratelimit-limit"));
    if (announced > 0) await correctRate(caller.db, key, announced);
    if (response.ok) return response;

    lastError = await amazonApiError(args.api, response);
    if (response.status === 429) {
      // Amazon's own wait when it gives one (Ads), else one token's worth of time (SP-API).
      if (lastError.retryAfterSeconds !== undefined)
        await blockUntil(caller.db, key, new Date(Date.now() + lastError.retryAfterSeconds * 1000));
      else await blockForOneToken(caller.db, key);
      continue;
    }
    if (response.status === 401 || (response.status === 403 && /expired|token/i.test(lastError.detail))) {
      // The cached token may have been revoked or expired early: drop it and ask LWA once more.
      // Once per request: a second refusal with a fresh token is not about the token's age.
      await caller.db.delete(amazonAccessTokens).where(eq(amazonAccessTokens.grantId, caller.grantId));
      if (!renewedToken) {
        renewedToken = true;
        continue;
      }
      throw lastError;
    }
    if (response.status >= 500) {
      await sleep(250 * 2 ** attempt);
      continue;
    }
    throw lastError;
  }
  throw lastError ?? new Error(`${args.operation} failed`);
}
