/** Executor run history for the admin runs page and the Sync center, plus cancelling a run. */
export { getRun, listFunctions, listRuns } from "./queries";
export { requestCancel } from "./actions";
export type * from "./types";
