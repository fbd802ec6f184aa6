import { db } from "~/db/client";
import { inngest } from "~/inngest/client";
import { storeAuthorized } from "~/inngest/events";
import { initialStoreSyncRequests } from "~/server/sync/initial";

/** Store sales data: after store authorization the store's available sync tasks start at once. */
export const startStoreSyncFn = inngest.createFunction(
  { id: "start-store-sync", name: "Start store sync after authorization", triggers: [storeAuthorized] },
  async ({ event, step }) => {
    const requests = await step.run("plan-initial-syncs", () => initialStoreSyncRequests(db, event.data));
    if (requests.length) await step.sendEvent("start-initial-syncs", requests);
    return { started: requests.length };
  },
);
