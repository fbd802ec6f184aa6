import type { Metadata } from "next";
import type { SearchParams } from "~/server/http/search-params";
import { EntityPage, entityPageView } from "../entity-page";

export const metadata: Metadata = { title: "Ad groups" };

export default async function AdGroupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const view = await entityPageView(searchParams);
  return <EntityPage list="adGroups" tab="adGroups" view={view} title="Advertising" description="Every ad group of the profile with its default bid and performance." />;
}
