import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { COST_URL_KEYS, costFiltersFromUrl } from "~/server/costs/input";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { CostsTabs } from "./costs-tabs";
import { CostsView } from "./costs-view";
import { isNotFound, StoreGone } from "./store-gone";

export const metadata: Metadata = { title: "Product costs" };

export default async function ProductCostsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = readSearchParams(await searchParams, COST_URL_KEYS);
  const input = { ...costFiltersFromUrl(search), page: Math.min(100_000, Math.max(1, Number(search.page) || 1)), pageSize: 50 };
  const found = await api.costs.list(input).then(
    () => true,
    (error: unknown) => (isNotFound(error) ? false : Promise.reject(error)),
  );
  if (found) void api.costs.list.prefetch(input);
  void api.organization.current.prefetch();
  return (
    <HydrateClient>
      <PageHeader
        title="Product costs"
        description="What each unit of your products costs you — purchase, inbound shipping and other costs — so profit can subtract it. A cost applies from its date on; the first one also covers every sale before it. Enter costs one by one, for several SKUs at once, or upload a CSV; best sellers come first."
      />
      <CostsTabs active="products" />
      {found ? (
        <Suspense>
          <CostsView input={input} />
        </Suspense>
      ) : (
        <StoreGone back="/products/costs" />
      )}
    </HydrateClient>
  );
}
