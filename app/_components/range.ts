/** The date-range presets every module offers; the URL's `range` parameter holds the id. */
export const RANGE_PRESETS = [
  { id: "today", label: "Today", days: 1 },
  { id: "7d", label: "Last 7 days", days: 7 },
  { id: "14d", label: "Last 14 days", days: 14 },
  { id: "30d", label: "Last 30 days", days: 30 },
  { id: "60d", label: "Last 60 days", days: 60 },
] as const;

export const DEFAULT_RANGE = "30d";

/** Orders reach back a year (the historical orders sync): their page offers the longer ranges too. */
export const ORDER_RANGE_PRESETS = [
  ...RANGE_PRESETS,
  { id: "90d", label: "Last 90 days", days: 90 },
  { id: "365d", label: "Last 12 months", days: 365 },
] as const;

export type RangePreset = { id: string; label: string; days: number };

export function rangeDays(id: string | undefined | null, presets: readonly RangePreset[] = RANGE_PRESETS): number {
  return presets.find((p) => p.id === id)?.days ?? presets.find((p) => p.id === DEFAULT_RANGE)!.days;
}
