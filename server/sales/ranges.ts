/** The summary's ranges, in days of each marketplace's own calendar (no server imports: the browser reads it too). */
export const SUMMARY_RANGES = [
  { id: "today", label: "Today", days: 1 },
  { id: "3d", label: "Last 3 days", days: 3 },
  { id: "7d", label: "Last 7 days", days: 7 },
  { id: "14d", label: "Last 14 days", days: 14 },
  { id: "30d", label: "Last 30 days", days: 30 },
  { id: "90d", label: "Last 90 days", days: 90 },
  { id: "365d", label: "Last 12 months", days: 365 },
] as const;

export const DEFAULT_SUMMARY_RANGE = "30d";

export type SummaryRangeId = (typeof SUMMARY_RANGES)[number]["id"];
