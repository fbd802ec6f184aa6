import { BUILT_TASKS } from "~/server/sync/registry";
import { fetchExchangeRatesFn } from "./fetch-exchange-rates";
import { pruneExecutorHistoryFn } from "./prune-executor-history";
import { pruneExpiredOauthStatesFn } from "./prune-expired-oauth-states";
import { scheduleSyncsFn } from "./schedule-syncs";
import { startAdsSyncFn } from "./start-ads-sync";
import { startStoreSyncFn } from "./start-store-sync";
import { syncTaskFunction } from "./sync-task";

/**
 * Everything served at /api/inngest: one function per file, plus one per built sync task, made from its
 * definition in the registry (server/sync/registry.ts).
 */
export const functions = [
  fetchExchangeRatesFn,
  pruneExecutorHistoryFn,
  pruneExpiredOauthStatesFn,
  scheduleSyncsFn,
  startAdsSyncFn,
  startStoreSyncFn,
  ...BUILT_TASKS.map(syncTaskFunction),
];
