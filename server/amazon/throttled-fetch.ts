import type { Fetch } from "./lwa";

/** A seller waiting on Amazon's consent redirect should not see "refused" for a throttle: wait a little. */
const MAX_THROTTLE_RETRIES = 3;
const MAX_WAIT_MS = 10_000;

/**
 * A request made outside the job system (during an authorization, with a token of its own and no shared
 * quota bucket yet): a 429 is waited out — Amazon's Retry-After when it gives one, else 1, 2, 4 s — a few
 * times before the answer is passed on.
 */
export async function fetchWithThrottleRetry(fetchImpl: Fetch, url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetchImpl(url, init);
    if (response.status !== 429 || attempt >= MAX_THROTTLE_RETRIES) return response;
    const retryAfter = Number(response.headers.get("retry-after"));
    const wait = Math.min(retryAfter > 0 ? retryAfter * 1000 : 1000 * 2 ** attempt, MAX_WAIT_MS);
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
