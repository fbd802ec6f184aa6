import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore } from "~/test/factories";
import { completeRun, planRun } from "../../kit/plan";
import { syncTask } from "../../registry";
import { dueSyncRequests } from "../../scheduler";
import { SCHEDULER_TICK_MINUTES } from "../../windows";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

/**
 * Scheduler simulation with a controllable clock: two days of ticks, every due run "happens" at once. The
 * inventory of each marketplace is listed at once after authorization, then every 60–120 minutes — the
 * spec's "approximately every 1–2 hours" — and a marketplace's listings never crowd together.
 */
it("lists each marketplace's inventory every 60–120 minutes, from the authorization on", { timeout: 120_000 }, async () => {
  const { organizationId } = await createMemberOf(t.db, "owner");
  const { marketplace } = await createStore(t.db, organizationId);
  const start = new Date("2026-06-10T20:07:00Z");
  const end = new Date(start.getTime() + 2 * 86_400_000);
  const runs: Date[] = [];
  for (let now = start; now < end; now = new Date(now.getTime() + SCHEDULER_TICK_MINUTES * 60_000)) {
    for (const request of await dueSyncRequests(t.db, now)) {
      const task = syncTask(request.name.slice("sync/".length, -".requested".length));
      const result = await planRun(t.db, task, request.data, { now });
      if (!("plan" in result)) throw new Error(result.skipped);
      if (task.key === "inventory") {
        expect(result.plan).toMatchObject({ window: "current", days: [], scope: { scopeId: marketplace.id, marketplaceId: "ATVPDKIKX0DER" } });
        runs.push(now);
      }
      await completeRun(t.db, task, result.plan, { rowsWritten: 0, apiCalls: 0 }, now);
    }
  }
  expect(runs[0]).toEqual(start);
  const gaps = runs.slice(1).map((at, i) => (at.getTime() - runs[i]!.getTime()) / 60_000);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
  expect(Math.max(...gaps)).toBeLessThanOrEqual(120);
  // Two days at one listing every 1–2 hours: between 24 and 48 of them (both ends included).
  expect(runs.length).toBeGreaterThanOrEqual(24);
  expect(runs.length).toBeLessThanOrEqual(49);
  // The cadence spreads over its range rather than sitting at one end.
  expect(new Set(gaps).size).toBeGreaterThan(3);
});
