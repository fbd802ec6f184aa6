import type { Metadata } from "next";
import { Suspense } from "react";
import { api, HydrateClient } from "~/app/_trpc/server";
import { searchTermInputFromUrl } from "~/server/advertising/search-term-input";
import { SEARCH_TERM_URL_KEYS } from "~/server/advertising/search-term-vocabulary";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { hasRole } from "~/server/organizations/roles";
import { AdvertisingHeader, advertisingView, keptQuery, NoAdProfile } from "../view";
import { SearchTermsView } from "./search-terms-view";

export const metadata: Metadata = { title: "Search terms" };

export default async function SearchTermsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = readSearchParams(await searchParams, SEARCH_TERM_URL_KEYS);
  const { profiles, profile, days } = await advertisingView(search);
  if (!profile) return <NoAdProfile />;
  const input = searchTermInputFromUrl({ adProfileId: profile.id, days }, search);
  const current = await api.organization.current();
  void api.advertising.searchTerms.prefetch(input);
  void api.advertising.daySettlement.prefetch({ adProfileId: profile.id, days });
  const query = keptQuery(profile.id, search);
  return (
    <HydrateClient>
      <AdvertisingHeader
        title="Advertising"
        description={`What customers searched on ${profile.countryCode} before clicking your ads, the keyword or target each search matched, and its performance; add a search as a keyword or a negative.`}
        profiles={profiles}
        profileId={profile.id}
        days={days}
        tab="searchTerms"
        query={query}
      />
      <Suspense>
        {/* A new selection for every new view: rows selected under other filters are not silently added. */}
        <SearchTermsView key={JSON.stringify(input)} input={input} canEdit={hasRole(current.role, "operator")} query={query} />
      </Suspense>
    </HydrateClient>
  );
}
