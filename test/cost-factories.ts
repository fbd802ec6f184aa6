import type { Database } from "~/db/client";
import { productCostBatches, productCosts, storeOtherCosts } from "~/db/schema";
import { createProducts, type createStore } from "./factories";

type Store = Awaited<ReturnType<typeof createStore>>;

/** A store's listings (three SKUs, see `createProducts`) for costs to be entered against. */
export async function createCostProducts(db: Database, store: Store, seed = 1) {
  const { skus, tag } = await createProducts(db, store, seed);
  return { skus: skus as [string, string, string], tag };
}

/** One cost period of a SKU, as the seller leaves it (amounts in the columns' four places). */
export async function createCostPeriod(db: Database, store: Store, values: Partial<typeof productCosts.$inferInsert> & { sku: string; validFrom: string }) {
  const [row] = await db
    .insert(productCosts)
    .values({
      organizationId: store.store.organizationId,
      storeId: store.store.id,
      currency: "USD",
      purchaseCost: "1.0000",
      inboundShippingCost: "0.0000",
      otherCost: "0.0000",
      ...values,
    })
    .returning();
  return row!;
}

export async function createCostBatch(db: Database, store: Store, values: Partial<typeof productCostBatches.$inferInsert> & { sku: string; batch: string }) {
  const [row] = await db
    .insert(productCostBatches)
    .values({
      organizationId: store.store.organizationId,
      storeId: store.store.id,
      receivedOn: "2025-01-01",
      units: 10,
      currency: "USD",
      purchaseCost: "1.0000",
      inboundShippingCost: "0.0000",
      otherCost: "0.0000",
      ...values,
    })
    .returning();
  return row!;
}

export async function createOtherCost(db: Database, store: Store, values: Partial<typeof storeOtherCosts.$inferInsert> & { day: string }) {
  const [row] = await db
    .insert(storeOtherCosts)
    .values({ organizationId: store.store.organizationId, storeId: store.store.id, category: "subscription", amount: "29.9900", currency: "USD", ...values })
    .returning();
  return row!;
}

/**
 * What a seller who entered costs leaves: listings, two periods of the first SKU, a batch of it and a store
 * cost this month, each carrying `tag` (a note) so a leak of them shows. Returns the ids and the tag.
 */
export async function createCosts(db: Database, store: Store, seed: number) {
  const { skus, tag } = await createCostProducts(db, store, seed);
  const today = new Date().toISOString().slice(0, 10);
  await createCostPeriod(db, store, { sku: skus[0], validFrom: "2025-01-01", purchaseCost: `${seed}.2500`, note: `cost ${tag}` });
  await createCostPeriod(db, store, { sku: skus[0], validFrom: "2025-06-01", purchaseCost: `${seed}.7500`, inboundShippingCost: "0.5000" });
  await createCostBatch(db, store, { sku: skus[0], batch: `FBA${tag}`, units: seed * 10, purchaseCost: `${seed}.1000` });
  const other = await createOtherCost(db, store, { day: today, amount: `${seed}9.0000`, note: `tool ${tag}` });
  return { skus, tag, otherCostId: other.id };
}
