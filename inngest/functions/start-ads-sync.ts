import { db } from "~/db/client";
import { inngest } from "~/inngest/client";
import { adsAuthorized } from "~/inngest/events";
import { initialAdsSyncRequests } from "~/server/sync/initial";

/** Advertising data ①: once an ad profile is connected, its 60-day backfill starts at once. */
export const startAdsSyncFn = inngest.createFunction(
  { id: "start-ads-sync", name: "Start advertising sync after authorization", triggers: [adsAuthorized] },
  async ({ event, step }) => {
    const requests = await step.run("plan-initial-syncs", () => initialAdsSyncRequests(db, event.data));
    if (requests.length) await step.sendEvent("start-initial-syncs", requests);
    return { started: requests.length };
  },
);
