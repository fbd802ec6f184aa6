/** The range presets of list pages, in days of each marketplace's own calendar (no server imports: pages and the browser share it). */
export const LIST_RANGES = [
  { id: "30d", label: "Last 30 days", days: 30 },
  { id: "90d", label: "Last 90 days", days: 90 },
  { id: "12m", label: "Last 12 months", days: 366 },
  { id: "18m", label: "Last 18 months", days: 549 },
  { id: "all", label: "All", days: undefined },
] as const;
export const DEFAULT_LIST_RANGE = "90d";
