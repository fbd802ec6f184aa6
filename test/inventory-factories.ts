import { DateTime } from "luxon";
import type { Database } from "~/db/client";
import { orderItems, orders } from "~/db/schema";
import { inventoryHistory, inventoryLevels } from "~/server/sync/tasks/inventory/table";
import type { createStore } from "./factories";

type Store = Awaited<ReturnType<typeof createStore>>;

const NONE = { fulfillable: 0, inboundWorking: 0, inboundShipped: 0, inboundReceiving: 0, reserved: 0, researching: 0, unfulfillable: 0, totalQuantity: 0 };
export type Quantities = typeof NONE;

/**
 * One SKU's FBA inventory as the inventory sync leaves it: its current level and its history (oldest
 * first; the last entry is the level). `removedAt` marks a SKU Amazon no longer lists.
 */
export async function createInventorySku(
  db: Database,
  store: Store,
  sku: string,
  history: Partial<Quantities>[],
  options: { removed?: boolean; asin?: string; fnsku?: string; productName?: string } = {},
) {
  const base = { organizationId: store.store.organizationId, storeMarketplaceId: store.marketplace.id, sellerSku: sku };
  const at = (i: number) => new Date(Date.now() - (history.length - i) * 3_600_000);
  const rows = history.map((q, i) => {
    const removed = Boolean(options.removed) && i === history.length - 1;
    return { ...base, observedAt: at(i), ...NONE, ...(removed ? {} : q), removed };
  });
  await db.insert(inventoryHistory).values(rows);
  const last = rows.at(-1)!;
  const { observedAt, removed, ...quantities } = last;
  await db.insert(inventoryLevels).values({
    ...quantities,
    asin: options.asin ?? `B0${sku.slice(-8)}`,
    fnsku: options.fnsku ?? `X0${sku.slice(-8)}`,
    condition: "NewItem",
    productName: options.productName ?? `Product ${sku}`,
    amazonUpdatedAt: observedAt,
    changedAt: observedAt,
    removedAt: removed ? observedAt : null,
  });
}

/** An order of `quantity` units of one SKU, placed `daysAgo` local days before the marketplace's today. */
export async function createSkuOrder(db: Database, store: Store, args: { sku: string; quantity: number; daysAgo: number; status?: string; id: string }) {
  const zone = store.marketplace.timeZone;
  const placed = DateTime.now().setZone(zone).minus({ days: args.daysAgo }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
  const base = { organizationId: store.store.organizationId, storeMarketplaceId: store.marketplace.id, amazonOrderId: args.id, syncedAt: new Date() };
  await db.insert(orders).values({
    ...base,
    purchaseDate: placed.toJSDate(),
    purchaseDay: placed.toISODate()!,
    lastUpdateDate: placed.toJSDate(),
    itemsSyncedFor: placed.toJSDate(),
    status: args.status ?? "Shipped",
    currencyCode: store.marketplace.currencyCode,
  });
  await db.insert(orderItems).values({ ...base, orderItemId: `${args.id}-1`, asin: `B0${args.sku.slice(-8)}`, sellerSku: args.sku, quantityOrdered: args.quantity });
}

/**
 * What the inventory sync leaves for a store made by `createStore`, tagged like `createSyncedData`'s rows:
 * the SKU its orders sell (two changes of quantities) and one Amazon no longer lists. Figures follow `seed`.
 */
export async function createInventory(db: Database, store: Store, seed: number, tag: string) {
  await createInventorySku(db, store, `SKU-${tag}`, [{ fulfillable: seed * 10, totalQuantity: seed * 10 }, { fulfillable: seed * 9, inboundShipped: seed, totalQuantity: seed * 10 }], {
    productName: `Product ${tag}`,
  });
  await createInventorySku(db, store, `SKU-${tag}-GONE`, [{ fulfillable: seed, totalQuantity: seed }, {}], { removed: true });
}
