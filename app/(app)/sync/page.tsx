import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { hasRole } from "~/server/organizations/roles";
import { SyncCenter } from "./sync-center";

export const metadata: Metadata = { title: "Sync center" };

export default async function SyncCenterPage() {
  const current = await api.organization.current();
  void api.sync.overview.prefetch();
  return (
    <HydrateClient>
      <PageHeader
        title="Sync center"
        description="Every synchronization the product promises, for each of your stores and ad profiles: where it stands, when it runs next, and what went wrong in plain words."
      >
        {hasRole(current.role, "admin") && (
          <Link href="/sync/runs" className="btn">
            Job runs
          </Link>
        )}
      </PageHeader>
      <SyncCenter canRetry={hasRole(current.role, "operator")} />
    </HydrateClient>
  );
}
