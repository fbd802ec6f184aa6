"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

const PRESETS = [
  { id: "today", label: "Today", days: 1, offset: 0 },
  { id: "yesterday", label: "Yesterday", days: 1, offset: 1 },
  { id: "7d", label: "Last 7 days", days: 7, offset: 0 },
  { id: "30d", label: "Last 30 days", days: 30, offset: 0 },
  { id: "60d", label: "Last 60 days", days: 60, offset: 0 },
] as const;

/**
 * A range of calendar days (YYYY-MM-DD), kept in the URL so a view can be shared. Each module interprets
 * the days in the marketplace's (or ad profile's) own time zone.
 */
export function DateRangePicker() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const range = params.get("range") ?? "30d";

  function select(id: string) {
    const next = new URLSearchParams(params);
    next.set("range", id);
    router.replace(`${pathname}?${next.toString()}`);
  }

  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-500">
      Dates
      <select
        aria-label="Date range"
        className="input w-auto py-1"
        value={range}
        onChange={(e) => select(e.target.value)}
      >
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}
