"use client";

import Link from "next/link";
import { backfillProgress } from "~/app/_components/backfill-progress";
import { api } from "~/app/_trpc/react";

/**
 * What of the year before yesterday is loaded, per marketplace: orders from before yesterday arrive in
 * month-sized reports after authorization, and until they have, an empty past is not "no orders".
 */
export function HistoryProgress() {
  const [history] = api.orders.history.useSuspenseQuery();
  const loading = history.filter((h) => !h.lastSucceededAt);
  if (!history.length) return null;
  if (!loading.length)
    return (
      <p className="text-xs text-slate-500" data-testid="order-history">
        Order history: the year before yesterday is loaded for {history.map((h) => h.countryCode).join(", ")}.
      </p>
    );
  return (
    <div className="card space-y-1.5 p-3 text-sm" data-testid="order-history">
      {loading.map((h) => {
        const shown = backfillProgress(h.progressDone, h.progressTotal);
        const pct = h.progressTotal ? Math.round((h.progressDone / h.progressTotal) * 100) : 0;
        return (
          <div key={h.storeMarketplaceId} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{h.countryCode}</span>
            {h.status === "failed" ? (
              <span className="text-red-700">
                Loading the order history failed: {h.lastError ?? "unknown error"} It is tried again automatically; see the{" "}
                <Link href="/sync" className="underline">Sync center</Link>.
              </span>
            ) : (
              <>
                <div className="h-1.5 w-32 overflow-hidden rounded bg-slate-200">
                  <div className="h-full bg-brand-500" style={{ width: `${pct}%` }} />
                </div>
                <span className="text-slate-600">
                  Loading order history: {shown.done} of {shown.total} {shown.unit}
                  {h.status === "running" ? "" : " (waiting to start)"}. Orders from before yesterday appear as each month arrives.
                </span>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
