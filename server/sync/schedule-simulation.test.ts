import { DateTime } from "luxon";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createdAfter } from "~/server/orders/incremental-sync";
import { createMemberOf, createStore } from "~/test/factories";
import { completeRun, planRun } from "./kit/plan";
import { syncTask } from "./registry";
import { dueSyncRequests } from "./scheduler";
import { SCHEDULER_TICK_MINUTES, toWindows } from "./windows";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

interface Started {
  at: Date;
  window: string;
  days?: { start: string; end: string }[];
  createdAfter?: string;
}

/**
 * Two simulated days of the scheduler with a controllable clock: every tick asks what is due, and each
 * due run "happens" at once. The requested windows and their timing must be exactly the spec's.
 */
it("requests exactly the spec's windows at the spec's cadences over two days", { timeout: 120_000 }, async () => {
  const { organizationId } = await createMemberOf(t.db, "owner");
  const { adProfile, marketplace } = await createStore(t.db, organizationId);
  const zone = "America/Los_Angeles";
  const start = DateTime.fromISO("2026-06-10T13:07:00", { zone }).toJSDate();
  const end = new Date(start.getTime() + 2 * 86_400_000);
  const runs: (Started & { task: string })[] = [];

  for (let now = start; now < end; now = new Date(now.getTime() + SCHEDULER_TICK_MINUTES * 60_000)) {
    for (const request of await dueSyncRequests(t.db, now)) {
      const task = syncTask(request.name.slice("sync/".length, -".requested".length));
      const result = await planRun(t.db, task, request.data, { now });
      if (!("plan" in result)) throw new Error(result.skipped);
      const { plan } = result;
      runs.push({ task: task.key, at: now, window: request.data.window, days: toWindows(plan.days, 31), createdAfter: task.key === "orders-incremental" ? createdAfter(plan) : undefined });
      await completeRun(t.db, task, plan, { rowsWritten: 0, apiCalls: 0 }, now);
    }
  }
  const ads = runs.filter((r) => r.task === "ads-performance");
  const orderRuns = runs.filter((r) => r.task === "orders-incremental");
  const removals = runs.filter((r) => r.task === "removals");
  expect(adProfile.timeZone).toBe(zone);
  expect(marketplace.timeZone).toBe(zone);
  const local = (d: Date) => DateTime.fromJSDate(d, { zone });
  const minutesBetween = (runs: Started[]) => runs.slice(1).map((r, i) => (r.at.getTime() - runs[i]!.at.getTime()) / 60_000);

  // Authorization: the 60-day backfill first, once, in reports of at most 31 days.
  const backfill = ads.filter((r) => r.window === "backfill");
  expect(backfill).toHaveLength(1);
  expect(backfill[0]!.at).toEqual(start);
  expect(backfill[0]!.days).toEqual([
    { start: "2026-04-12", end: "2026-05-12" },
    { start: "2026-05-13", end: "2026-06-10" },
  ]);

  // The last 2 days, every 30–60 minutes, always yesterday and today in the profile's zone.
  const recent = ads.filter((r) => r.window === "last-2-days");
  const gaps = minutesBetween([backfill[0]!, ...recent]);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30);
  expect(Math.max(...gaps)).toBeLessThanOrEqual(60);
  expect(recent.length).toBeGreaterThanOrEqual(48);
  for (const r of recent) {
    const today = local(r.at).toISODate()!;
    expect(r.days).toEqual([{ start: local(r.at).minus({ days: 1 }).toISODate()!, end: today }]);
  }

  // Days 3–9, 15–22, 31–40, 51–60: once a day (35 days), at or after 04:00 local.
  const daily = ads.filter((r) => r.window === "days-3-to-60");
  // The backfill has just covered these days, so the first daily refresh is the next local morning.
  expect(daily.map((r) => local(r.at).toISODate())).toEqual(["2026-06-11", "2026-06-12"]);
  for (const r of daily) expect(local(r.at).hour).toBeGreaterThanOrEqual(4);
  for (const r of daily) {
    const day = (n: number) => local(r.at).minus({ days: n - 1 }).toISODate()!;
    expect(r.days).toEqual([
      { start: day(60), end: day(51) },
      { start: day(40), end: day(31) },
      { start: day(22), end: day(15) },
      { start: day(9), end: day(3) },
    ]);
  }

  // Orders: every 15–30 minutes, always from local midnight of yesterday.
  const orderGaps = minutesBetween(orderRuns);
  expect(Math.min(...orderGaps)).toBeGreaterThanOrEqual(15);
  expect(Math.max(...orderGaps)).toBeLessThanOrEqual(30);
  for (const r of orderRuns) {
    expect(r.createdAfter).toBe(local(r.at).minus({ days: 1 }).startOf("day").toUTC().toISO({ suppressMilliseconds: false }));
  }

  // Removals: the 12 months before authorization first, then the last 90 days of requests once a day,
  // at or after 09:00 local; nothing else runs.
  expect(removals[0]).toMatchObject({ window: "backfill", at: start });
  expect(removals[0]!.days![0]!.start).toBe("2025-06-10");
  expect(removals[0]!.days!.at(-1)!.end).toBe("2026-06-10");
  const removalsDaily = removals.slice(1);
  expect(removalsDaily.map((r) => local(r.at).toISODate())).toEqual(["2026-06-11", "2026-06-12"]);
  for (const r of removalsDaily) {
    expect(r.window).toBe("recent");
    expect(local(r.at).hour).toBeGreaterThanOrEqual(9);
    expect(r.days).toEqual(toWindows(Array.from({ length: 90 }, (_, i) => local(r.at).minus({ days: 89 - i }).toISODate()!), 31));
  }
  // Reimbursements, per seller account (its home zone, Los Angeles for North America): the 18 months before
  // authorization first, then the last 30 days once a day, at or after 07:00 local.
  const reimbursements = runs.filter((r) => r.task === "reimbursements");
  expect(reimbursements[0]).toMatchObject({ window: "backfill", at: start });
  expect(reimbursements[0]!.days![0]!.start).toBe("2024-12-10");
  expect(reimbursements[0]!.days!.at(-1)!.end).toBe("2026-06-10");
  const reimbursementsDaily = reimbursements.slice(1);
  expect(reimbursementsDaily.map((r) => local(r.at).toISODate())).toEqual(["2026-06-11", "2026-06-12"]);
  for (const r of reimbursementsDaily) {
    expect(r.window).toBe("recent");
    expect(local(r.at).hour).toBeGreaterThanOrEqual(7);
    expect(r.days).toEqual(toWindows(Array.from({ length: 30 }, (_, i) => local(r.at).minus({ days: 29 - i }).toISODate()!), 31));
  }
  // Ad settings (③): the whole account listed at authorization, then every known entity's settings about
  // every 12 hours. Ad additions (④): looked for in the last days' reports every 30–60 minutes; the whole
  // listing ("Synchronize Amazon Additions") only by its button, never by the schedule.
  const settings = runs.filter((r) => r.task === "ads-settings");
  expect(settings[0]).toMatchObject({ window: "backfill", at: start });
  const settingsGaps = minutesBetween(settings);
  expect(settings.slice(1).every((r) => r.window === "all-entities")).toBe(true);
  expect(settings.length).toBeGreaterThanOrEqual(4);
  expect(Math.min(...settingsGaps)).toBeGreaterThanOrEqual(12 * 60);
  expect(Math.max(...settingsGaps)).toBeLessThanOrEqual(12 * 60 + 30);
  const additions = runs.filter((r) => r.task === "ads-additions");
  expect(additions.every((r) => r.window === "impressions")).toBe(true);
  const additionGaps = minutesBetween(additions);
  expect(additions[0]!.at).toEqual(start);
  expect(Math.min(...additionGaps)).toBeGreaterThanOrEqual(30);
  expect(Math.max(...additionGaps)).toBeLessThanOrEqual(60);
  for (const r of additions) expect(r.days).toEqual([{ start: local(r.at).minus({ days: 2 }).toISODate()!, end: local(r.at).toISODate()! }]);

  // The claims assistant, per marketplace: 18 months before authorization first (the last month with it), then
  // the previous month once a day at or after 08:00 local, each run analysing the store again.
  const claimRuns = runs.filter((r) => r.task === "claims");
  expect(claimRuns[0]).toMatchObject({ window: "backfill", at: start });
  expect([claimRuns[0]!.days![0]!.start, claimRuns[0]!.days!.at(-1)!.end]).toEqual(["2024-12-10", "2026-06-10"]);
  expect(claimRuns.slice(1).map((r) => local(r.at).toISODate())).toEqual(["2026-06-11", "2026-06-12"]);
  for (const r of claimRuns.slice(1)) {
    expect(r.window).toBe("previous-month");
    expect(local(r.at).hour).toBeGreaterThanOrEqual(8);
    expect(r.days).toEqual(toWindows(Array.from({ length: 32 }, (_, i) => local(r.at).minus({ days: 31 - i }).toISODate()!), 31));
  }
  // Storage fees: the six whole months before authorization first, then last month daily from the 10th
  // (here the 11th and 12th, after the backfill of the 10th), at or after 06:00 local.
  const fees = runs.filter((r) => r.task === "monthly-storage-fees");
  expect(fees[0]).toMatchObject({ window: "backfill", at: start });
  expect([fees[0]!.days![0]!.start, fees[0]!.days!.at(-1)!.end]).toEqual(["2025-12-01", "2026-05-31"]);
  expect(fees.slice(1).map((r) => [local(r.at).toISODate(), r.window, r.days])).toEqual([
    ["2026-06-11", "previous-month", [{ start: "2026-05-01", end: "2026-05-31" }]],
    ["2026-06-12", "previous-month", [{ start: "2026-05-01", end: "2026-05-31" }]],
  ]);
  for (const r of fees.slice(1)) expect(local(r.at).hour).toBeGreaterThanOrEqual(6);
  // Long-term storage fees: the backfill; last month's comes from the 18th, after these two days.
  expect(runs.filter((r) => r.task === "long-term-storage-fees").map((r) => r.window)).toEqual(["backfill"]);
  // Historical orders: once, the 363 local days up to the day before yesterday (yesterday on is incremental).
  expect(runs.filter((r) => r.task === "orders-history").map((r) => [r.window, r.days![0]!.start, r.days!.at(-1)!.end])).toEqual([
    ["backfill", "2025-06-11", "2026-06-08"],
  ]);
  // The full catalog: at once on authorization, then once a day at or after 02:00 local.
  const catalog = runs.filter((r) => r.task === "products-full");
  expect(catalog.map((r) => [local(r.at).toISODate(), r.window])).toEqual([
    ["2026-06-10", "full-catalog"],
    ["2026-06-11", "full-catalog"],
    ["2026-06-12", "full-catalog"],
  ]);
  for (const r of catalog.slice(1)) expect(local(r.at).hour).toBeGreaterThanOrEqual(2);
  // Amazon's Sales API figures: the last 3 days every 15 minutes, days 3–30 twice a day; day 31 never.
  const sales = runs.filter((r) => r.task === "sales-api");
  const recentSales = sales.filter((r) => r.window === "last-3-days");
  expect(recentSales[0]!.at).toEqual(start);
  expect(new Set(minutesBetween(recentSales))).toEqual(new Set([15]));
  expect(recentSales.length).toBe(2 * 96);
  for (const r of recentSales) expect(r.days).toEqual([{ start: local(r.at).minus({ days: 2 }).toISODate()!, end: local(r.at).toISODate()! }]);
  const olderSales = sales.filter((r) => r.window === "days-3-to-30");
  expect(olderSales[0]!.at).toEqual(start);
  expect(new Set(minutesBetween(olderSales))).toEqual(new Set([12 * 60]));
  expect(olderSales).toHaveLength(4);
  for (const r of olderSales) expect(r.days).toEqual([{ start: local(r.at).minus({ days: 29 }).toISODate()!, end: local(r.at).minus({ days: 2 }).toISODate()! }]);
  const oldest = sales.flatMap((r) => r.days!.map((d) => d.start)).sort()[0]!;
  expect(oldest >= local(start).minus({ days: 29 }).toISODate()!).toBe(true);
  // Refunds, per seller account: the year of postings before authorization first; then every 30–60 minutes
  // the last 3 local days (a run lists from 48 hours before where the last reached), and the FBA returns
  // report once a day at or after 07:00 local.
  const refundRuns = runs.filter((r) => r.task === "refund-orders");
  expect(refundRuns[0]).toMatchObject({ window: "backfill", at: start });
  expect([refundRuns[0]!.days![0]!.start, refundRuns[0]!.days!.at(-1)!.end]).toEqual(["2025-06-10", "2026-06-10"]);
  const recentRefunds = refundRuns.filter((r) => r.window === "recent");
  for (const gap of minutesBetween(recentRefunds)) expect(gap >= 30 && gap <= 60, String(gap)).toBe(true);
  expect(recentRefunds.length).toBeGreaterThanOrEqual(48);
  for (const r of recentRefunds) expect(r.days).toEqual([{ start: local(r.at).minus({ days: 2 }).toISODate()!, end: local(r.at).toISODate()! }]);
  const returnReasons = refundRuns.filter((r) => r.window === "return-reasons");
  expect(returnReasons.map((r) => local(r.at).toISODate())).toEqual(["2026-06-11", "2026-06-12"]);
  for (const r of returnReasons) {
    expect(local(r.at).hour).toBeGreaterThanOrEqual(7);
    expect(r.days).toEqual(toWindows(Array.from({ length: 30 }, (_, i) => local(r.at).minus({ days: 29 - i }).toISODate()!), 31));
  }
  // Products of synced orders and ads: at once on authorization, then every 60–120 minutes; no days.
  for (const key of ["products-from-orders", "products-from-ads"]) {
    const details = runs.filter((r) => r.task === key);
    expect(details[0]!.at, key).toEqual(start);
    const detailGaps = minutesBetween(details);
    expect(Math.min(...detailGaps), key).toBeGreaterThanOrEqual(60);
    expect(Math.max(...detailGaps), key).toBeLessThanOrEqual(120);
    for (const r of details) expect(r.days, key).toEqual([]);
  }
  expect(new Set(runs.map((r) => r.task))).toEqual(
    new Set([
      "ads-performance", "ads-settings", "ads-additions", "orders-incremental", "orders-history", "products-full", "products-from-orders", "products-from-ads", "refund-orders", "inventory",
      "removals", "reimbursements", "claims", "monthly-storage-fees", "long-term-storage-fees", "sales-api",
    ]),
  );
});
