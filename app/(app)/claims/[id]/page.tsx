import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { EmptyState } from "~/app/_components/empty-state";
import { api, HydrateClient } from "~/app/_trpc/server";
import { ClaimDetail } from "./claim-detail";

export const metadata: Metadata = { title: "Claim" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One case: its evidence to paste into Seller Central, Amazon's window, its history, and marking it filed. */
export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const found = await api.claims.detail({ caseId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!found)
    return (
      <EmptyState title="No such claim case" action={<Link href="/claims" className="btn">Back to Claims</Link>}>
        <p>This organization has no claim case with this address.</p>
      </EmptyState>
    );
  void api.claims.detail.prefetch({ caseId: id });
  void api.organization.current.prefetch();
  return (
    <HydrateClient>
      <Suspense>
        <ClaimDetail caseId={id} />
      </Suspense>
    </HydrateClient>
  );
}
