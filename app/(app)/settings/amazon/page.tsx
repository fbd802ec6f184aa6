import type { Metadata } from "next";
import { PageHeader } from "~/app/_components/page-header";
import { api, HydrateClient } from "~/app/_trpc/server";
import { AUTHORIZATION_ERRORS, isAuthorizationErrorCode } from "~/server/amazon/authorization/errors";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";
import { hasRole } from "~/server/organizations/roles";
import { AmazonAuthorizations } from "./amazon-authorizations";

export const metadata: Metadata = { title: "Amazon authorizations" };

const SEARCH_KEYS = ["error", "connected", "profiles", "taken"] as const;
type Search = Partial<Record<(typeof SEARCH_KEYS)[number], string>>;

/** A count from the callback's redirect; anything else someone typed into the URL reads as none. */
const count = (value: string | undefined) => (value && /^\d{1,4}$/.test(value) ? Number(value) : 0);

function outcome(search: Search): { tone: "ok" | "error"; text: string } | null {
  if (search.error) {
    return { tone: "error", text: isAuthorizationErrorCode(search.error) ? AUTHORIZATION_ERRORS[search.error] : "The authorization failed." };
  }
  if (search.connected === "store") return { tone: "ok", text: "Store authorized. Its marketplaces are listed below." };
  if (search.connected === "ads") {
    const taken = count(search.taken);
    return {
      tone: "ok",
      text:
        `Amazon Ads authorized: ${count(search.profiles)} advertising profile(s) found. Choose the profiles to synchronize below.` +
        (taken ? ` ${taken} profile(s) are already connected to another organization and were left out.` : ""),
    };
  }
  return null;
}

export default async function AmazonAuthorizationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [current, params] = await Promise.all([api.organization.current(), searchParams]);
  void api.amazon.authorizations.prefetch();
  const banner = outcome(readSearchParams(params, SEARCH_KEYS));
  return (
    <HydrateClient>
      <PageHeader
        title="Amazon authorizations"
        description="Your Amazon stores (Selling Partner API) and Amazon Ads accounts. You grant access on Amazon's own consent page; we keep only an encrypted refresh token."
      />
      {banner && (
        <p
          data-testid="authorization-outcome"
          role="status"
          className={`mb-3 rounded border px-3 py-2 ${banner.tone === "ok" ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-800"}`}
        >
          {banner.text}
        </p>
      )}
      <AmazonAuthorizations canManage={hasRole(current.role, "admin")} />
    </HydrateClient>
  );
}
