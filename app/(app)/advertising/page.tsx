import type { Metadata } from "next";
import { api, HydrateClient } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { CampaignTable } from "./tables";
import { AdvertisingHeader, advertisingView, NoAdProfile, type AdvertisingSearch } from "./view";

export const metadata: Metadata = { title: "Advertising" };

export default async function AdvertisingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search: AdvertisingSearch = readSearchParams(await searchParams, ["profile", "range"]);
  const { profiles, profile, days } = await advertisingView(search);
  if (!profile) return <NoAdProfile />;
  void api.advertising.campaigns.prefetch({ adProfileId: profile.id, days });
  void api.advertising.daySettlement.prefetch({ adProfileId: profile.id, days });
  return (
    <HydrateClient>
      <AdvertisingHeader
        title="Advertising"
        description={`Sponsored Products campaigns of ${profile.countryCode} (${profile.currencyCode}); days are ${profile.timeZone} days.`}
        profiles={profiles}
        profileId={profile.id}
        days={days}
      />
      <CampaignTable adProfileId={profile.id} days={days} query={`profile=${profile.id}&range=${encodeURIComponent(search.range ?? "")}`} />
    </HydrateClient>
  );
}
