import type { Metadata } from "next";
import Link from "next/link";
import { api, HydrateClient } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { AdGroupTable } from "../../tables";
import { AdvertisingHeader, advertisingView, NoAdProfile, type AdvertisingSearch } from "../../view";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ campaignId: string }>; searchParams: Promise<SearchParams> }) {
  const [{ campaignId }, rawSearch] = await Promise.all([params, searchParams]);
  const search: AdvertisingSearch = readSearchParams(rawSearch, ["profile", "range"]);
  const { profiles, profile, days } = await advertisingView(search);
  if (!profile) return <NoAdProfile />;
  const data = await api.advertising.adGroups({ adProfileId: profile.id, days, campaignId });
  void api.advertising.adGroups.prefetch({ adProfileId: profile.id, days, campaignId });
  void api.advertising.daySettlement.prefetch({ adProfileId: profile.id, days });
  const query = `profile=${profile.id}&range=${encodeURIComponent(search.range ?? "")}`;
  return (
    <HydrateClient>
      <AdvertisingHeader
        title={data?.campaignName ?? `Campaign ${campaignId}`}
        description="Ad groups of this campaign."
        profiles={profiles}
        profileId={profile.id}
        days={days}
        breadcrumb={<Link className="hover:underline" href={`/advertising?${query}`}>Advertising</Link>}
      />
      <AdGroupTable adProfileId={profile.id} days={days} campaignId={campaignId} query={query} />
    </HydrateClient>
  );
}
