import { describe, expect, it } from "vitest";
import { dayRange, daysInRange, localDay, MAX_RANGE_DAYS } from "./day";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("localDay", () => {
  it("accepts real calendar days, leap days included", () => {
    for (const day of ["2026-01-31", "2024-02-29", "2000-02-29", "2000-01-01", "2099-12-31"]) expect(localDay.parse(day)).toBe(day);
  });

  it("refuses what only looks like a day, with one plain message", () => {
    for (const day of ["2026-13-45", "2026-02-30", "2025-02-29", "2026-04-31", "2026-00-10", "not a day", "2026-1-05", "2026-01-01T00:00", " 2026-01-01", ""]) {
      expect(messages(localDay.safeParse(day)), day).toEqual([": Enter a real date as YYYY-MM-DD."]);
    }
  });

  it("refuses days outside the years any marketplace has data for", () => {
    expect(messages(localDay.safeParse("1999-12-31"))).toEqual([": Enter a date between 2000-01-01 and 2099-12-31."]);
    expect(messages(localDay.safeParse("0000-01-01"))).toEqual([": Enter a date between 2000-01-01 and 2099-12-31."]);
    expect(localDay.safeParse("2100-01-01").success).toBe(false);
  });
});

describe("dayRange", () => {
  it("accepts a range in order, up to the longest span, both ends included", () => {
    expect(dayRange.parse({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ from: "2026-03-01", to: "2026-03-01" });
    expect(daysInRange({ from: "2025-01-01", to: "2026-01-01" })).toBe(MAX_RANGE_DAYS);
    expect(dayRange.safeParse({ from: "2025-01-01", to: "2026-01-01" }).success).toBe(true);
  });

  it("refuses a reversed or too long range, once", () => {
    expect(messages(dayRange.safeParse({ from: "2026-03-02", to: "2026-03-01" }))).toEqual(["to: The start date must not be after the end date."]);
    expect(messages(dayRange.safeParse({ from: "2025-01-01", to: "2026-01-02" }))).toEqual([`to: Choose a range of at most ${MAX_RANGE_DAYS} days.`]);
  });

  it("names only the bad day, without comparing it with the other", () => {
    expect(messages(dayRange.safeParse({ from: "2026-13-45", to: "2026-01-01" }))).toEqual(["from: Enter a real date as YYYY-MM-DD."]);
  });
});
