import type { Metadata } from "next";
import { PageHeader } from "~/app/_components/page-header";
import { auth } from "~/server/auth";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const session = await auth();
  return (
    <>
      <PageHeader
        title="Account"
        description={session?.user?.email ? `You are signed in as ${session.user.email}.` : undefined}
      />
      <section className="card max-w-md p-4">
        <h2 className="mb-1">Change password</h2>
        <p className="mb-3 text-slate-600">
          Changing your password signs you out on every other browser and device. This one stays signed in.
        </p>
        <PasswordForm />
      </section>
    </>
  );
}
