import { z } from "zod";
import { amazonApiError } from "./api-error";
import { amazonHosts, type Region } from "./endpoints";
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
  const response = await fetchImpl(`${amazonHosts(region).spApi}/sellers/v1/marketplaceParticipations`, {
    headers: { "x-amz-access-token": accessToken, accept: "application/json" },
  });
  if (!response.ok) throw await amazonApiError("sp-api", response);
  return participations.parse(await response.json()).payload;
}
