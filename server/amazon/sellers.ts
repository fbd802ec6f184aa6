import { z } from "zod";
import { amazonApiError } from "./api-error";
import { amazonHosts, type Region } from "./endpoints";
import { fetchWithThrottleRetry } from "./throttled-fetch";
import type { Fetch } from "./lwa";

const participations = z.object({
  payload: z.array(
    z.object({
      marketplace: z.object({
        id: z.string(),
        name: z.string(),
        countryCode: z.string(),
        defaultCurrencyCode: z.string(),
        defaultLanguageCode: z.string(),
        domainName: z.string(),
      }),
      participation: z.object({ isParticipating: z.boolean(), hasSuspendedListings: z.boolean() }),
    }),
  ),
});
export type MarketplaceParticipation = z.infer<typeof participations>["payload"][number];

/** sellers v1 getMarketplaceParticipations: the marketplaces a selling partner sells in. */
export async function getMarketplaceParticipations(
  region: Region,
  accessToken: string,
  fetchImpl: Fetch = fetch,
): Promise<MarketplaceParticipation[]> {
  const response = await fetchWithThrottleRetry(fetchImpl, `${amazonHosts(region).spApi}/sellers/v1/marketplaceParticipations`, {
    headers: { "x-amz-access-token": accessToken, accept: "application/json" },
  });
  if (!response.ok) throw await amazonApiError("sp-api", response);
  return participations.parse(await response.json()).payload;
}

/**
 * Whether the access token belongs to `sellerId`. The callback's `selling_partner_id` is only a URL
 * parameter, which anyone can edit; Listings Items' `searchListingsItems` is scoped by seller id and answers
 * 403 for any seller but the token's own, so one call (a page of one item) proves who granted the token.
 */
export async function tokenBelongsToSeller(
  region: Region,
  accessToken: string,
  sellerId: string,
  marketplaceId: string,
  fetchImpl: Fetch = fetch,
): Promise<boolean> {
  const url = new URL(`${amazonHosts(region).spApi}/listings/2021-08-01/items/${encodeURIComponent(sellerId)}`);
  url.searchParams.set("marketplaceIds", marketplaceId);
  url.searchParams.set("pageSize", "1");
  const response = await fetchWithThrottleRetry(fetchImpl, url.toString(), { headers: { "x-amz-access-token": accessToken, accept: "application/json" } });
  if (response.status === 403) return false;
  if (!response.ok) throw await amazonApiError("sp-api", response);
  return true;
}
