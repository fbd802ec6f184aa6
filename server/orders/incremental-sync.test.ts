import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderItems, storeMarketplaces } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import type { RunningSandbox } from "~/sandbox";
import { completeStoreAuthorization, startStoreAuthorization } from "~/server/amazon/authorization/store";
import { consentOnAmazon, startTestAmazon } from "~/test/amazon-sandbox";
import { createMemberOf } from "~/test/factories";
import { completeRun, planRun, type RunPlan } from "~/server/sync/kit/plan";
import { callerFor } from "~/server/sync/kit/scope";
import { syncTask } from "~/server/sync/registry";
import { syncOrderItems, syncOrdersPage } from "./incremental-sync";
import { pagedApiRun } from "~/server/sync/kit/paged-api-task";

/*
 * A run can die between storing a page of orders and storing their items (the items step fails for good,
 * the executor is killed). The next run must fetch those items, even though the orders themselves are
 * already up to date.
 */

let t: TestDatabase;
let amazon: RunningSandbox;
let organizationId: string;
let storeMarketplaceId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  amazon = await startTestAmazon({ volume: "tiny", timeScale: 0 });
  const m = await createMemberOf(t.db, "owner");
  organizationId = m.organizationId;
  const actor = { userId: m.user.id, organizationId, role: "owner" as const };
  const seller = amazon.sandbox.world.sellers[0]!.sellerId;
  const { storeId } = await completeStoreAuthorization(
    { db: t.db, publish: async () => {} },
    m.user.id,
    await consentOnAmazon((await startStoreAuthorization(t.db, actor, "na")).url, seller),
  );
  const [marketplace] = await t.db
    .select()
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, storeId), eq(storeMarketplaces.marketplaceId, "ATVPDKIKX0DER")));
  storeMarketplaceId = marketplace!.id;
}, 120_000);
afterAll(async () => {
  await amazon?.close();
  await t?.drop();
});

async function plan(): Promise<RunPlan> {
  const planned = await planRun(
    t.db,
    syncTask("orders-incremental"),
    { organizationId, scopeId: storeMarketplaceId, window: "since-yesterday", trigger: "manual" },
    { now: new Date(amazon.sandbox.clock.now()) },
  );
  if (!("plan" in planned)) throw new Error(planned.skipped);
  return planned.plan;
}

/** Every page of orders; returns the orders whose items the run would fetch. */
async function pages(p: RunPlan): Promise<string[]> {
  const need: string[] = [];
  let token: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof syncOrdersPage>> = await syncOrdersPage(callerFor(t.db, p.scope), p, token);
    need.push(...page.followUp);
    token = page.nextToken;
  } while (token);
  return need;
}

describe("incremental orders", () => {
  it("fetches on the next run the items of orders a run stored but died before their items", { timeout: 180_000 }, async () => {
    const first = await plan();
    const all = await pages(first);
    expect(all.length).toBeGreaterThan(0);
    await syncOrderItems(callerFor(t.db, first.scope), first, all);
    expect(await pages(await plan())).toEqual([]);

    // Hours pass on Amazon: pending orders ship, their LastUpdateDate moves on.
    amazon.sandbox.clock.advance(8 * 3600_000);
    const crashed = await plan();
    const changed = await pages(crashed);
    expect(changed.length).toBeGreaterThan(0);
    const itemsBefore = await t.db.select().from(orderItems).where(eq(orderItems.storeMarketplaceId, storeMarketplaceId));
    // …and the run dies here: the orders are stored at their new version, their items are not.

    const next = await plan();
    const again = await pages(next);
    expect(again).toEqual(expect.arrayContaining(changed));
    await syncOrderItems(callerFor(t.db, next.scope), next, again);
    expect(await pages(await plan())).toEqual([]);
    const itemsAfter = await t.db.select().from(orderItems).where(eq(orderItems.storeMarketplaceId, storeMarketplaceId));
    expect(itemsAfter.length).toBeGreaterThanOrEqual(itemsBefore.length);
  });

  it("lists only what changed since the last run's listing reached, and misses nothing a full listing finds", { timeout: 180_000 }, async () => {
    // A run in full, as after an authorization: every order since 00:00 yesterday, with its items.
    const fullPlan = await plan();
    const full = await runInFull(fullPlan);
    expect(full.listing).toMatch(/CreatedAfter=/);
    expect(full.resumeFrom).toBeTruthy();
    // The run succeeds: its window keeps where the listing reached, for the next run.
    await completeRun(t.db, syncTask("orders-incremental"), fullPlan, { rowsWritten: full.written, apiCalls: 1, resumeFrom: full.resumeFrom }, new Date(amazon.sandbox.clock.now()));

    // Hours pass: new orders, pending ones ship. The next run lists what changed since then, once.
    amazon.sandbox.clock.advance(6 * 3600_000);
    const resumedPlan = await plan();
    expect(resumedPlan.resumeFrom).toBe(full.resumeFrom);
    const resumed = await runInFull(resumedPlan);
    expect(resumed.listing).toContain(`LastUpdatedAfter=${full.resumeFrom!}`);
    expect(resumed.listing).not.toMatch(/CreatedAfter=/);
    expect(resumed.updates.length).toBeGreaterThan(0);
    for (const updated of resumed.updates) expect(Date.parse(updated)).toBeGreaterThanOrEqual(Date.parse(full.resumeFrom!));
    expect(resumed.written).toBeGreaterThan(0);
    expect(Date.parse(resumed.resumeFrom!)).toBeGreaterThan(Date.parse(full.resumeFrom!));

    // A full listing now finds nothing the resumed run missed.
    const check = await runInFull({ ...(await plan()), resumeFrom: null });
    expect(check.written).toBe(0);
    expect(check.followUps).toBe(0);
  });

  it("starts over from the run's first day when the last listing is older than it", async () => {
    const p = await plan();
    const stale = await runInFull({ ...p, resumeFrom: new Date(Date.parse(`${p.days[0]}T00:00:00Z`) - 3 * 86_400_000).toISOString() });
    expect(stale.listing).toMatch(/CreatedAfter=/);
  });
});

/** A run of the task's pages and follow-ups, steps in place; what it asked getOrders first, and the orders' LastUpdateDate. */
async function runInFull(p: RunPlan) {
  const urls: string[] = [];
  const updates: string[] = [];
  const caller = callerFor(t.db, p.scope);
  const watching = {
    ...caller,
    fetch: async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      const response = await (caller.fetch ?? fetch)(input, init);
      if (url.includes("/orders/v0/orders?") && response.ok) {
        urls.push(url);
        updates.push(...((await response.clone().json()) as { payload: { Orders: { LastUpdateDate: string }[] } }).payload.Orders.map((o) => o.LastUpdateDate));
      }
      return response;
    },
  };
  const run = pagedApiRun({ page: syncOrdersPage, followUp: { batchSize: 20, run: syncOrderItems } });
  const steps = { amazon: <T>(_id: string, fn: (c: typeof caller) => Promise<T>) => fn(watching) };
  const result = await run({ plan: p, steps } as never);
  return { listing: decodeURIComponent(urls[0] ?? ""), updates, written: result.rowsWritten, followUps: (result.detail as { followUps: number }).followUps, resumeFrom: result.resumeFrom };
}
