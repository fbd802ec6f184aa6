import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { HydrateClient, api } from "~/app/_trpc/server";
import { auth } from "~/server/auth";
import { Sidebar } from "./_shell/sidebar";
import { TopBar } from "./_shell/top-bar";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.user?.id) redirect("/sign-in");

  const organizations = await api.organization.mine();
  if (organizations.length === 0) redirect("/organizations/new");
  void api.organization.current.prefetch();
  void api.sync.attention.prefetch();

  return (
    <HydrateClient>
      <div className="flex min-h-screen">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <TopBar userName={session.user.name ?? session.user.email ?? ""} />
          <main className="min-w-0 flex-1 px-5 py-4">{children}</main>
        </div>
      </div>
    </HydrateClient>
  );
}
