"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { EmptyState } from "~/app/_components/empty-state";
import { dateTime } from "~/app/_components/time";
import { api } from "~/app/_trpc/react";

const STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
type Status = (typeof STATUSES)[number];
const COLORS: Record<string, string> = {
  completed: "bg-green-50 text-green-700",
  failed: "bg-red-50 text-red-700",
  running: "bg-blue-50 text-blue-700",
  queued: "bg-slate-100 text-slate-600",
  cancelled: "bg-slate-100 text-slate-500",
  sleeping: "bg-indigo-50 text-indigo-700",
  planned: "bg-slate-100 text-slate-600",
  waiting: "bg-indigo-50 text-indigo-700",
};

export function Badge({ status }: { status: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${COLORS[status] ?? "bg-slate-100"}`}>{status}</span>;
}

export const duration = (ms: number | null) => (ms === null ? "—" : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

export function RunList({ functionId, status }: { functionId?: string | undefined; status?: string | undefined }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [functions] = api.runs.functions.useSuspenseQuery();
  const validStatus = STATUSES.includes(status as Status) ? (status as Status) : undefined;
  const runs = api.runs.list.useInfiniteQuery(
    { functionId, status: validStatus },
    { getNextPageParam: (last) => last.nextCursor ?? undefined, refetchInterval: 5_000 },
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`);
  };
  const all = runs.data?.pages.flatMap((p) => p.runs) ?? [];

  return (
    <div className="space-y-3">
      <div className="flex gap-2">
        <select aria-label="Function" className="input w-auto py-1" value={functionId ?? ""} onChange={(e) => set("fn", e.target.value)}>
          <option value="">All jobs</option>
          {functions.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <select aria-label="Run status" className="input w-auto py-1" value={validStatus ?? ""} onChange={(e) => set("status", e.target.value)}>
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {runs.isSuccess && all.length === 0 ? (
        <EmptyState title="No job runs">
          <p>Jobs run once a store or ad account is authorized, and then on the sync schedule.</p>
        </EmptyState>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table" data-testid="job-runs">
            <thead>
              <tr>
                <th>Started</th>
                <th>Job</th>
                <th>Trigger</th>
                <th>Status</th>
                <th className="text-right">Steps</th>
                <th className="text-right">Duration</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {all.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link className="text-brand-600 hover:underline" href={`/sync/runs/${r.id}`}>
                      {dateTime.format(r.startedAt ?? r.createdAt)}
                    </Link>
                  </td>
                  <td>{r.functionName}</td>
                  <td className="font-mono text-xs">{r.eventName}</td>
                  <td>
                    <Badge status={r.status} />
                  </td>
                  <td className="text-right tabular-nums">{r.steps.length}</td>
                  <td className="text-right tabular-nums">{duration(r.durationMs)}</td>
                  <td className="max-w-md truncate text-red-700" title={r.error?.message}>
                    {r.error?.message ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {runs.hasNextPage && (
        <button className="btn" onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          Load older runs
        </button>
      )}
    </div>
  );
}
