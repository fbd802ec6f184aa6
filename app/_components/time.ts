const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 minutes ago", "in 2 hours": how far a moment is from now. */
export function fromNow(date: Date | null | undefined, now = new Date()): string {
  if (!date) return "—";
  const diff = date.getTime() - now.getTime();
  if (Math.abs(diff) < 60_000) return diff < 0 ? "just now" : "in a minute";
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms || unit === "minute") return relative.format(Math.round(diff / ms), unit);
  return "—";
}

export const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
