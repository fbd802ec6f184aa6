import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import type { Cadence, DayRange } from "./kit/definition";

/** A calendar day (YYYY-MM-DD) in a marketplace's or ad profile's own time zone. */
export type LocalDay = string;

/**
 * Every zone's offset changes only at a whole quarter hour of UTC (a local hour or half hour, minus an
 * offset that is a multiple of 15 minutes), so one offset per zone and quarter hour is exact.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset (minutes) at an instant: asked of the time-zone database once per quarter hour. */
function offsetAt(timeZone: string, ms: number): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    const at = DateTime.fromMillis(quarter * QUARTER_HOUR_MS, { zone: timeZone });
    if (!at.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
    if (zone.size > 100_000) zone.clear();
    zone.set(quarter, (offset = at.offset));
  }
  return offset;
}

/**
 * The local day of an instant in a zone. A report's every row asks this (a million times for a big one):
 * a cached offset makes it a fiftieth of the cost of building a zoned date each time.
 */
export function localToday(timeZone: string, now: Date): LocalDay {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid date");
  return new Date(ms + offsetAt(timeZone, ms) * 60_000).toISOString().slice(0, 10);
}

export function addDays(day: LocalDay, n: number): LocalDay {
  return DateTime.fromISO(day, { zone: "UTC" }).plus({ days: n }).toISODate()!;
}

/** The instant a local day starts (00:00 in its zone), e.g. "00:00 yesterday" for orders. */
export function startOfLocalDay(day: LocalDay, timeZone: string): Date {
  return DateTime.fromISO(day, { zone: timeZone }).startOf("day").toJSDate();
}

/** The local days a rule covers, oldest first, e.g. days 3–9 → 7 dates. */
export function daysOf(ranges: DayRange[], today: LocalDay): LocalDay[] {
  const days = new Set<LocalDay>();
  for (const r of ranges) for (let ago = r.fromDaysAgo; ago >= r.toDaysAgo; ago--) days.add(addDays(today, -ago));
  return [...days].sort();
}

export interface DayWindow {
  start: LocalDay;
  end: LocalDay;
}

/** Groups days into contiguous windows of at most `maxDays` (Amazon Ads reports span ≤ 31 days). */
export function toWindows(days: LocalDay[], maxDays: number): DayWindow[] {
  const sorted = [...new Set(days)].sort();
  const windows: DayWindow[] = [];
  for (const day of sorted) {
    const last = windows.at(-1);
    const length = last ? DateTime.fromISO(day).diff(DateTime.fromISO(last.start), "days").days + 1 : 0;
    if (last && addDays(last.end, 1) === day && length <= maxDays) last.end = day;
    else windows.push({ start: day, end: day });
  }
  return windows;
}

/** A stable fraction in [0,1) per key, so each store's runs spread over the cadence's range. */
function spread(key: string): number {
  return createHash("sha1").update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** The scheduler looks for due windows this often; a due window may wait that long to start. */
export const SCHEDULER_TICK_MINUTES = 5;

/**
 * When a window is next due, given when it last ran. Interval cadences land between min and max minutes
 * after the last start; daily ones at the local hour of the next local day; monthly ones on each day of
 * their range. Never run → due now.
 */
export function nextDueAt(cadence: Cadence, lastStartedAt: Date | null, timeZone: string, key: string): Date | null {
  if (cadence.kind === "on-demand") return null;
  if (!lastStartedAt) return new Date(0);
  const last = DateTime.fromJSDate(lastStartedAt, { zone: timeZone });
  switch (cadence.kind) {
    case "interval": {
      // Leave room for the scheduler's tick, so the actual gap stays within the cadence's range.
      const room = Math.max(0, cadence.maxMinutes - cadence.minMinutes - SCHEDULER_TICK_MINUTES);
      const minutes = cadence.minMinutes + spread(`${key}@${lastStartedAt.toISOString()}`) * room;
      return last.plus({ minutes }).toJSDate();
    }
    case "daily":
      return last.plus({ days: 1 }).startOf("day").plus({ hours: cadence.atLocalHour }).toJSDate();
    case "monthly-days": {
      let next = last.plus({ days: 1 }).startOf("day").plus({ hours: cadence.atLocalHour });
      if (next.day > cadence.toDay) next = next.plus({ months: 1 }).set({ day: cadence.fromDay });
      else if (next.day < cadence.fromDay) next = next.set({ day: cadence.fromDay });
      return next.toJSDate();
    }
  }
}
