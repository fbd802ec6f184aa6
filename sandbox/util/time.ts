import { DateTime } from "luxon";

/** Amazon-style ISO timestamp without milliseconds, UTC ("2024-01-02T03:04:05Z"). */
export function isoZ(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Local calendar day (YYYY-MM-DD) of an instant in a zone. */
export function localDay(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? "";
}

/** Instant at which a local day starts in a zone. */
export function dayStartMs(day: string, zone: string): number {
  return DateTime.fromISO(day, { zone }).startOf("day").toMillis();
}

/** The calendar day n days after `day` (plain UTC arithmetic: the fates' look-backs call it some 100 times a day). */
export function addDays(day: string, n: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : new Date(ms + n * 86_400_000).toISOString().slice(0, 10);
}

export function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Inclusive list of days from..to. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function parseIso(s: string | null | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
