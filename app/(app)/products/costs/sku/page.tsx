import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { EmptyState } from "~/app/_components/empty-state";
import { api, HydrateClient } from "~/app/_trpc/server";
import { skuRef } from "~/server/costs/input";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { SkuCosts } from "./sku-costs";

export const metadata: Metadata = { title: "SKU costs" };

const back = (
  <Link href="/products/costs" className="btn">
    Back to product costs
  </Link>
);

/** One SKU of a store: its cost periods and inbound batches, each editable by operators. */
export default async function SkuCostsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = readSearchParams(await searchParams, ["store", "sku"]);
  const parsed = skuRef.safeParse({ storeId: search.store, sku: search.sku });
  const found =
    parsed.success &&
    (await api.costs.sku(parsed.data).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
      throw error;
    }));
  if (!parsed.success || !found)
    return (
      <EmptyState title="No such store" action={back}>
        <p>This organization has no store with this address; open a SKU from the product costs list.</p>
      </EmptyState>
    );
  void api.costs.sku.prefetch(parsed.data);
  void api.organization.current.prefetch();
  return (
    <HydrateClient>
      <Suspense>
        <SkuCosts storeId={parsed.data.storeId} sku={parsed.data.sku} />
      </Suspense>
    </HydrateClient>
  );
}
