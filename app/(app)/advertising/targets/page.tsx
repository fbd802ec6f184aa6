import type { Metadata } from "next";
import type { SearchParams } from "~/server/http/search-params";
import { EntityPage, entityPageView } from "../entity-page";

export const metadata: Metadata = { title: "Keywords & targets" };

export default async function TargetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const view = await entityPageView(searchParams);
  return (
    <EntityPage
      list="targets"
      tab="targets"
      view={view}
      title="Advertising"
      description="Every keyword and non-keyword target (product, category, auto) of the profile with its match type or expression, bid (its own or its ad group's default) and performance; the Targeting filter shows one kind."
    />
  );
}
