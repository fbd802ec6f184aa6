import { z } from "zod";
import { amazonApiError } from "./api-error";
import { appCredentials } from "./app-credentials";
import { amazonHosts, REGIONS, type Region } from "./endpoints";
import type { Fetch } from "./lwa";
import { MARKETPLACES } from "./marketplaces";
import { fetchWithThrottleRetry } from "./throttled-fetch";

const profile = z.object({
  profileId: z.union([z.number(), z.string()]).transform(String),
  countryCode: z.string(),
  currencyCode: z.string(),
  timezone: z.string(),
  accountInfo: z.object({
    marketplaceStringId: z.string(),
    id: z.string(),
    type: z.string(),
    name: z.string().optional().default(""),
  }),
});
export type AdsProfile = z.infer<typeof profile> & { region: Region };

/**
 * GET /v2/profiles on every regional host: an Ads login is global, but each host lists only its region's
 * profiles. The sandbox serves all regions on one host, so profiles are de-duplicated by id.
 */
export async function listAdsProfiles(accessToken: string, fetchImpl: Fetch = fetch): Promise<AdsProfile[]> {
  const { adsClientId } = appCredentials();
  const byId = new Map<string, AdsProfile>();
  for (const region of REGIONS) {
    const response = await fetchWithThrottleRetry(fetchImpl, `${amazonHosts(region).adsApi}/v2/profiles`, {
      headers: {
        authorization: `Bearer ${accessToken}`,
        "amazon-advertising-api-clientid": adsClientId,
        accept: "application/json",
      },
    });
    if (!response.ok) throw await amazonApiError("ads-api", response);
    for (const p of z.array(profile).parse(await response.json())) {
      if (!byId.has(p.profileId)) byId.set(p.profileId, { ...p, region: regionOfProfile(p.accountInfo.marketplaceStringId, region) });
    }
  }
  return [...byId.values()];
}

function regionOfProfile(marketplaceId: string, host: Region): Region {
  return MARKETPLACES.get(marketplaceId)?.region ?? host;
}
