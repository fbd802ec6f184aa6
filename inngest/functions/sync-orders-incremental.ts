import { db } from "~/db/client";
import { inngest } from "~/inngest/client";
import { ordersIncrementalSyncRequested } from "~/inngest/events";
import * as sync from "~/server/orders/incremental-sync";
import { recordSyncFailure, recordSyncSkip } from "~/server/sync/failure";

const failed = (d: { organizationId: string; storeMarketplaceId: string }) => ({
  organizationId: d.organizationId,
  task: "orders-incremental" as const,
  window: sync.INCREMENTAL_WINDOW,
  scopeId: d.storeMarketplaceId,
});
/** getOrderItems is paced at 0.5/s: a step fetches this many orders' items at most. */
const ITEMS_PER_STEP = 20;

/**
 * Incremental orders (spec: Store sales data ①): orders created since 00:00 yesterday in the marketplace's
 * time zone, every 15–30 minutes, with their items; items are fetched again only for orders Amazon changed.
 */
export const syncOrdersIncrementalFn = inngest.createFunction(
  {
    id: "sync-orders-incremental",
    name: "Sync incremental orders",
    triggers: [ordersIncrementalSyncRequested],
    singleton: { key: "event.data.storeMarketplaceId", mode: "skip" },
    retries: 4,
    onFailure: ({ event, error }) => recordSyncFailure(failed(event.data.event.data), error),
  },
  async ({ event, step, runId }) => {
    const planned = await step.run("plan", () => sync.planOrdersRun(db, { ...event.data, now: new Date(), jobRunId: runId }));
    if ("skipped" in planned) {
      await step.run("record-skip", () => recordSyncSkip(failed(event.data), planned.skipped));
      return { skipped: planned.skipped };
    }
    const plan = planned.plan;
    let apiCalls = 0;
    let rowsWritten = 0;
    let nextToken: string | null = null;
    const needItems: string[] = [];
    for (let page = 0; page === 0 || nextToken; page++) {
      const token: string | null = nextToken;
      const result: Awaited<ReturnType<typeof sync.syncOrdersPage>> = await step.run(`orders-page-${page}`, () =>
        sync.syncOrdersPage(db, plan, token),
      );
      apiCalls += result.calls;
      rowsWritten += result.written;
      needItems.push(...result.needItems);
      nextToken = result.nextToken;
    }
    for (let i = 0; i < needItems.length; i += ITEMS_PER_STEP) {
      const chunk = needItems.slice(i, i + ITEMS_PER_STEP);
      const result = await step.run(`items-${i / ITEMS_PER_STEP}`, () => sync.syncOrderItems(db, plan, chunk));
      apiCalls += result.calls;
      rowsWritten += result.written;
    }
    await step.run("finish", () => sync.finishOrdersRun(db, plan, { rowsWritten, apiCalls, now: new Date() }));
    return { rowsWritten, apiCalls, ordersNeedingItems: needItems.length };
  },
);
