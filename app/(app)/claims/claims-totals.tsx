import type { ReactNode } from "react";
import { formatCount } from "~/app/_components/format";
import type { RouterOutputs } from "~/app/_trpc/react";
import { CLAIM_KIND_KEYS, CLAIM_KIND_LABELS } from "~/server/claims/labels";
import { MoneyList } from "./money-list";

type Totals = RouterOutputs["claims"]["overview"]["totals"];

function Kpi({ label, testId, children, note }: { label: string; testId: string; children: ReactNode; note?: ReactNode }) {
  return (
    <div className="card px-3 py-2" data-testid={testId}>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-lg font-semibold tabular-nums text-slate-900">{children}</div>
      {note && <div className="text-xs text-slate-500">{note}</div>}
    </div>
  );
}

const casesAndUnits = (f: { cases: number; units: number }) => `${formatCount(f.cases)} case${f.cases === 1 ? "" : "s"}, ${formatCount(f.units)} unit${f.units === 1 ? "" : "s"}`;

/** What can be filed now and what it is worth, what waits for Amazon, and what Amazon has paid back. */
export function ClaimsTotals({ totals }: { totals: Totals }) {
  const { open, submitted, closed } = totals.tabs;
  return (
    <div className="grid gap-3 lg:grid-cols-[2fr_1fr_1fr]">
      <Kpi
        label="Open: can be filed now (amount at stake)"
        testId="claims-total-open"
        note={
          <>
            {casesAndUnits(open)}
            {open.unvaluedUnits > 0 && `; ${formatCount(open.unvaluedUnits)} of the units have no value estimate yet`}
            <ul className="mt-1 grid gap-x-4 sm:grid-cols-2" data-testid="claims-open-by-kind">
              {CLAIM_KIND_KEYS.filter((k) => totals.openByKind[k].cases > 0).map((k) => (
                <li key={k}>
                  {CLAIM_KIND_LABELS[k]}: {formatCount(totals.openByKind[k].units)} units · <MoneyList amounts={totals.openByKind[k].atStake} />
                </li>
              ))}
            </ul>
          </>
        }
      >
        <MoneyList amounts={open.atStake} testId="claims-open-amount" />
      </Kpi>
      <Kpi label="Submitted: waiting for Amazon" testId="claims-total-submitted" note={casesAndUnits(submitted)}>
        <MoneyList amounts={submitted.atStake} />
      </Kpi>
      <Kpi label="Recovered: reimbursed by Amazon" testId="claims-total-recovered" note={`${formatCount(totals.statuses.reimbursed.cases)} reimbursed, ${formatCount(totals.statuses.resolved.cases)} settled otherwise`}>
        <MoneyList amounts={closed.recovered} />
      </Kpi>
    </div>
  );
}
