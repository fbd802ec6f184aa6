import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "~/db/client";
import { productCostBatches } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import type { deleteBatchInput, setBatchInput } from "./input";
import type { Actor } from "./periods";
import { ownedStore, requireKnownSkus } from "./stores";

/*
 * Inbound batches of a SKU (for FIFO costing): added, edited — renamed too — and deleted by the seller,
 * each by its natural key (store, SKU, batch label).
 */

const batchKey = (organizationId: string, storeId: string, sku: string, batch: string) =>
  and(
    eq(productCostBatches.organizationId, organizationId),
    eq(productCostBatches.storeId, storeId),
    eq(productCostBatches.sku, sku),
    eq(productCostBatches.batch, batch),
  );

/** A SKU's batches, oldest received first (the order FIFO consumes them in). */
export async function costBatches(db: Pick<Database, "select">, organizationId: string, storeId: string, sku: string) {
  return db
    .select()
    .from(productCostBatches)
    .where(and(eq(productCostBatches.organizationId, organizationId), eq(productCostBatches.storeId, storeId), eq(productCostBatches.sku, sku)))
    .orderBy(asc(productCostBatches.receivedOn), asc(productCostBatches.batch));
}

/** Adds a batch, or edits the one named `previousBatch` (or `batch` itself when it exists). */
export async function setBatch(db: Database, actor: Actor, input: z.output<typeof setBatchInput>): Promise<{ batch: string }> {
  const store = await ownedStore(db, actor.organizationId, input.storeId);
  await requireKnownSkus(db, actor.organizationId, store.id, [input.sku]);
  const values = {
    receivedOn: input.receivedOn,
    units: input.units,
    currency: input.currency ?? store.currency,
    purchaseCost: input.purchaseCost,
    inboundShippingCost: input.inboundShippingCost ?? "0.0000",
    otherCost: input.otherCost ?? "0.0000",
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  return db.transaction(async (tx) => {
    const renamed = input.previousBatch && input.previousBatch !== input.batch ? input.previousBatch : null;
    if (renamed) {
      const [taken] = await tx.select({ batch: productCostBatches.batch }).from(productCostBatches).where(batchKey(actor.organizationId, store.id, input.sku, input.batch));
      if (taken) throw new UserFacingError("conflict", `${input.sku} already has a batch named ${input.batch}.`);
      const moved = await tx
        .update(productCostBatches)
        .set({ ...values, batch: input.batch })
        .where(batchKey(actor.organizationId, store.id, input.sku, renamed))
        .returning({ batch: productCostBatches.batch });
      if (!moved.length) throw new UserFacingError("not_found", `${input.sku} has no batch named ${renamed} any more: reload the page.`);
      return { batch: input.batch };
    }
    await tx
      .insert(productCostBatches)
      .values({ ...values, organizationId: actor.organizationId, storeId: store.id, sku: input.sku, batch: input.batch })
      .onConflictDoUpdate({ target: [productCostBatches.storeId, productCostBatches.sku, productCostBatches.batch], set: values });
    return { batch: input.batch };
  });
}

export async function deleteBatch(db: Database, actor: Actor, input: z.output<typeof deleteBatchInput>): Promise<{ deleted: number }> {
  const store = await ownedStore(db, actor.organizationId, input.storeId);
  const removed = await db
    .delete(productCostBatches)
    .where(batchKey(actor.organizationId, store.id, input.sku, input.batch))
    .returning({ batch: productCostBatches.batch });
  if (!removed.length) throw new UserFacingError("not_found", `${input.sku} has no batch named ${input.batch}.`);
  return { deleted: removed.length };
}
