import { DateTime } from "luxon";
import { z } from "zod";

/*
 * Local days ("YYYY-MM-DD" in a marketplace's or ad profile's own zone) as they arrive from clients. A
 * string that only looks like a date ("2026-13-45", "2026-02-30") used to reach PostgreSQL, whose refusal
 * then carried the SQL back to the browser; these schemas refuse it at the door with a plain message.
 */

/** Days outside these bounds are typos: Amazon's marketplaces have no data before 2000. */
export const EARLIEST_DAY = "2000-01-01";
export const LATEST_DAY = "2099-12-31";

/**
 * The longest range a query accepts: a year and a day (room for a leap year), which covers year-over-year
 * views and keeps per-day answers (day settlement) to a few hundred rows.
 */
export const MAX_RANGE_DAYS = 366;

/**
 * Later checks run only on a clean value, so they never compare malformed days or repeat a complaint.
 * (Not `abort`: an aborted issue would stop a union from telling which of its shapes the input meant.)
 */
const whenValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

/** A real calendar day: zod's ISO date checks month lengths and leap years, not just the shape. */
export const localDay = z.iso
  .date({ error: "Enter a real date as YYYY-MM-DD." })
  // ISO days compare as strings in calendar order.
  .refine((day) => day >= EARLIEST_DAY && day <= LATEST_DAY, {
    error: `Enter a date between ${EARLIEST_DAY} and ${LATEST_DAY}.`,
    ...whenValid,
  });

/** Days from `from` to `to`, both included. */
export function daysInRange(range: { from: string; to: string }): number {
  return DateTime.fromISO(range.to, { zone: "UTC" }).diff(DateTime.fromISO(range.from, { zone: "UTC" }), "days").days + 1;
}

/** A range of local days, both ends included, in order and at most MAX_RANGE_DAYS long. */
export const dayRange = z
  .object({ from: localDay, to: localDay })
  .refine((range) => range.from <= range.to, {
    error: "The start date must not be after the end date.",
    path: ["to"],
    ...whenValid,
  })
  .refine((range) => daysInRange(range) <= MAX_RANGE_DAYS, {
    error: `Choose a range of at most ${MAX_RANGE_DAYS} days.`,
    path: ["to"],
    ...whenValid,
  });
