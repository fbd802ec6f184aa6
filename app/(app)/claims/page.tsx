import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { claimFiltersFromUrl } from "~/server/claims/input";
import { CLAIM_URL_KEYS } from "~/server/claims/tabs";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { ClaimsView } from "./claims-view";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = readSearchParams(await searchParams, CLAIM_URL_KEYS);
  const filters = claimFiltersFromUrl(search);
  const scope = { scopeId: filters.scopeId, kind: filters.kind, search: filters.search };
  const input = { ...filters, page: Math.min(100_000, Math.max(1, Number(search.page) || 1)), pageSize: 50 };
  void api.claims.overview.prefetch(scope);
  void api.claims.list.prefetch(input);
  void api.organization.current.prefetch();
  return (
    <HydrateClient>
      <PageHeader
        title="Claims"
        description="Units Amazon owes you, found in your inventory ledger, refunds and inbound shipments: lost or damaged in a fulfillment center, refunded but never returned, missing from a closed shipment — each with its evidence, ready to paste into Seller Central, and the last day Amazon accepts a claim. Days are each marketplace's own. Record a claim once you have filed it; one Amazon leaves unanswered for 30 days lapses and can be filed again."
      >
        <Link href="/claims/underpaid" className="btn" data-testid="claims-underpaid-link">
          Underpaid reimbursements
        </Link>
      </PageHeader>
      <Suspense>
        <ClaimsView scope={scope} input={input} />
      </Suspense>
    </HydrateClient>
  );
}
