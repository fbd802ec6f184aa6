import type { Metadata } from "next";
import { ListPage } from "~/app/_components/list-page";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const report = readSearchParams(await searchParams, ["list"]).list === "report";
  const tabs = [
    { href: "/products", label: "All products", active: !report },
    { href: "/products?list=report", label: "All Listings report", active: report },
    { href: "/products/costs", label: "Product costs", active: false },
  ];
  return report ? (
    <ListPage
      list="products"
      title="Products"
      description="Every listing of your store in each marketplace — active, inactive and incomplete — as Amazon's All Listings report gives it, refreshed daily. Images are shown where Amazon's report has one; the quantity is your own (FBM) stock, as the report gives it."
      noun="listings"
      searchHint="SKU, ASIN or title"
      tabs={tabs}
      searchParams={searchParams}
    />
  ) : (
    <ListPage
      list="catalog"
      title="Products"
      description="Every product of your store we know of: the All Listings report's listings (daily), and the products of your synced orders and ads, completed within two hours through Amazon's catalog and listings (title, brand, picture, dimensions, your offer) and checked again weekly. Price, status and fulfillment are the report's, or your listing's for a product the report does not hold yet; units ordered count the synced orders that were not cancelled."
      noun="products"
      searchHint="SKU, ASIN, title or brand"
      tabs={tabs}
      searchParams={searchParams}
    />
  );
}
