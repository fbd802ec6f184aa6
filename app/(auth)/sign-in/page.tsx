import type { Metadata } from "next";
import Link from "next/link";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, notice } = readSearchParams(await searchParams, ["callbackUrl", "notice"]);
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return (
    <>
      <h1 className="mb-4">Sign in</h1>
      {notice === "password_changed" && (
        <p data-testid="sign-in-notice" className="mb-3 rounded border border-green-200 bg-green-50 px-2 py-1.5 text-green-800">
          Your password was changed and every session was signed out. Sign in with your new password.
        </p>
      )}
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
