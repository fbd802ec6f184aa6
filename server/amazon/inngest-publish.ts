import { inngest } from "~/inngest/client";
import type { Publish } from "./publish";

/**
 * Announces an authorization to the job system. The database change is already committed; if the event
 * cannot be delivered the authorization stands and the failure is logged (the scheduler's periodic runs
 * still pick the store up).
 */
export const publishWithInngest: Publish = async (event) => {
  try {
    await inngest.send(event);
  } catch (error) {
    console.error(`[amazon] could not send ${event.name}:`, error instanceof Error ? error.message : error);
  }
};
