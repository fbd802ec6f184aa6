import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { urlShapeOf } from "~/server/lists/definition";
import { listOf, type ListKey } from "~/server/lists/registry";
import { listFiltersFromUrl, listUrlKeys } from "~/server/lists/url";
import { ListView } from "./list-view";

/** A module page that is one data list: the URL's filters become the list's input, prefetched on the server. */
export async function ListPage(props: {
  list: ListKey;
  title: string;
  description: string;
  noun: string;
  searchHint: string;
  searchParams: Promise<SearchParams>;
  /** The range shown before the seller picks one (monthly fees read best over a year); a list without a day has none. */
  defaultRange?: string;
  /** Sibling lists of the module (monthly and long-term storage fees). */
  tabs?: { href: string; label: string; active: boolean }[];
  /** What the page says above its list (how its figures are computed, how fresh they are). */
  children?: ReactNode;
}) {
  const shape = urlShapeOf(listOf(props.list)!);
  const search = readSearchParams(await props.searchParams, listUrlKeys(shape));
  const input = {
    list: props.list,
    ...listFiltersFromUrl(search, props.defaultRange, shape),
    page: Math.min(100_000, Math.max(1, Number(search.page) || 1)),
    pageSize: 50,
  };
  void api.lists.page.prefetch(input);
  return (
    <HydrateClient>
      <PageHeader title={props.title} description={props.description} />
      {props.tabs && (
        <nav className="mb-3 flex gap-1 border-b border-slate-200" aria-label={`${props.title} lists`}>
          {props.tabs.map((tab) => (
            <Link
              key={tab.href}
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-1.5 ${tab.active ? "border-brand-600 font-medium text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
      )}
      {props.children}
      <Suspense>
        <ListView input={input} noun={props.noun} searchHint={props.searchHint} />
      </Suspense>
    </HydrateClient>
  );
}
