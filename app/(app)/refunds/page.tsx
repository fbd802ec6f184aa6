import type { Metadata } from "next";
import { ListPage } from "~/app/_components/list-page";
import type { SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "Refunds" };

export default function RefundsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <ListPage
      list="refunds"
      title="Refunds"
      description={[
        "Every refund of your synced orders, per item, as Amazon's Finances books it for you: negative amounts are what the refund takes from your payout, positive ones what you get back.",
        "Refund amount is what the buyer got back (principal, tax, shipping and other charges, less the promotion you had given).",
        "Refund fees are what Amazon settles for it: the commission it returns, less its refund commission and other fee adjustments.",
        "Payable is what the refund costs you in all: the refund amount plus the refund fees and any facilitator tax Amazon returns itself.",
        "Reason and return status come from Amazon's FBA returns report (seller-fulfilled refunds have none). Refunds are looked for every 30–60 minutes; Amazon can take up to 48 hours to show one.",
      ].join(" ")}
      noun="refunds"
      searchHint="Order id, SKU or ASIN"
      searchParams={searchParams}
    />
  );
}
