import type { Metadata } from "next";
import type { SearchParams } from "~/server/http/search-params";
import { EntityPage, entityPageView } from "../entity-page";

export const metadata: Metadata = { title: "Advertised products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const view = await entityPageView(searchParams);
  return <EntityPage list="products" tab="products" view={view} title="Advertising" description="Every product ad of the profile (SKU and ASIN) with its state and performance." />;
}
