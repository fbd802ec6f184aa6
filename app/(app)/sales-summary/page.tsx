import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { SUMMARY_URL_KEYS, summaryInputFromUrl } from "~/server/sales/summary-input";
import { SummaryView } from "./summary-view";

export const metadata: Metadata = { title: "All Sites Sales Summary" };

export default async function SalesSummaryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = readSearchParams(await searchParams, SUMMARY_URL_KEYS);
  const input = { ...summaryInputFromUrl(search), page: Math.min(100_000, Math.max(1, Number(search.page) || 1)), pageSize: 50 };
  void api.salesSummary.overview.prefetch(input);
  void api.organization.current.prefetch();
  return (
    <HydrateClient>
      <PageHeader
        title="All Sites Sales Summary"
        description="Every marketplace of every store, per local day: sales, orders and units as Amazon reports them (Sales API) beside your synchronized orders, the gap and why. Amazon's figures of the last 3 days are fetched about every 15 minutes, days 3–30 twice a day; older days are not asked again. They are shown here only: profit uses your orders and settlements."
      />
      <Suspense>
        <SummaryView input={input} />
      </Suspense>
    </HydrateClient>
  );
}
