import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, expect, it } from "vitest";
import { amazonGrants } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createdAfter } from "~/server/orders/incremental-sync";
import { createMemberOf, createStore } from "~/test/factories";
import { attentionItems } from "./health";
import { initialStoreSyncRequests } from "./initial";
import { completeRun, planRun } from "./kit/plan";
import { syncOverview } from "./overview";
import { syncTask } from "./registry";
import { dueSyncRequests, type SyncRequest } from "./scheduler";
import { SCHEDULER_TICK_MINUTES } from "./windows";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

interface Run {
  at: Date;
  task: string;
  window: string;
  days: string[];
  createdAfter?: string;
}

/**
 * A clock-driven scheduler (every tick asks what is due; each due run "happens" at once) over four days:
 * the store's authorization breaks on day 2 and is renewed two days later. Syncing stops while it is
 * broken, the seller is told, and after the renewal every day missed is loaded once, by the first run of
 * each window, after which the Sync center is back to "up to date".
 */
it("an authorization broken for two days, then renewed: every missed day loaded once, then up to date", { timeout: 180_000 }, async () => {
  const { organizationId } = await createMemberOf(t.db, "owner");
  const { grant, store, marketplace } = await createStore(t.db, organizationId);
  const zone = "America/Los_Angeles";
  const local = (d: Date) => DateTime.fromJSDate(d, { zone });
  const start = DateTime.fromISO("2026-06-10T13:07:00", { zone }).toJSDate();
  const brokenAt = DateTime.fromISO("2026-06-11T15:00:00", { zone }).toJSDate();
  const renewedAt = DateTime.fromISO("2026-06-13T15:00:00", { zone }).toJSDate();
  const end = DateTime.fromISO("2026-06-14T12:00:00", { zone }).toJSDate();
  const runs: Run[] = [];

  const perform = async (request: SyncRequest, now: Date) => {
    const task = syncTask(request.name.slice("sync/".length, -".requested".length));
    const result = await planRun(t.db, task, request.data, { now });
    if (!("plan" in result)) throw new Error(`${task.key} skipped: ${result.skipped}`);
    runs.push({
      at: now,
      task: task.key,
      window: request.data.window,
      days: result.plan.days,
      createdAfter: task.key === "orders-incremental" ? createdAfter(result.plan) : undefined,
    });
    await completeRun(t.db, task, result.plan, { rowsWritten: 0, apiCalls: 0 }, now);
  };

  let broken = false;
  let renewed = false;
  for (let now = start; now < end; now = new Date(now.getTime() + SCHEDULER_TICK_MINUTES * 60_000)) {
    if (!broken && now >= brokenAt) {
      // Amazon answers invalid_grant: the token service marks the grant (server/amazon/tokens.ts).
      await t.db.update(amazonGrants).set({ status: "needs_reauthorization", statusReason: "invalid_grant" }).where(eq(amazonGrants.id, grant.id));
      broken = true;
      const attention = await attentionItems(t.db, organizationId, now);
      expect(attention).toEqual([expect.objectContaining({ level: "action", href: "/settings/amazon", text: expect.stringMatching(/no longer accepts the authorization of store/) })]);
    }
    if (!renewed && now >= renewedAt) {
      // The seller authorizes again: the grant is live, and the store's syncs resume at once.
      await t.db.update(amazonGrants).set({ status: "active", statusReason: null, authorizedAt: now }).where(eq(amazonGrants.id, grant.id));
      renewed = true;
      for (const request of await initialStoreSyncRequests(t.db, { organizationId, storeId: store.id }, now)) await perform(request, now);
    }
    for (const request of await dueSyncRequests(t.db, now)) await perform(request, now);
  }

  // Nothing ran while the authorization was broken.
  expect(runs.filter((r) => r.at >= brokenAt && r.at < renewedAt)).toEqual([]);

  const lastBefore = (task: string, window: string) => runs.filter((r) => r.task === task && r.window === window && r.at < brokenAt).at(-1)!;
  const afterRenewal = (task: string, window: string) => runs.filter((r) => r.task === task && r.window === window && r.at >= renewedAt);

  // Advertising, last 2 days: the first run after renewal reaches back to the day of the last success
  // (2026-06-11) and covers every day since, once; the next runs are the usual 2 days again.
  const ads = afterRenewal("ads-performance", "last-2-days");
  expect(local(lastBefore("ads-performance", "last-2-days").at).toISODate()).toBe("2026-06-11");
  expect(ads[0]!.days).toEqual(["2026-06-11", "2026-06-12", "2026-06-13"]);
  for (const r of ads.slice(1)) expect(r.days).toHaveLength(2);

  // Orders: from 00:00 of the day of the last success, then from 00:00 yesterday as always.
  const orders = afterRenewal("orders-incremental", "since-yesterday");
  expect(orders[0]!.createdAfter).toBe(DateTime.fromISO("2026-06-11", { zone }).toUTC().toISO());
  for (const r of orders.slice(1)) expect(r.createdAfter).toBe(local(r.at).minus({ days: 1 }).startOf("day").toUTC().toISO());

  // Removals and the ads daily refresh cover their usual days: their windows already include the gap.
  expect(afterRenewal("removals", "recent")[0]!.days).toHaveLength(90);
  expect(afterRenewal("ads-performance", "days-3-to-60")[0]!.days).toHaveLength(35);

  // The Sync center is back to normal, and nothing needs the seller.
  const overview = await syncOverview(t.db, organizationId, end);
  const ours = overview.tasks.filter((task) => task.available).flatMap((task) => task.scopes.filter((s) => s.scopeId === marketplace.id || task.scope === "ad_profile"));
  const healths = ours.flatMap((s) => s.windows.map((w) => w.health));
  expect(healths.length).toBeGreaterThan(0);
  expect(healths.every((h) => h === "Up to date." || h === "Done." || h === "Runs when you ask for it.")).toBe(true);
  expect(overview.attention).toEqual([]);
});
