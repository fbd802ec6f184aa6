import { inngest } from "~/inngest/client";
import { dailyMaintenance } from "~/inngest/events";
import { pruneExpiredStates } from "~/server/amazon/authorization/state";

/**
 * Every authorization a user starts leaves a row in `oauth_states` that is useless 15 minutes later;
 * nothing else ever deletes them. Daily, states expired for more than a day go.
 */
export const pruneExpiredOauthStatesFn = inngest.createFunction(
  {
    id: "prune-expired-oauth-states",
    name: "Prune expired OAuth states",
    triggers: [dailyMaintenance],
    singleton: { mode: "skip" },
  },
  async ({ step }) => {
    const now = await step.run("compute-now", () => new Date().toISOString());
    const deleted = await step.run("delete-expired-states", async () => {
      const { db } = await import("~/db/client");
      return pruneExpiredStates(db, new Date(now));
    });
    return { deleted };
  },
);
