import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/app/_trpc/server";
import type { SearchParams } from "~/server/http/search-params";
import { EntityPage, entityPageView } from "../../entity-page";
import { keptQuery } from "../../view";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ campaignId: string }>; searchParams: Promise<SearchParams> }) {
  const [{ campaignId }, view] = await Promise.all([params, entityPageView(searchParams)]);
  const parents = view.profile ? await api.advertising.parents({ adProfileId: view.profile.id, campaignId }) : null;
  const query = view.profile ? keptQuery(view.profile.id, view.search) : "";
  return (
    <EntityPage
      list="adGroups"
      view={view}
      parents={{ campaignId }}
      title={parents?.campaign?.name ?? `Campaign ${campaignId}`}
      description="Ad groups of this campaign."
      breadcrumb={<Link className="hover:underline" href={`/advertising?${query}`}>Advertising</Link>}
    />
  );
}
