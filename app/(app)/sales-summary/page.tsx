import type { Metadata } from "next";
import { ListPage } from "~/app/_components/list-page";
import type { SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "All Sites Sales Summary" };

export default function SalesSummaryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <ListPage
      list="sales-summary"
      title="All Sites Sales Summary"
      description="Sales, orders and units of every marketplace of every store as Amazon reports them (Sales API), per local day: the last 3 days refreshed about every 15 minutes, days 3–30 twice a day; older days are not asked again. Amazon's figures are shown here only; profit uses your orders and settlements."
      noun="marketplace days"
      searchHint="Day (YYYY-MM-DD)"
      defaultRange="30d"
      searchParams={searchParams}
    />
  );
}
