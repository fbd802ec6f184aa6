import type { ListDefinition } from "./definition";
import { catalogList, productsList } from "./products";
import { reimbursementsList } from "./reimbursements";
import { removalsList } from "./removals";
import { salesSummaryList } from "./sales-summary";
import { longTermStorageFeesList, storageFeesList } from "./storage-fees";

/** Every data list a module shows; the tRPC router and the CSV export read them by key. */
export const LISTS = [salesSummaryList, reimbursementsList, removalsList, storageFeesList, longTermStorageFeesList, catalogList, productsList] as const satisfies readonly ListDefinition[];

export type ListKey = (typeof LISTS)[number]["key"];
export const LIST_KEYS = LISTS.map((l) => l.key) as [ListKey, ...ListKey[]];

export function listOf(key: string): ListDefinition | undefined {
  return (LISTS as readonly ListDefinition[]).find((l) => l.key === key);
}
