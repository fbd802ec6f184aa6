"use client";

import Link from "next/link";
import { backfillProgress } from "~/app/_components/backfill-progress";
import { FormError } from "~/app/_components/form-error";
import { dateTime, fromNow } from "~/app/_components/time";
import { api, type RouterOutputs } from "~/app/_trpc/react";

type Overview = RouterOutputs["sync"]["overview"];
type Task = Overview["tasks"][number];
type Window = Task["scopes"][number]["windows"][number];

const STATUS: Record<string, { label: string; className: string }> = {
  idle: { label: "Up to date", className: "bg-green-50 text-green-700" },
  no_data: { label: "No data", className: "bg-green-50 text-green-700" },
  overdue: { label: "Behind schedule", className: "bg-amber-50 text-amber-800" },
  running: { label: "Running", className: "bg-blue-50 text-blue-700" },
  failed: { label: "Failed", className: "bg-red-50 text-red-700" },
  paused: { label: "Paused", className: "bg-amber-50 text-amber-800" },
  pending: { label: "Waiting for first run", className: "bg-slate-100 text-slate-600" },
  not_available: { label: "Not available yet", className: "bg-slate-100 text-slate-500" },
};

function Status({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, className: "bg-slate-100 text-slate-600" };
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${s.className}`}>{s.label}</span>;
}

function Progress({ w, task }: { w: Window; task: Task }) {
  if (w.window !== "backfill" || w.progressTotal === 0) return null;
  const shown = backfillProgress(w.progressDone, w.progressTotal);
  const pct = Math.round((w.progressDone / w.progressTotal) * 100);
  return (
    <div className="mt-1 flex items-center gap-2" data-testid="backfill-progress">
      <div className="h-1.5 w-24 overflow-hidden rounded bg-slate-200">
        <div className="h-full bg-brand-500" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs text-slate-600">
        {task.title.toLowerCase()}: {shown.done} of {shown.total} {shown.unit}
      </span>
    </div>
  );
}

function nextRun(w: Window, paused: string | null, scope: Task["scopes"][number]): string {
  if (paused) return "—";
  if (w.status === "running") return "running now";
  if (w.window === "backfill") {
    if (w.lastSucceededAt) return "done";
  } else if (scope.windows.some((x) => x.window === "backfill" && !x.lastSucceededAt)) return "after the initial sync";
  if (!w.nextDueAt) return "—";
  return w.nextDueAt.getTime() <= Date.now() ? "due now" : fromNow(w.nextDueAt);
}

function TaskCard({ task, canRetry }: { task: Task; canRetry: boolean }) {
  const utils = api.useUtils();
  const retry = api.sync.retryNow.useMutation({ onSuccess: () => utils.sync.overview.invalidate() });
  return (
    <section className="card" data-testid={`sync-task-${task.key}`}>
      <div className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <div className="max-w-3xl">
          <div className="flex items-center gap-2">
            <h2>{task.title}</h2>
            <span className="text-xs text-slate-400">{task.specItem}</span>
            {!task.available && <Status status="not_available" />}
          </div>
          <p className="mt-0.5 text-xs text-slate-600">{task.promise}</p>
          <p className="mt-0.5 text-xs text-slate-400">Source: {task.source.join(" · ")}</p>
        </div>
        {task.manual && task.available && (
          // The spec puts each manual sync in its module (Advertising → Bulk Actions …): this goes there.
          <Link className="btn" href={task.manual.path} title={`${task.manual.label} is on ${task.manual.path}`}>
            {task.manual.label} →
          </Link>
        )}
      </div>
      {task.available && task.scopes.length === 0 && (
        <p className="px-3 py-2 text-slate-500">
          No {task.scope === "ad_profile" ? "ad profile" : "store"} to sync yet.{" "}
          <Link className="text-brand-600 hover:underline" href="/settings/amazon">Authorize one</Link>.
        </p>
      )}
      {task.available && task.scopes.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{task.scope === "ad_profile" ? "Ad profile" : task.scope === "store" ? "Store" : "Marketplace"}</th>
              <th>Window</th>
              <th>Status</th>
              <th>Last success</th>
              <th>Next run</th>
              <th className="text-right">Rows written</th>
              <th>Health</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {task.scopes.flatMap((scope) =>
              scope.windows.map((w, i) => (
                <tr key={`${scope.scopeId}-${w.window}`} data-testid="sync-window">
                  <td className="align-top">
                    {i === 0 && (
                      <>
                        {scope.label}
                        <div className="text-xs text-slate-500" data-testid="scope-freshness">
                          {scope.freshAsOf ? `data as of ${fromNow(scope.freshAsOf)}` : "no data yet"}
                        </div>
                      </>
                    )}
                  </td>
                  <td className="align-top">
                    {w.label}
                    <Progress w={w} task={task} />
                  </td>
                  <td className="align-top" title={w.health}>
                    <Status status={scope.paused && w.status !== "running" ? "paused" : w.overdue ? "overdue" : w.status} />
                  </td>
                  <td className="align-top" title={w.lastSucceededAt ? dateTime.format(w.lastSucceededAt) : undefined}>
                    {fromNow(w.lastSucceededAt)}
                  </td>
                  <td className="align-top">
                    {nextRun(w, scope.paused, scope)}
                  </td>
                  <td className="text-right align-top tabular-nums">{w.rowsWritten.toLocaleString("en")}</td>
                  <td className={`max-w-md align-top whitespace-normal ${scope.paused || w.lastError || w.overdue ? "text-red-700" : "text-slate-500"}`} data-testid="window-health">
                    {w.health}
                  </td>
                  <td className="align-top">
                    {canRetry && (w.status === "failed" || w.status === "paused") && !scope.paused && (
                      <button className="btn py-0.5" onClick={() => retry.mutate({ task: task.key as never, window: w.window, scopeId: scope.scopeId })}>
                        Retry now
                      </button>
                    )}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <FormError message={retry.error?.message} />
    </section>
  );
}

function RecentRuns({ runs }: { runs: Overview["runs"] }) {
  if (runs.length === 0) return null;
  return (
    <section className="card">
      <h2 className="border-b border-slate-200 px-3 py-2">Recent runs</h2>
      <table className="table" data-testid="sync-runs">
        <thead>
          <tr>
            <th>Started</th>
            <th>Task</th>
            <th>Window</th>
            <th>Days requested</th>
            <th>Trigger</th>
            <th>Status</th>
            <th className="text-right">Rows</th>
            <th className="text-right">API calls</th>
            <th className="text-right">Duration</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{dateTime.format(r.startedAt)}</td>
              <td>{r.taskTitle}</td>
              <td>{r.windowLabel}</td>
              <td className="text-xs">{r.windows.map((w) => (w.start === w.end ? w.start : `${w.start} → ${w.end}`)).join(", ")}</td>
              <td>{r.trigger}</td>
              <td title={r.error ?? undefined}>
                <Status status={r.status === "succeeded" ? "idle" : r.status} />
                {r.status === "failed" && r.error && <div className="max-w-xs whitespace-normal text-xs text-red-700">{r.error}</div>}
              </td>
              <td className="text-right tabular-nums">{r.rowsWritten.toLocaleString("en")}</td>
              <td className="text-right tabular-nums">{r.apiCalls}</td>
              <td className="text-right tabular-nums">{r.finishedAt ? `${Math.max(0, Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000))} s` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Attention({ items }: { items: Overview["attention"] }) {
  if (items.length === 0)
    return (
      <p className="rounded border border-green-200 bg-green-50 px-3 py-2 text-green-800" data-testid="sync-health">
        Every sync is up to date or on its way; nothing needs you.
      </p>
    );
  return (
    <ul className="space-y-1" data-testid="sync-health">
      {items.map((item) => (
        <li
          key={item.text}
          className={`rounded border px-3 py-2 ${item.level === "action" ? "border-red-200 bg-red-50 text-red-800" : "border-amber-200 bg-amber-50 text-amber-900"}`}
        >
          {item.text}{" "}
          {item.href !== "/sync" && (
            <Link className="font-medium underline" href={item.href}>
              Open
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

export function SyncCenter({ canRetry }: { canRetry: boolean }) {
  const [overview] = api.sync.overview.useSuspenseQuery(undefined, { refetchInterval: 10_000 });
  return (
    <div className="space-y-4">
      <Attention items={overview.attention} />
      {overview.tasks.map((task) => (
        <TaskCard key={task.key} task={task} canRetry={canRetry} />
      ))}
      <RecentRuns runs={overview.runs} />
    </div>
  );
}
