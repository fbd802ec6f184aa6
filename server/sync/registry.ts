import { isBuiltTask, type SyncTaskDefinition } from "./kit/definition";
import { adsAdditions } from "./tasks/ads-additions";
import { adsPerformance } from "./tasks/ads-performance";
import { adsSettings } from "./tasks/ads-settings";
import { claims } from "./tasks/claims";
import { inventory } from "./tasks/inventory";
import { longTermStorageFees } from "./tasks/long-term-storage-fees";
import { monthlyStorageFees } from "./tasks/monthly-storage-fees";
import { ordersHistory } from "./tasks/orders-history";
import { ordersIncremental } from "./tasks/orders-incremental";
import { productsFromAds } from "./tasks/products-from-ads";
import { productsFromOrders } from "./tasks/products-from-orders";
import { productsFull } from "./tasks/products-full";
import { refundOrders } from "./tasks/refund-orders";
import { reimbursements } from "./tasks/reimbursements";
import { removals } from "./tasks/removals";
import { salesApi } from "./tasks/sales-api";

/**
 * Every item of the product's data-sync promise (shared/spec/data-sync.txt), in the spec's order: one task
 * definition each, in a folder of its own under tasks/. The scheduler, the initial syncs on authorization,
 * the Inngest functions, the Sync center and docs/sync.md all read this list. Adding a task: its folder,
 * and one line here.
 */
export const SYNC_TASKS = [
  adsPerformance,
  adsSettings,
  adsAdditions,
  ordersIncremental,
  ordersHistory,
  productsFull,
  productsFromOrders,
  productsFromAds,
  refundOrders,
  inventory,
  salesApi,
  monthlyStorageFees,
  longTermStorageFees,
  reimbursements,
  claims,
  removals,
] as const satisfies readonly SyncTaskDefinition[];

export type SyncTaskKey = (typeof SYNC_TASKS)[number]["key"];
export const SYNC_TASK_KEYS = SYNC_TASKS.map((t) => t.key) as [SyncTaskKey, ...SyncTaskKey[]];

/** Built tasks: those with a run. The others are listed as not available yet. */
export const BUILT_TASKS: readonly SyncTaskDefinition[] = SYNC_TASKS.filter(isBuiltTask);

export function syncTask(key: string): SyncTaskDefinition {
  const task = SYNC_TASKS.find((t) => t.key === key);
  if (!task) throw new Error(`No sync task ${key}`);
  return task;
}
