import { pruneExecutorHistoryFn } from "./prune-executor-history";
import { pruneExpiredOauthStatesFn } from "./prune-expired-oauth-states";
import { scheduleSyncsFn } from "./schedule-syncs";
import { startAdsSyncFn } from "./start-ads-sync";
import { startStoreSyncFn } from "./start-store-sync";
import { syncAdsPerformanceFn } from "./sync-ads-performance";
import { syncOrdersIncrementalFn } from "./sync-orders-incremental";

/** Everything served at /api/inngest. One function per file; add new ones here. */
export const functions = [
  pruneExecutorHistoryFn,
  pruneExpiredOauthStatesFn,
  scheduleSyncsFn,
  startAdsSyncFn,
  startStoreSyncFn,
  syncAdsPerformanceFn,
  syncOrdersIncrementalFn,
];
