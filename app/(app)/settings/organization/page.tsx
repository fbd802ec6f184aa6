import type { Metadata } from "next";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { OrganizationSettingsForm } from "./organization-settings-form";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationSettingsPage() {
  void api.organization.current.prefetch();
  void api.organization.settings.prefetch();
  return (
    <HydrateClient>
      <PageHeader title="Organization" description="Settings every member of the organization shares." />
      <OrganizationSettingsForm />
    </HydrateClient>
  );
}
