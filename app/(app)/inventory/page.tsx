import type { Metadata } from "next";
import { Suspense } from "react";
import { ListPage } from "~/app/_components/list-page";
import { api } from "~/app/_trpc/server";
import type { SearchParams } from "~/server/http/search-params";
import { COVER_DAYS, LEAD_TIME_DAYS } from "~/server/lists/inventory";
import { LastListed } from "./last-listed";

export const metadata: Metadata = { title: "Inventory" };

export default function InventoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  void api.inventory.status.prefetch();
  return (
    <ListPage
      list="inventory"
      title="Inventory"
      description="Every FBA SKU of each marketplace with its units by state, as Amazon's inventory listing (getInventorySummaries) gives them, refreshed about every 1–2 hours; beside them, what the SKU sold and how long its stock lasts. A SKU's own page (click its SKU) shows how its quantities changed over time."
      noun="SKUs"
      searchHint="SKU, ASIN, FNSKU or product"
      searchParams={searchParams}
    >
      <div className="mb-3 grid gap-3 lg:grid-cols-2">
        <Suspense>
          <LastListed />
        </Suspense>
        <section className="card p-3 text-sm text-slate-600" data-testid="restock-formula">
          <h2 className="mb-1 text-sm font-medium text-slate-800">How the figures are worked out</h2>
          <p>
            <b>Sold 7, 14 and 30 days</b>: units ordered in your own orders over the last 7, 14 and 30 whole days of the
            marketplace&apos;s calendar (today counts once it is over); cancelled orders are left out.
          </p>
          <p className="mt-1">
            <b>Days of supply</b> = fulfillable units ÷ the daily rate, where the daily rate is the units sold in the last 30
            days ÷ 30; &ldquo;no sales&rdquo; when nothing sold in those 30 days.
          </p>
          <p className="mt-1">
            <b>Restock</b> = the daily rate × (lead time + days of cover), rounded up, minus what you have and what is on
            its way (fulfillable + inbound working, shipped and receiving); never below 0. The lead time is how long new
            stock takes to become sellable ({LEAD_TIME_DAYS} days unless you change it), the days of cover how long it
            should then last ({COVER_DAYS} days unless you change it) — both are set above the list.
          </p>
        </section>
      </div>
    </ListPage>
  );
}
