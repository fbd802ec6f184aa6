import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { month } from "~/server/costs/input";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { CostsTabs } from "../costs-tabs";
import { isNotFound, StoreGone } from "../store-gone";
import { OtherCostsView } from "./other-costs-view";

export const metadata: Metadata = { title: "Other costs" };

export default async function OtherCostsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = readSearchParams(await searchParams, ["store", "month"]);
  // A value edited by hand into something unfit is left out: the first store, this month.
  const storeId = z.uuid().safeParse(search.store);
  const chosen = month.safeParse(search.month);
  const input = { storeId: storeId.success ? storeId.data : undefined, month: chosen.success ? chosen.data : undefined };
  const found = await api.costs.otherCosts(input).then(
    () => true,
    (error: unknown) => (isNotFound(error) ? false : Promise.reject(error)),
  );
  if (found) void api.costs.otherCosts.prefetch(input);
  void api.organization.current.prefetch();
  return (
    <HydrateClient>
      <PageHeader
        title="Other costs"
        description="Costs of your store that belong to no product — tool subscriptions, deals, Vine, services — each on the day it counts on, for the whole store or one marketplace. Profit subtracts them on that day."
      />
      <CostsTabs active="other" />
      {found ? (
        <Suspense>
          <OtherCostsView input={input} />
        </Suspense>
      ) : (
        <StoreGone back="/products/costs/other" />
      )}
    </HydrateClient>
  );
}
