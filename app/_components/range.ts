/** The date-range presets every module offers; the URL's `range` parameter holds the id. */
export const RANGE_PRESETS = [
  { id: "today", label: "Today", days: 1 },
  { id: "7d", label: "Last 7 days", days: 7 },
  { id: "14d", label: "Last 14 days", days: 14 },
  { id: "30d", label: "Last 30 days", days: 30 },
  { id: "60d", label: "Last 60 days", days: 60 },
] as const;

export const DEFAULT_RANGE = "30d";

export function rangeDays(id: string | undefined | null): number {
  return RANGE_PRESETS.find((p) => p.id === id)?.days ?? RANGE_PRESETS.find((p) => p.id === DEFAULT_RANGE)!.days;
}
