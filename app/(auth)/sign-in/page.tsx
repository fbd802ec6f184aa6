import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return (
    <>
      <h1 className="mb-4">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl ?? "/"} />
      <p className="mt-4 text-center text-slate-600">
        New here?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href={`/sign-up${query}`}>
          Create an account
        </Link>
      </p>
    </>
  );
}
