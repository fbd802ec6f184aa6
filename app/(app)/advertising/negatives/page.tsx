import type { Metadata } from "next";
import type { SearchParams } from "~/server/http/search-params";
import { EntityPage, entityPageView } from "../entity-page";

export const metadata: Metadata = { title: "Negative keywords and targets" };

export default async function NegativesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const view = await entityPageView(searchParams);
  return (
    <EntityPage
      list="negatives"
      tab="negatives"
      view={view}
      title="Advertising"
      description="Negative keywords and product targets of the profile, at ad group and campaign level."
    />
  );
}
