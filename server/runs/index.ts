/** Executor run history for the admin runs page and the Sync center (read-only). */
export { getRun, listFunctions, listRuns } from "./queries";
export type * from "./types";
