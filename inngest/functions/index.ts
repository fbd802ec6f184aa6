import { pruneExecutorHistoryFn } from "./prune-executor-history";

/** Everything served at /api/inngest. One function per file; add new ones here. */
export const functions = [pruneExecutorHistoryFn];
