import type { Metadata } from "next";
import { ListPage } from "~/app/_components/list-page";
import type { SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "Products" };

export default function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <ListPage
      list="products"
      title="Products"
      description="Every listing of your store in each marketplace — active, inactive and incomplete — from Amazon's All Listings report, refreshed daily. Images are shown where Amazon's report has one; the quantity is your own (FBM) stock, as the report gives it."
      noun="listings"
      searchHint="SKU, ASIN or title"
      searchParams={searchParams}
    />
  );
}
