import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import type { RunningSandbox } from "~/sandbox";
import { startTestAmazon } from "./amazon-sandbox";
import { startSyncWorld } from "./sync-world";

type World = Awaited<ReturnType<typeof startSyncWorld>>;
type Setup = Awaited<ReturnType<World["authorize"]>>;

/**
 * The whole sync machinery for one flat-file report task's test file: a frozen sandbox Amazon (so "equal
 * to Amazon" is exact), reports ready at once, buckets wide enough for a long backfill on both sides, and a
 * store authorized (which starts the task's backfill).
 */
export function setUpReportTaskWorld(options: { volume?: "tiny" | "small" } = {}) {
  const ctx = {} as { t: TestDatabase; amazon: RunningSandbox; world: World; setup: Setup };
  beforeAll(async () => {
    ctx.t = await createTestDatabase();
    ctx.amazon = await startTestAmazon({ volume: options.volume ?? "small", reportDelaySeconds: 0, timeScale: 0 });
    // Amazon's buckets refill on its (frozen) clock, ours on real time: room for months of reports (and the
    // store's orders) on both sides, as an accelerated sandbox has.
    for (const limit of Object.values(ctx.amazon.sandbox.quotas.spLimits)) limit.burst = 1000;
    ctx.amazon.sandbox.quotas.adsLimit.burst = 1000;
    process.env.AMAZON_QUOTA_SCALE = "1000";
    ctx.world = await startSyncWorld(ctx.t, ctx.amazon);
    ctx.setup = await ctx.world.authorize(0);
  }, 120_000);
  afterAll(async () => {
    await ctx.world?.close();
    await ctx.amazon?.close();
    await ctx.t?.drop();
  });

  /** The rows the sandbox Amazon's report holds for a range (its ground truth). */
  async function truth(reportType: string, from: Date, to: Date, marketplaceId?: string) {
    const url = new URL("/__sandbox/truth/report", ctx.amazon.origin);
    url.search = new URLSearchParams({
      reportType,
      sellerId: ctx.setup.seller.sellerId,
      ...(marketplaceId ? { marketplaceId } : {}),
      from: from.toISOString(),
      to: to.toISOString(),
    }).toString();
    return ((await (await fetch(url)).json()) as { rows: Record<string, string>[] }).rows;
  }

  /** A run's state, failing the wait at once when it failed. */
  async function stateOf(task: string, scopeId: string, window: string) {
    const { and, eq } = await import("drizzle-orm");
    const { syncStates } = await import("~/db/schema");
    const [s] = await ctx.t.db.select().from(syncStates).where(and(eq(syncStates.scopeId, scopeId), eq(syncStates.task, task), eq(syncStates.window, window)));
    return s;
  }

  return { ctx, truth, stateOf };
}
