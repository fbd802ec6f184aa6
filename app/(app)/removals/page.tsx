import type { Metadata } from "next";
import { ListPage } from "~/app/_components/list-page";
import type { SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "Removals" };

export default function RemovalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <ListPage
      list="removals"
      title="Removals"
      description="FBA removal orders — returns to you and disposals — by the day they were requested, in each marketplace's local time. Synced daily; the 12 months before your store authorization are loaded on authorization."
      noun="removal order lines"
      searchHint="Removal order id, SKU or FNSKU"
      searchParams={searchParams}
    />
  );
}
