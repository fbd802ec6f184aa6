import Link from "next/link";
import { AuthorizeStoreLink, EmptyState } from "~/app/_components/empty-state";
import { fromNow } from "~/app/_components/time";
import type { RouterOutputs } from "~/app/_trpc/react";

type Overview = RouterOutputs["claims"]["overview"];

const syncCenter = (
  <Link href="/sync" className="btn">
    Open the Sync center
  </Link>
);

/** Why there is no case to show: no store yet, the analysis has not run (or failed), or it found nothing owed. */
export function ClaimsEmpty({ overview }: { overview: Overview }) {
  if (overview.marketplaces.length === 0)
    return (
      <EmptyState title="No store authorized" action={<AuthorizeStoreLink />}>
        <p>Authorize your Amazon store: its inventory ledger, refunds and inbound shipments of the last 18 months are analysed for units Amazon owes you.</p>
      </EmptyState>
    );
  const { analysis } = overview;
  switch (analysis.state) {
    case "not_run":
      return (
        <EmptyState title="The claims analysis has not run yet" action={syncCenter}>
          <p>It reads 18 months of your inventory ledger, refunds and inbound shipments once the store&apos;s data is in, then the previous month every day. Cases appear here when it has run.</p>
        </EmptyState>
      );
    case "running":
      return (
        <EmptyState title="Analysing your data">
          <p>The first claims analysis is running now; the cases it finds appear here as soon as it is done.</p>
        </EmptyState>
      );
    case "failed":
      return (
        <EmptyState title="No cases: the claims analysis failed" action={syncCenter}>
          <p>{analysis.error}</p>
        </EmptyState>
      );
    case "synced":
      return (
        <EmptyState title="No claims found">
          <p>
            The analysis found no unit Amazon still owes you: every lost or damaged unit was found or reimbursed, every refunded unit came
            back, every closed shipment was received in full. Last analysed {fromNow(analysis.lastSucceededAt)}.
          </p>
        </EmptyState>
      );
  }
}
