import type { Metadata } from "next";
import Link from "next/link";
import { api, HydrateClient } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { TargetTable } from "../../tables";
import { AdvertisingHeader, advertisingView, NoAdProfile, type AdvertisingSearch } from "../../view";

export const metadata: Metadata = { title: "Ad group" };

export default async function AdGroupPage({ params, searchParams }: { params: Promise<{ adGroupId: string }>; searchParams: Promise<SearchParams> }) {
  const [{ adGroupId }, rawSearch] = await Promise.all([params, searchParams]);
  const search: AdvertisingSearch = readSearchParams(rawSearch, ["profile", "range"]);
  const { profiles, profile, days } = await advertisingView(search);
  if (!profile) return <NoAdProfile />;
  const data = await api.advertising.targets({ adProfileId: profile.id, days, adGroupId });
  void api.advertising.targets.prefetch({ adProfileId: profile.id, days, adGroupId });
  void api.advertising.daySettlement.prefetch({ adProfileId: profile.id, days });
  const query = `profile=${profile.id}&range=${encodeURIComponent(search.range ?? "")}`;
  return (
    <HydrateClient>
      <AdvertisingHeader
        title={data?.adGroupName ?? `Ad group ${adGroupId}`}
        description="Keywords and product targets of this ad group."
        profiles={profiles}
        profileId={profile.id}
        days={days}
        breadcrumb={
          <>
            <Link className="hover:underline" href={`/advertising?${query}`}>Advertising</Link>
            {data?.campaignId && (
              <>
                {" / "}
                <Link className="hover:underline" href={`/advertising/campaigns/${data.campaignId}?${query}`}>Campaign</Link>
              </>
            )}
          </>
        }
      />
      <TargetTable adProfileId={profile.id} days={days} adGroupId={adGroupId} />
    </HydrateClient>
  );
}
