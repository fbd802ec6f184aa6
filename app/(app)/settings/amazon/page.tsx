import type { Metadata } from "next";
import { EmptyState } from "~/app/_components/empty-state";
import { PageHeader } from "~/app/_components/page-header";

export const metadata: Metadata = { title: "Amazon authorizations" };

export default function AmazonAuthorizationsPage() {
  return (
    <>
      <PageHeader
        title="Amazon authorizations"
        description="Your Amazon stores (Selling Partner API) and Amazon Ads accounts, each authorized by you on Amazon's own consent page."
      />
      <EmptyState title="No store or ad account authorized">
        <p>
          Authorizing a store and an Amazon Ads account is not available in this version yet. When it is, you will
          choose your region here, confirm on Amazon, and see each store with its marketplaces and each ad profile
          listed on this page.
        </p>
      </EmptyState>
    </>
  );
}
