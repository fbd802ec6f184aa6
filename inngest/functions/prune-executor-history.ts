import { pruneExecutorHistory } from "~/inngest/engine/prune";
import { inngest } from "~/inngest/client";
import { dailyMaintenance, executorHistoryPruneRequested } from "~/inngest/events";
import { setting } from "~/server/settings";

/**
 * Keeps the embedded executor's tables small: finished runs, their steps and attempts, and events
 * older than EXECUTOR_HISTORY_DAYS (default 14) are deleted daily. Active runs are never touched.
 * Harmless on Inngest Cloud/self-hosted, where these tables stay empty.
 */
export const pruneExecutorHistoryFn = inngest.createFunction(
  {
    id: "prune-executor-history",
    name: "Prune executor history",
    triggers: [dailyMaintenance, executorHistoryPruneRequested],
    singleton: { mode: "skip" },
  },
  async ({ event, step }) => {
    const fromEvent = event.name === "executor/history-prune.requested" ? event.data.olderThanDays : undefined;
    const days = fromEvent ?? setting("EXECUTOR_HISTORY_DAYS");
    const cutoff = await step.run("compute-cutoff", () => new Date(Date.now() - days * 86_400_000).toISOString());
    return step.run("delete-old-history", async () => {
      const { db } = await import("~/db/client");
      return pruneExecutorHistory(db, new Date(cutoff));
    });
  },
);
