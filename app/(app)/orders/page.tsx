import type { Metadata } from "next";
import { Suspense } from "react";
import { DateRangePicker } from "~/app/_components/date-range-picker";
import { PageHeader } from "~/app/_components/page-header";
import { ORDER_RANGE_PRESETS, rangeDays } from "~/app/_components/range";
import { api, HydrateClient } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { OrdersView, type OrdersSearch } from "./orders-view";

const SEARCH_KEYS = ["range", "marketplace", "status", "q", "page"] as const satisfies readonly (keyof OrdersSearch)[];

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search: OrdersSearch = readSearchParams(await searchParams, SEARCH_KEYS);
  const input = {
    days: rangeDays(search.range, ORDER_RANGE_PRESETS),
    storeMarketplaceId: search.marketplace || undefined,
    status: search.status || undefined,
    search: search.q || undefined,
    page: Math.max(1, Number(search.page) || 1),
    pageSize: 50,
  };
  void api.orders.marketplaces.prefetch();
  void api.orders.list.prefetch(input);
  void api.orders.history.prefetch();
  return (
    <HydrateClient>
      <PageHeader
        title="Orders"
        description="Orders with their items, status and amounts. Days are each marketplace's local days; pending orders have no amounts until Amazon confirms payment."
      >
        <Suspense>
          <DateRangePicker presets={ORDER_RANGE_PRESETS} />
        </Suspense>
      </PageHeader>
      <OrdersView input={input} />
    </HydrateClient>
  );
}
