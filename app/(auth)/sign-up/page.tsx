import type { Metadata } from "next";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import Link from "next/link";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl } = readSearchParams(await searchParams, ["callbackUrl"]);
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return (
    <>
      <h1 className="mb-1">Create your account</h1>
      <p className="mb-4 text-slate-600">Your company gets its own organization; invite your team later.</p>
      <SignUpForm callbackUrl={callbackUrl ?? "/"} />
      <p className="mt-4 text-center text-slate-600">
        Already have an account?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href={`/sign-in${query}`}>
          Sign in
        </Link>
      </p>
    </>
  );
}
