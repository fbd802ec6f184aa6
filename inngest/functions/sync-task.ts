import { db } from "~/db/client";
import { inngest } from "~/inngest/client";
import { adsDisconnected, storeDisconnected, syncRequested } from "~/inngest/events";
import { recordSyncFailure, recordSyncSkip } from "~/server/sync/failure";
import type { SyncTaskDefinition } from "~/server/sync/kit/definition";
import { completeRun, planRun, type SyncRequestData } from "~/server/sync/kit/plan";
import { KitSteps } from "~/server/sync/kit/steps";

/**
 * The Inngest function of one sync task, made from its definition: one window of one scope per run. Every
 * Amazon call is a memoized step, so a crash resumes where it was. One run per scope and window at a time
 * (a request for a window already running is dropped); a disconnect cancels the scope's runs; after its
 * retries a run's failure is shown in the Sync center in plain words.
 */
export function syncTaskFunction(task: SyncTaskDefinition) {
  const run = task.run;
  if (!run) throw new Error(`${task.key} has no run to make a function of`);
  const cancelOn =
    task.scope === "ad_profile"
      ? [{ event: adsDisconnected, if: "async.data.adProfileId == event.data.scopeId" }]
      : task.scope === "store"
        ? [{ event: storeDisconnected, if: "async.data.storeId == event.data.scopeId" }]
        : [{ event: storeDisconnected, if: "event.data.scopeId in async.data.storeMarketplaceIds" }];
  return inngest.createFunction(
    {
      id: `sync-${task.key}`,
      name: `Sync: ${task.title}`,
      triggers: [syncRequested(task.key)],
      singleton: { key: "event.data.scopeId + ':' + event.data.window", mode: "skip" },
      concurrency: [{ limit: task.options?.concurrencyPerScope ?? 1, key: "event.data.scopeId" }],
      cancelOn,
      retries: task.options?.retries ?? 4,
      onFailure: ({ event, error }) => recordSyncFailure(db, task, event.data.event.data as SyncRequestData, error),
    },
    async ({ event, step, runId }) => {
      const request = event.data as SyncRequestData;
      const planned = await step.run("plan", () => planRun(db, task, request, { now: new Date(), jobRunId: runId }));
      if ("skipped" in planned) {
        await step.run("record-skip", () => recordSyncSkip(db, task, request, planned.skipped));
        return { skipped: planned.skipped };
      }
      const plan = planned.plan;
      const steps = new KitSteps(step, db, plan.scope);
      const result = await run({ plan, steps });
      await step.run("finish", () => completeRun(db, task, plan, { ...result, apiCalls: steps.apiCalls }, new Date()));
      return { ...result.detail, days: plan.days.length, rowsWritten: result.rowsWritten, apiCalls: steps.apiCalls, noData: Boolean(result.noData) };
    },
  );
}
