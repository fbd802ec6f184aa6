import type { Metadata } from "next";
import type { SearchParams } from "~/server/http/search-params";
import { NewCampaign } from "./create/new-campaign";
import { EntityPage, entityPageView } from "./entity-page";

export const metadata: Metadata = { title: "Advertising" };

export default async function AdvertisingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const view = await entityPageView(searchParams);
  return (
    <EntityPage
      list="campaigns"
      tab="campaigns"
      view={view}
      title="Advertising"
      actions={(p) => <NewCampaign adProfileId={p.adProfileId} currency={p.currency} />}
      description={
        view.profile
          ? `Sponsored Products campaigns of ${view.profile.countryCode} (${view.profile.currencyCode}) with their settings and performance; days are ${view.profile.timeZone} days.`
          : ""
      }
    />
  );
}
