import type { Metadata } from "next";
import { ListPage } from "~/app/_components/list-page";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "Storage fees" };

export default async function StorageFeesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const longTerm = readSearchParams(await searchParams, ["list"]).list === "long-term";
  const tabs = [
    { href: "/fees", label: "Monthly storage fees", active: !longTerm },
    { href: "/fees?list=long-term", label: "Long-term storage fees", active: longTerm },
  ];
  return longTerm ? (
    <ListPage
      list="long-term-storage-fees"
      title="Storage fees"
      description="Long-term storage fees Amazon charges for inventory stored too long, per monthly snapshot, product and age tier. Last month's arrive between the 18th and the 22nd; the 6 months before your store authorization are loaded on authorization."
      noun="long-term fee lines"
      searchHint="SKU, ASIN, FNSKU or product"
      defaultRange="12m"
      tabs={tabs}
      searchParams={searchParams}
    />
  ) : (
    <ListPage
      list="storage-fees"
      title="Storage fees"
      description="Monthly FBA storage fees per product and fulfillment center, with volume, size tier and utilization surcharge. Last month's arrive between the 10th and the 18th; the 6 months before your store authorization are loaded on authorization."
      noun="storage fee lines"
      searchHint="ASIN, FNSKU, product or fulfillment center"
      defaultRange="12m"
      tabs={tabs}
      searchParams={searchParams}
    />
  );
}
