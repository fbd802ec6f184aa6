import type { Metadata } from "next";
import { Suspense } from "react";
import { api, HydrateClient } from "~/app/_trpc/server";
import { historyInputFromUrl } from "~/server/advertising/history-input";
import { HISTORY_URL_KEYS } from "~/server/advertising/vocabulary";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { AdvertisingHeader, advertisingView, keptQuery, NoAdProfile } from "../view";
import { HistoryView } from "./history-view";

export const metadata: Metadata = { title: "Advertising history" };

export default async function AdvertisingHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const search = readSearchParams(raw, HISTORY_URL_KEYS);
  // The tabs keep the range the other tabs show, though the history has none of its own.
  const { range } = readSearchParams(raw, ["range"]);
  const { profiles, profile, days } = await advertisingView({ profile: search.profile, range });
  if (!profile) return <NoAdProfile />;
  const input = historyInputFromUrl(profile.id, search);
  void api.advertising.history.prefetch(input);
  return (
    <HydrateClient>
      <AdvertisingHeader
        title="Advertising"
        description={`Every change to the settings of ${profile.countryCode}'s campaigns, ad groups, ads, keywords and targets: made in Seller Central (found by a sync) or in the app. Times are ${profile.timeZone} time.`}
        profiles={profiles}
        profileId={profile.id}
        days={days}
        tab="history"
        query={keptQuery(profile.id, { range })}
        withRange={false}
      />
      <Suspense>
        <HistoryView input={input} />
      </Suspense>
    </HydrateClient>
  );
}
