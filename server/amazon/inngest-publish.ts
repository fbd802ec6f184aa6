import { inngest } from "~/inngest/client";
import type { Publish } from "./publish";
import { logUnexpectedError } from "~/server/http/unexpected-error";

/**
 * Announces an authorization to the job system. The database change is already committed; if the event
 * cannot be delivered the authorization stands and the failure is logged (the scheduler's periodic runs
 * still pick the store up).
 */
export const publishWithInngest: Publish = async (event) => {
  try {
    await inngest.send(event);
  } catch (error) {
    logUnexpectedError(`amazon: sending ${event.name}`, error);
  }
};
