import type { ListDefinition } from "./definition";
import { inventoryList } from "./inventory";
import { catalogList, productsList } from "./products";
import { refundsList } from "./refunds";
import { reimbursementsList } from "./reimbursements";
import { removalsList } from "./removals";
import { longTermStorageFeesList, storageFeesList } from "./storage-fees";

/** Every data list a module shows; the tRPC router and the CSV export read them by key. */
export const LISTS = [refundsList, reimbursementsList, removalsList, storageFeesList, longTermStorageFeesList, catalogList, productsList, inventoryList] as const satisfies readonly ListDefinition[];

export type ListKey = (typeof LISTS)[number]["key"];
export const LIST_KEYS = LISTS.map((l) => l.key) as [ListKey, ...ListKey[]];

export function listOf(key: string): ListDefinition | undefined {
  return (LISTS as readonly ListDefinition[]).find((l) => l.key === key);
}
