import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { createOrganizationAction } from "~/app/(app)/actions";
import { Logo } from "~/app/_components/logo";
import { auth } from "~/server/auth";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  const { error } = await searchParams;
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-100 px-4 pt-20">
      <Logo className="mb-6" />
      <form action={createOrganizationAction} className="card w-full max-w-sm space-y-3 p-6 shadow-sm">
        <h1>New organization</h1>
        <p className="text-slate-600">An organization holds your Amazon stores and ad accounts, shared with your team.</p>
        <div>
          <label className="label" htmlFor="name">Company name</label>
          <input className="input" id="name" name="name" required maxLength={100} />
          {error && <p className="mt-1 text-xs text-red-700">Enter a name of 1 to 100 characters.</p>}
        </div>
        <button className="btn-primary w-full" type="submit">Create organization</button>
      </form>
    </main>
  );
}
