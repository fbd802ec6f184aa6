"use client";

import { dateTime, fromNow } from "~/app/_components/time";
import { api } from "~/app/_trpc/react";

/** One cell per day: how settled its figures are (Amazon restates ad data for up to ~42 days). */
export function DaySettlement({ adProfileId, days }: { adProfileId: string; days: number }) {
  const { data } = api.advertising.daySettlement.useQuery({ adProfileId, days });
  if (!data?.length) return null;
  return (
    <div className="card mb-3 px-3 py-2" data-testid="day-settlement">
      <div className="mb-1 flex items-center justify-between text-xs text-slate-500">
        <span>How settled each day is — Amazon restates clicks for 3 days and attributed sales for up to 42 days; we re-fetch on the spec's schedule.</span>
        <span className="flex items-center gap-3">
          <span className="flex items-center gap-1"><i className="inline-block h-2.5 w-2.5 rounded-sm bg-amber-300" /> may still change</span>
          <span className="flex items-center gap-1"><i className="inline-block h-2.5 w-2.5 rounded-sm bg-green-500" /> settled</span>
        </span>
      </div>
      <div className="flex gap-0.5">
        {data.map((d) => (
          <div
            key={d.day}
            className={`h-4 flex-1 rounded-sm ${d.settled ? "bg-green-500" : d.ageDays < 3 ? "bg-amber-400" : "bg-amber-300"}`}
            title={`${d.day}: last refreshed ${fromNow(d.lastRefreshedAt)} (${dateTime.format(d.lastRefreshedAt)}), ${d.refreshCount} refresh(es); ${d.settled ? "settled" : `may still change for ${42 - d.ageDays} more day(s)`}`}
          />
        ))}
      </div>
    </div>
  );
}
