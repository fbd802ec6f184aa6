import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "~/db/client";
import { productCosts } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import type { bulkSetCostInput, deleteCostInput, setCostInput } from "./input";
import { addAmounts } from "./money";
import { ownedStore, requireKnownSkus } from "./stores";

/*
 * Cost by period: a SKU's unit cost from a local day on. The cost of a unit sold on day D is the period
 * with the latest `valid_from` <= D, or the earliest period when D precedes them all.
 */

export interface UnitCost {
  validFrom: string;
  currency: string;
  purchaseCost: string;
  inboundShippingCost: string;
  otherCost: string;
  /** The three added: what one unit cost. */
  total: string;
}

export interface Actor {
  organizationId: string;
  userId: string;
}

export type CostRow = Pick<typeof productCosts.$inferInsert, "sku" | "validFrom" | "currency" | "purchaseCost" | "inboundShippingCost" | "otherCost" | "note">;

type Period = Omit<UnitCost, "total">;

const withTotal = (p: Period): UnitCost => ({
  validFrom: p.validFrom,
  currency: p.currency,
  purchaseCost: p.purchaseCost,
  inboundShippingCost: p.inboundShippingCost,
  otherCost: p.otherCost,
  total: addAmounts(p.purchaseCost, p.inboundShippingCost, p.otherCost),
});

/** The period that applies on `day` among one SKU's periods (any order); null when it has none. */
export function periodCostOn(periods: readonly Period[], day: string): UnitCost | null {
  let latest: Period | undefined;
  let earliest: Period | undefined;
  for (const p of periods) {
    // ISO days compare as strings in calendar order.
    if (p.validFrom <= day && (!latest || p.validFrom > latest.validFrom)) latest = p;
    if (!earliest || p.validFrom < earliest.validFrom) earliest = p;
  }
  const found = latest ?? earliest;
  return found ? withTotal(found) : null;
}

/** The SQL order that puts the period applying on `day` first (for `distinct on (sku)` and `limit 1`). */
export const periodOrder = (day: string) =>
  sql`(valid_from <= ${day}) desc, case when valid_from <= ${day} then valid_from end desc, valid_from asc`;

/**
 * The unit cost of `sku` sold on `day` in the store (its period cost), for profit; null when the SKU has
 * no cost. The organization filter keeps another organization's store out even with its id.
 */
export async function unitCostOn(db: Pick<Database, "execute">, organizationId: string, storeId: string, sku: string, day: string): Promise<UnitCost | null> {
  const rows = await db.execute<{ valid_from: string; currency: string; purchase_cost: string; inbound_shipping_cost: string; other_cost: string }>(sql`
    select valid_from, currency, purchase_cost, inbound_shipping_cost, other_cost
    from ${productCosts}
    where organization_id = ${organizationId} and store_id = ${storeId} and sku = ${sku}
    order by ${periodOrder(day)}
    limit 1`);
  const r = rows[0];
  return r
    ? withTotal({ validFrom: r.valid_from, currency: r.currency, purchaseCost: r.purchase_cost, inboundShippingCost: r.inbound_shipping_cost, otherCost: r.other_cost })
    : null;
}

/** A SKU's periods, oldest first. */
export async function costPeriods(db: Pick<Database, "select">, organizationId: string, storeId: string, sku: string) {
  return db
    .select()
    .from(productCosts)
    .where(and(eq(productCosts.organizationId, organizationId), eq(productCosts.storeId, storeId), eq(productCosts.sku, sku)))
    .orderBy(asc(productCosts.validFrom));
}

/**
 * Writes cost periods by their natural key (store, SKU, valid from): a period with the very same values
 * is left alone — its `updated_at` and `updated_by` too — so writing the same costs twice changes nothing.
 * Returns how many rows were inserted or changed.
 */
export async function upsertCostRows(tx: Pick<Database, "insert">, actor: Actor, storeId: string, rows: readonly CostRow[]): Promise<number> {
  let changed = 0;
  // 1,000 rows × 11 columns stays far below PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < rows.length; i += 1000) {
    const written = await tx
      .insert(productCosts)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, organizationId: actor.organizationId, storeId, updatedBy: actor.userId })))
      .onConflictDoUpdate({
        target: [productCosts.storeId, productCosts.sku, productCosts.validFrom],
        set: {
          currency: sql`excluded.currency`,
          purchaseCost: sql`excluded.purchase_cost`,
          inboundShippingCost: sql`excluded.inbound_shipping_cost`,
          otherCost: sql`excluded.other_cost`,
          note: sql`excluded.note`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`(${productCosts.currency}, ${productCosts.purchaseCost}, ${productCosts.inboundShippingCost}, ${productCosts.otherCost}, ${productCosts.note})
          is distinct from (excluded.currency, excluded.purchase_cost, excluded.inbound_shipping_cost, excluded.other_cost, excluded.note)`,
      })
      .returning({ sku: productCosts.sku });
    changed += written.length;
  }
  return changed;
}

const costRow = (input: z.output<typeof setCostInput> | z.output<typeof bulkSetCostInput>, sku: string, currency: string): CostRow => ({
  sku,
  validFrom: input.validFrom,
  currency: input.currency ?? currency,
  purchaseCost: input.purchaseCost,
  inboundShippingCost: input.inboundShippingCost ?? "0.0000",
  otherCost: input.otherCost ?? "0.0000",
  note: input.note || null,
});

/**
 * Sets one SKU's cost from `validFrom` on: a new period, or (with `previousValidFrom`) an edit of an
 * existing one, which may move its start to a day no other period starts on.
 */
export async function setCost(db: Database, actor: Actor, input: z.output<typeof setCostInput>): Promise<{ changed: number }> {
  const store = await ownedStore(db, actor.organizationId, input.storeId);
  await requireKnownSkus(db, actor.organizationId, store.id, [input.sku]);
  const row = costRow(input, input.sku, store.currency);
  return db.transaction(async (tx) => {
    const moved = input.previousValidFrom && input.previousValidFrom !== input.validFrom ? input.previousValidFrom : null;
    if (moved) {
      const key = (day: string) =>
        and(eq(productCosts.organizationId, actor.organizationId), eq(productCosts.storeId, store.id), eq(productCosts.sku, input.sku), eq(productCosts.validFrom, day));
      const [taken] = await tx.select({ sku: productCosts.sku }).from(productCosts).where(key(input.validFrom));
      if (taken) throw new UserFacingError("conflict", `${input.sku} already has a cost from ${input.validFrom}: edit that period instead.`);
      const removed = await tx.delete(productCosts).where(key(moved)).returning({ sku: productCosts.sku });
      if (!removed.length) throw new UserFacingError("not_found", `${input.sku} has no cost from ${moved} any more: reload the page.`);
    }
    return { changed: await upsertCostRows(tx, actor, store.id, [row]) };
  });
}

/** The same cost, from the same day, for every selected SKU, in one transaction. */
export async function bulkSetCost(db: Database, actor: Actor, input: z.output<typeof bulkSetCostInput>): Promise<{ skus: number; changed: number }> {
  const store = await ownedStore(db, actor.organizationId, input.storeId);
  const skus = [...new Set(input.skus)];
  await requireKnownSkus(db, actor.organizationId, store.id, skus);
  const changed = await db.transaction((tx) =>
    upsertCostRows(
      tx,
      actor,
      store.id,
      skus.map((sku) => costRow(input, sku, store.currency)),
    ),
  );
  return { skus: skus.length, changed };
}

export async function deleteCostPeriod(db: Database, actor: Actor, input: z.output<typeof deleteCostInput>): Promise<{ deleted: number }> {
  const store = await ownedStore(db, actor.organizationId, input.storeId);
  const removed = await db
    .delete(productCosts)
    .where(
      and(
        eq(productCosts.organizationId, actor.organizationId),
        eq(productCosts.storeId, store.id),
        eq(productCosts.sku, input.sku),
        eq(productCosts.validFrom, input.validFrom),
      ),
    )
    .returning({ sku: productCosts.sku });
  if (!removed.length) throw new UserFacingError("not_found", `${input.sku} has no cost from ${input.validFrom}.`);
  return { deleted: removed.length };
}
