import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { syncTask } from "./registry";
import { daysOf, localToday, nextDueAt, startOfLocalDay, toWindows } from "./windows";

describe("local days", () => {
  it("uses the marketplace's zone, not UTC", () => {
    // 05:30 UTC on 1 March is still 28 February in Los Angeles, already 1 March in Tokyo.
    const now = new Date("2026-03-01T05:30:00Z");
    expect(localToday("America/Los_Angeles", now)).toBe("2026-02-28");
    expect(localToday("Asia/Tokyo", now)).toBe("2026-03-01");
    expect(startOfLocalDay("2026-02-27", "America/Los_Angeles").toISOString()).toBe("2026-02-27T08:00:00.000Z");
  });

  it("agrees with the time-zone database minute by minute across a year of transitions, odd offsets included", { timeout: 60_000 }, () => {
    // Lord Howe moves by 30 minutes, Kathmandu is +05:45, Santiago and Sydney switch in the other half of the year.
    const zones = ["America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "Australia/Sydney", "Asia/Tokyo"];
    const from = Date.parse("2026-01-01T00:00:00Z");
    for (const zone of zones)
      for (let ms = from; ms < from + 366 * 86_400_000; ms += 14 * 60_000 + 59_000) {
        // (A step just short of a quarter hour lands in every quarter hour, at a drifting minute.)
        const at = new Date(ms);
        if (localToday(zone, at) !== DateTime.fromJSDate(at, { zone }).toISODate()) throw new Error(`${zone} ${at.toISOString()}`);
      }
  });

  it("refuses an unknown zone and an invalid instant", () => {
    expect(() => localToday("Mars/Olympus", new Date())).toThrow(/Unknown time zone/);
    expect(() => localToday("UTC", new Date("nope"))).toThrow(RangeError);
  });

  it("knows a DST day is 23 hours long", () => {
    const start = startOfLocalDay("2026-03-08", "America/Los_Angeles");
    const next = startOfLocalDay("2026-03-09", "America/Los_Angeles");
    expect((next.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });
});

describe("advertising windows from the registry", () => {
  const ads = syncTask("ads-performance");
  const today = "2026-06-30";

  it("refreshes the last 2 days often, and days 3–9, 15–22, 31–40, 51–60 daily: 35 days", () => {
    const [recent, daily] = ads.windows;
    expect(daysOf(recent!.days, today)).toEqual(["2026-06-29", "2026-06-30"]);
    const settled = daysOf(daily!.days, today);
    expect(settled).toHaveLength(35);
    expect(settled.at(-1)).toBe("2026-06-28"); // day 3
    expect(settled[0]).toBe("2026-05-02"); // day 60
    expect(toWindows(settled, 31)).toEqual([
      { start: "2026-05-02", end: "2026-05-11" },
      { start: "2026-05-22", end: "2026-05-31" },
      { start: "2026-06-09", end: "2026-06-16" },
      { start: "2026-06-22", end: "2026-06-28" },
    ]);
  });

  it("backfills 60 days in reports of at most 31 days", () => {
    const days = daysOf([{ fromDaysAgo: ads.backfill!.days! - 1, toDaysAgo: 0 }], today);
    expect(days).toHaveLength(60);
    expect(toWindows(days, 31)).toEqual([
      { start: "2026-05-02", end: "2026-06-01" },
      { start: "2026-06-02", end: "2026-06-30" },
    ]);
  });
});

describe("cadences", () => {
  it("an interval of 30–60 minutes lands inside its range, spread per scope", () => {
    const last = new Date("2026-06-30T10:00:00Z");
    const dues = ["p1", "p2", "p3", "p4", "p5"].map((k) => nextDueAt({ kind: "interval", minMinutes: 30, maxMinutes: 60 }, last, "UTC", k)!);
    for (const due of dues) {
      const minutes = (due.getTime() - last.getTime()) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(30);
      expect(minutes).toBeLessThanOrEqual(60);
    }
    expect(new Set(dues.map((d) => d.getTime())).size).toBeGreaterThan(1);
  });

  it("daily runs at the local hour of the next local day", () => {
    const last = new Date("2026-06-30T11:00:00Z"); // 04:00 in Los Angeles
    expect(nextDueAt({ kind: "daily", atLocalHour: 4 }, last, "America/Los_Angeles", "x")!.toISOString()).toBe("2026-07-01T11:00:00.000Z");
  });

  it("monthly days stay within their range of each month", () => {
    const cadence = { kind: "monthly-days", fromDay: 10, toDay: 18, atLocalHour: 6 } as const;
    expect(nextDueAt(cadence, new Date("2026-06-18T08:00:00Z"), "UTC", "x")!.toISOString()).toBe("2026-07-10T06:00:00.000Z");
    expect(nextDueAt(cadence, new Date("2026-06-02T08:00:00Z"), "UTC", "x")!.toISOString()).toBe("2026-06-10T06:00:00.000Z");
    expect(nextDueAt(cadence, new Date("2026-06-12T08:00:00Z"), "UTC", "x")!.toISOString()).toBe("2026-06-13T06:00:00.000Z");
  });

  it("a window that never ran is due at once", () => {
    expect(nextDueAt({ kind: "daily", atLocalHour: 4 }, null, "UTC", "x")!.getTime()).toBe(0);
  });
});

describe("calendar months", () => {
  it("last month, and the six whole months before the current one", async () => {
    const { monthDays } = await import("./kit/plan");
    const last = monthDays("2026-03-10", 1, 1);
    expect([last[0], last.at(-1), last.length]).toEqual(["2026-02-01", "2026-02-28", 28]);
    const six = monthDays("2026-03-10", 6, 1);
    expect([six[0], six.at(-1)]).toEqual(["2025-09-01", "2026-02-28"]);
    expect(monthDays("2026-03-10", 1, 2)).toEqual([]);
  });
});

describe("monthly report windows", () => {
  it("one window per calendar month the days fall in", async () => {
    const { monthWindows } = await import("./kit/sp-report-task");
    expect(monthWindows(["2024-02-28", "2024-02-29", "2024-03-01"])).toEqual([
      { start: "2024-02-01", end: "2024-02-29" },
      { start: "2024-03-01", end: "2024-03-31" },
    ]);
  });
});
