import type { Metadata } from "next";
import { ListPage } from "~/app/_components/list-page";
import type { SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "Reimbursements" };

export default function ReimbursementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <ListPage
      list="reimbursements"
      title="Reimbursements"
      description="What Amazon paid back for lost, damaged or unreturned inventory, in cash or in units, per seller account (Amazon's report names no marketplace; the currency tells). Synced daily; the 18 months before your store authorization are loaded on authorization."
      noun="reimbursements"
      searchHint="Reimbursement, case or order id, SKU or ASIN"
      searchParams={searchParams}
    />
  );
}
