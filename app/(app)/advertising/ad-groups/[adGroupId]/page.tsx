import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/app/_trpc/server";
import type { SearchParams } from "~/server/http/search-params";
import { AdGroupAdditions } from "../../create/ad-group-additions";
import { EntityPage, entityPageView } from "../../entity-page";
import { keptQuery } from "../../view";

export const metadata: Metadata = { title: "Ad group" };

export default async function AdGroupPage({ params, searchParams }: { params: Promise<{ adGroupId: string }>; searchParams: Promise<SearchParams> }) {
  const [{ adGroupId }, view] = await Promise.all([params, entityPageView(searchParams)]);
  const parents = view.profile ? await api.advertising.parents({ adProfileId: view.profile.id, adGroupId }) : null;
  const query = view.profile ? keptQuery(view.profile.id, view.search) : "";
  const campaignId = parents?.adGroup?.campaignId;
  return (
    <EntityPage
      list="targets"
      view={view}
      parents={{ adGroupId }}
      title={parents?.adGroup?.name ?? `Ad group ${adGroupId}`}
      description="Keywords and product targets of this ad group."
      // Keywords, product ads and negatives are created in the ad group (and its campaign) once both are known.
      actions={campaignId ? (p) => <AdGroupAdditions adProfileId={p.adProfileId} currency={p.currency} campaignId={campaignId} adGroupId={adGroupId} /> : undefined}
      breadcrumb={
        <>
          <Link className="hover:underline" href={`/advertising?${query}`}>Advertising</Link>
          {campaignId && (
            <>
              {" / "}
              <Link className="hover:underline" href={`/advertising/campaigns/${campaignId}?${query}`}>Campaign</Link>
            </>
          )}
        </>
      }
    />
  );
}
