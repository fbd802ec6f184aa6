"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { DEFAULT_RANGE, RANGE_PRESETS, type RangePreset } from "./range";

/**
 * A range of calendar days (YYYY-MM-DD), kept in the URL so a view can be shared. Each module interprets
 * the days in the marketplace's (or ad profile's) own time zone.
 */
export function DateRangePicker({ presets = RANGE_PRESETS }: { presets?: readonly RangePreset[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const range = params.get("range") ?? DEFAULT_RANGE;

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
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}
