import Link from "next/link";
import { formatCount, formatMoney } from "~/app/_components/format";
import type { RouterInputs, RouterOutputs } from "~/app/_trpc/react";
import { CLAIM_KIND_LABELS } from "~/server/claims/labels";
import type { ClaimSortKey } from "~/server/claims/tabs";
import { ClaimStatusBadge, Deadline } from "./status-badge";

type Row = RouterOutputs["claims"]["list"]["rows"][number];
type Dir = RouterInputs["claims"]["list"]["dir"];

/** The cases of a page: each links to its detail (evidence, policy, history, marking it submitted). */
export function ClaimsTable(props: { rows: Row[]; sort: ClaimSortKey | undefined; dir: Dir; onSort: (changes: Record<string, string | undefined>) => void }) {
  const active = props.sort ?? "deadline";
  const sortable = (key: ClaimSortKey, label: string, right = false) => {
    const on = active === key;
    // The deadline and the event day read first-to-last; amounts and units largest first.
    const natural = key === "deadline" || key === "eventDay" ? "asc" : "desc";
    const dir = props.dir ?? natural;
    return (
      <th className={right ? "text-right" : undefined} aria-sort={on ? (dir === "desc" ? "descending" : "ascending") : undefined}>
        <button className="hover:underline" onClick={() => props.onSort({ sort: key, dir: on ? (dir === "asc" ? "desc" : "asc") : natural })}>
          {label}
          {on ? (dir === "desc" ? " ↓" : " ↑") : ""}
        </button>
      </th>
    );
  };
  return (
    <div className="card overflow-x-auto">
      <table className="table" data-testid="claims">
        <thead>
          <tr>
            <th>Kind</th>
            <th>Marketplace</th>
            <th>SKU / product</th>
            {sortable("units", "Units", true)}
            {sortable("atStake", "Amount at stake", true)}
            {sortable("eventDay", "Event day")}
            <th>Eligible from</th>
            {sortable("deadline", "Deadline")}
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id} data-testid="claim-row" data-status={r.status}>
              <td>{CLAIM_KIND_LABELS[r.kind]}</td>
              <td title={`${r.marketplaceName} · ${r.store}`}>{r.marketplace}</td>
              <td className="max-w-xs">
                <Link href={`/claims/${r.id}`} className="font-medium underline decoration-slate-300 hover:decoration-slate-700" data-testid="claim-link">
                  {r.sku ?? r.fnsku ?? r.asin ?? r.sourceRef}
                </Link>
                {r.title && <div className="truncate text-xs text-slate-500" title={r.title}>{r.title}</div>}
              </td>
              <td className="text-right tabular-nums">{formatCount(r.units)}</td>
              <td className="text-right tabular-nums" title={r.unitValue && r.currency ? `${formatCount(r.units)} × ${formatMoney(r.unitValue, r.currency)}` : "No value estimate yet"}>
                {r.atStake && r.currency ? formatMoney(r.atStake, r.currency) : "—"}
              </td>
              <td>{r.eventDay}</td>
              <td>{r.eligibleFrom}</td>
              <td>
                <Deadline deadline={r.deadline} daysLeft={r.daysLeft} status={r.status} />
              </td>
              <td>
                <ClaimStatusBadge status={r.status} />
                {r.status === "submitted" && r.amazonCaseId && <span className="ml-1 text-xs text-slate-500">case {r.amazonCaseId}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
