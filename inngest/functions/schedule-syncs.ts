import { db } from "~/db/client";
import { inngest } from "~/inngest/client";
import { syncSchedulerTick } from "~/inngest/events";
import { dueSyncRequests } from "~/server/sync/scheduler";

/**
 * The sync schedule: every five minutes, every window of the catalog that has come due for any store
 * marketplace or ad profile is sent as its own event, so each runs (and is limited) independently.
 */
export const scheduleSyncsFn = inngest.createFunction(
  { id: "schedule-syncs", name: "Schedule due syncs", triggers: [syncSchedulerTick], singleton: { mode: "skip" } },
  async ({ step }) => {
    const due = await step.run("find-due-syncs", () => dueSyncRequests(db, new Date()));
    if (due.length) await step.sendEvent("send-due-syncs", due);
    return { sent: due.length };
  },
);
