"use client";

import Link from "next/link";
import { formatCount, formatMoney } from "~/app/_components/format";
import { PageHeader } from "~/app/_components/page-header";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import { CLAIM_KIND_LABELS, CLAIM_TRANSITION_DETAIL_LABELS, CLAIM_TRANSITION_LABELS } from "~/server/claims/labels";
import { hasRole } from "~/server/organizations/roles";
import { ClaimStatusBadge, Deadline } from "../status-badge";
import { CopyEvidence } from "./copy-evidence";
import { SubmissionForm } from "./submission-form";

type Detail = RouterOutputs["claims"]["detail"];

/** A case: what Amazon owes and why, its window, the evidence to paste, its history and the seller's action. */
export function ClaimDetail({ caseId }: { caseId: string }) {
  const [detail] = api.claims.detail.useSuspenseQuery({ caseId });
  const [current] = api.organization.current.useSuspenseQuery();
  const at = new Intl.DateTimeFormat("en", { timeZone: detail.timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader
        title={`${CLAIM_KIND_LABELS[detail.kind]}: ${detail.sku ?? detail.fnsku ?? detail.asin ?? detail.sourceRef}`}
        description={`${detail.title ?? "—"} · ${detail.marketplaceName} (${detail.marketplace}) · ${detail.store}. Days are the marketplace's own (${detail.timeZone}); today there is ${detail.today}.`}
      >
        <ClaimStatusBadge status={detail.status} />
        <Link href="/claims" className="btn">
          All claims
        </Link>
      </PageHeader>

      <div className="grid gap-3 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-3">
          <Facts detail={detail} />
          <section className="card space-y-2 p-3" data-testid="claim-evidence">
            <h2>Evidence</h2>
            <table className="table">
              <tbody>
                {detail.evidence.map((e, i) => (
                  <tr key={i} data-testid="evidence-line">
                    <th className="w-48 bg-white align-top">{e.label}</th>
                    <td className="whitespace-normal">{e.value}</td>
                    <td className="text-xs text-slate-500">{e.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <CopyEvidence text={detail.evidenceText} />
          </section>
        </div>
        <div className="space-y-3">
          <section className="card p-3" data-testid="claim-policy">
            <h2>Amazon&apos;s window</h2>
            <p className="mt-1 text-slate-700">{detail.policy}</p>
            <p className="mt-2">
              From <b>{detail.eligibleFrom}</b> to <Deadline deadline={detail.deadline} daysLeft={detail.daysLeft} status={detail.status} />
            </p>
          </section>
          <SubmissionForm key={`${detail.status}|${String(detail.submissions)}`} detail={detail} canOperate={hasRole(current.role, "operator")} />
          <History events={detail.events} at={at} />
        </div>
      </div>
    </>
  );
}

function Facts({ detail }: { detail: Detail }) {
  const facts: [string, string][] = [
    ["Units", formatCount(detail.units)],
    ["Amount at stake", detail.atStake && detail.currency ? formatMoney(detail.atStake, detail.currency) : "No value estimate yet"],
    ["Value of a unit", detail.unitValue && detail.currency ? `${formatMoney(detail.unitValue, detail.currency)}${detail.valueBasis ? ` (${detail.valueBasis})` : ""}` : "—"],
    ["Event day", detail.eventDay],
    ["Reference", detail.sourceRef],
    ["SKU · FNSKU · ASIN", [detail.sku, detail.fnsku, detail.asin].map((v) => v ?? "—").join(" · ")],
  ];
  if (detail.reimbursedAmount && detail.currency) facts.push(["Reimbursed", `${formatMoney(detail.reimbursedAmount, detail.currency)} (reimbursement ${detail.reimbursementId ?? "—"})`]);
  return (
    <section className="card p-3" data-testid="claim-facts">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function History({ events, at }: { events: Detail["events"]; at: Intl.DateTimeFormat }) {
  return (
    <section className="card" data-testid="claim-history">
      <h2 className="border-b border-slate-200 px-3 py-2">History</h2>
      <ol>
        {events.map((e) => (
          <li key={e.id} className="border-b border-slate-100 px-3 py-1.5 last:border-0" data-testid="claim-event" data-transition={e.transition}>
            <div className="flex justify-between gap-2">
              <span className="font-medium">{CLAIM_TRANSITION_LABELS[e.transition] ?? e.transition}</span>
              <span className="text-xs text-slate-500">{at.format(e.at)}</span>
            </div>
            <div className="text-xs text-slate-600">
              {e.actor ?? (e.transition === "submitted" || e.transition === "reopened" ? "A former member" : "The claims analysis")}
              {Object.entries(e.detail)
                .filter(([key, value]) => CLAIM_TRANSITION_DETAIL_LABELS[key] && value !== null)
                .map(([key, value]) => ` · ${CLAIM_TRANSITION_DETAIL_LABELS[key]!} ${String(value)}`)
                .join("")}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
