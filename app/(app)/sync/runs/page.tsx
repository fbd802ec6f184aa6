import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { hasRole } from "~/server/organizations/roles";
import { RunList } from "./run-list";

export const metadata: Metadata = { title: "Job runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [current, params] = await Promise.all([api.organization.current(), searchParams]);
  const search = readSearchParams(params, ["fn", "status"]);
  const header = (
    <PageHeader
      title="Job runs"
      description="Every background job run for this organization, with its steps, timings, attempts and errors."
    >
      <Link href="/sync" className="btn">Back to the Sync center</Link>
    </PageHeader>
  );
  if (!hasRole(current.role, "admin"))
    return (
      <>
        {header}
        <p className="rounded bg-amber-50 px-2 py-1.5 text-amber-800">Only owners and admins can see job runs.</p>
      </>
    );
  void api.runs.functions.prefetch();
  return (
    <HydrateClient>
      {header}
      <RunList functionId={search.fn} status={search.status} />
    </HydrateClient>
  );
}
