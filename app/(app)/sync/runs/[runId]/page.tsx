import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "~/app/_components/page-header";
import { dateTime } from "~/app/_components/time";
import { api } from "~/app/_trpc/server";
import { hasRole } from "~/server/organizations/roles";
import { Badge, duration } from "../run-list";

export const metadata: Metadata = { title: "Job run" };

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const [{ runId }, current] = await Promise.all([params, api.organization.current()]);
  if (!hasRole(current.role, "admin")) notFound();
  const run = await api.runs.get({ runId });
  if (!run) notFound();
  return (
    <>
      <PageHeader title={run.functionName} description={`Run ${run.id}, triggered by ${run.eventName}.`}>
        <Badge status={run.status} />
        <Link href="/sync/runs" className="btn">All runs</Link>
      </PageHeader>
      {run.error && <p className="mb-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">{run.error.message}</p>}
      <section className="card mb-4 overflow-x-auto">
        <h2 className="border-b border-slate-200 px-3 py-2">Steps</h2>
        <table className="table" data-testid="run-steps">
          <thead>
            <tr>
              <th>#</th>
              <th>Step</th>
              <th>Kind</th>
              <th>Status</th>
              <th className="text-right">Attempts</th>
              <th>Started</th>
              <th className="text-right">Duration</th>
              <th>Error</th>
            </tr>
          </thead>
          <tbody>
            {run.steps.map((s) => (
              <tr key={s.stepId}>
                <td className="tabular-nums">{s.order ?? "—"}</td>
                <td className="font-mono text-xs">{s.name}</td>
                <td>{s.op}</td>
                <td>
                  <Badge status={s.status} />
                  {s.wakeAt && s.status === "sleeping" && <span className="ml-1 text-xs text-slate-500">until {dateTime.format(s.wakeAt)}</span>}
                </td>
                <td className="text-right tabular-nums">{s.attempts}</td>
                <td>{dateTime.format(s.startedAt)}</td>
                <td className="text-right tabular-nums">{duration(s.durationMs)}</td>
                <td className="max-w-md truncate text-red-700" title={s.error?.message}>{s.error?.message ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card overflow-x-auto">
        <h2 className="border-b border-slate-200 px-3 py-2">Calls to the function ({run.attempts.length})</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Started</th>
              <th>Step</th>
              <th className="text-right">Attempt</th>
              <th className="text-right">HTTP</th>
              <th>Outcome</th>
              <th className="text-right">Duration</th>
              <th>Error</th>
            </tr>
          </thead>
          <tbody>
            {run.attempts.map((a, i) => (
              <tr key={i}>
                <td>{dateTime.format(a.startedAt)}</td>
                <td className="font-mono text-xs">{a.stepName}</td>
                <td className="text-right tabular-nums">{a.attempt}</td>
                <td className="text-right tabular-nums">{a.httpStatus ?? "—"}</td>
                <td>{a.outcome}</td>
                <td className="text-right tabular-nums">{duration(a.durationMs)}</td>
                <td className="max-w-md truncate text-red-700" title={a.error?.message}>{a.error?.message ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
