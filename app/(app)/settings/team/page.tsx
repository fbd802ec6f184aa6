import type { Metadata } from "next";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { hasRole } from "~/server/organizations/roles";
import { TeamManager } from "./team-manager";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const current = await api.organization.current();
  void api.team.members.prefetch();
  if (hasRole(current.role, "admin")) void api.team.invitations.prefetch();
  return (
    <HydrateClient>
      <PageHeader title="Team" description={`Members of ${current.name} and what each may do.`} />
      <TeamManager />
    </HydrateClient>
  );
}
