import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "~/db/client";
import { storeMarketplaces, storeOtherCosts, users } from "~/db/schema";
import { OTHER_COST_CATEGORIES, type OtherCostCategory } from "~/db/schema/costs";
import { UserFacingError } from "~/server/accounts/errors";
import type { otherCostFields, otherCostListInput, updateOtherCostInput } from "./input";
import { addAmounts } from "./money";
import type { Actor } from "./periods";
import { costStores, ownedStore, storeToday, type CostStore } from "./stores";

/*
 * A store's costs that belong to no product (subscriptions, deals, Vine, services), each on the local day it
 * counts on, for the whole store or one marketplace. Listed a month at a time, with totals per category and
 * currency (never added across currencies).
 */

const notFound = () => new UserFacingError("not_found", "There is no such cost in this organization.");

/** The marketplace, when one is named, must be the store's own. */
function marketplaceOf(store: CostStore, storeMarketplaceId: string | undefined) {
  if (!storeMarketplaceId) return null;
  const marketplace = store.marketplaces.find((m) => m.id === storeMarketplaceId);
  if (!marketplace) throw new UserFacingError("not_found", "This store has no such marketplace.");
  return marketplace;
}

async function values(db: Database, actor: Actor, input: z.output<typeof otherCostFields>) {
  const store = await ownedStore(db, actor.organizationId, input.storeId);
  const marketplace = marketplaceOf(store, input.storeMarketplaceId);
  return {
    storeId: store.id,
    storeMarketplaceId: marketplace?.id ?? null,
    day: input.day,
    category: input.category,
    amount: input.amount,
    currency: input.currency ?? marketplace?.currencyCode ?? store.currency,
    note: input.note || null,
  };
}

export async function addOtherCost(db: Database, actor: Actor, input: z.output<typeof otherCostFields>): Promise<{ id: string }> {
  const row = await values(db, actor, input);
  const [created] = await db
    .insert(storeOtherCosts)
    .values({ ...row, organizationId: actor.organizationId, createdBy: actor.userId })
    .returning({ id: storeOtherCosts.id });
  return created!;
}

export async function updateOtherCost(db: Database, actor: Actor, input: z.output<typeof updateOtherCostInput>): Promise<{ id: string }> {
  const row = await values(db, actor, input);
  const [updated] = await db
    .update(storeOtherCosts)
    .set({ ...row, updatedAt: new Date() })
    .where(and(eq(storeOtherCosts.id, input.otherCostId), eq(storeOtherCosts.organizationId, actor.organizationId)))
    .returning({ id: storeOtherCosts.id });
  if (!updated) throw notFound();
  return updated;
}

export async function deleteOtherCost(db: Database, actor: Actor, otherCostId: string): Promise<{ deleted: number }> {
  const removed = await db
    .delete(storeOtherCosts)
    .where(and(eq(storeOtherCosts.id, otherCostId), eq(storeOtherCosts.organizationId, actor.organizationId)))
    .returning({ id: storeOtherCosts.id });
  if (!removed.length) throw notFound();
  return { deleted: removed.length };
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
};

/** A month of a store's other costs (this month in the store's zone by default), oldest first, with totals. */
export async function otherCostList(db: Pick<Database, "select" | "execute">, organizationId: string, input: z.output<typeof otherCostListInput>, now = new Date()) {
  const stores = await costStores(db, organizationId);
  const store = input.storeId ? await ownedStore(db, organizationId, input.storeId) : (stores[0] ?? null);
  const storeChoices = stores.map((s) => ({ id: s.id, name: s.name, currency: s.currency, marketplaces: s.marketplaces }));
  const month = input.month ?? (store ? storeToday(store, now) : new Date(now).toISOString()).slice(0, 7);
  if (!store) return { stores: storeChoices, store: null, month, rows: [], totals: [] };
  const rows = await db
    .select({
      id: storeOtherCosts.id,
      day: storeOtherCosts.day,
      category: storeOtherCosts.category,
      amount: storeOtherCosts.amount,
      currency: storeOtherCosts.currency,
      note: storeOtherCosts.note,
      storeMarketplaceId: storeOtherCosts.storeMarketplaceId,
      marketplace: storeMarketplaces.countryCode,
      createdBy: users.name,
    })
    .from(storeOtherCosts)
    .leftJoin(storeMarketplaces, and(eq(storeMarketplaces.id, storeOtherCosts.storeMarketplaceId), eq(storeMarketplaces.organizationId, organizationId)))
    .leftJoin(users, eq(users.id, storeOtherCosts.createdBy))
    .where(
      and(
        eq(storeOtherCosts.organizationId, organizationId),
        eq(storeOtherCosts.storeId, store.id),
        gte(storeOtherCosts.day, `${month}-01`),
        lte(storeOtherCosts.day, lastDayOf(month)),
      ),
    )
    .orderBy(asc(storeOtherCosts.day), asc(storeOtherCosts.createdAt), asc(storeOtherCosts.id));
  const sums = new Map<string, { category: OtherCostCategory; currency: string; amounts: string[] }>();
  for (const r of rows) {
    const key = `${r.category}|${r.currency}`;
    const sum = sums.get(key) ?? { category: r.category, currency: r.currency, amounts: [] };
    sum.amounts.push(r.amount);
    sums.set(key, sum);
  }
  const totals = [...sums.values()]
    .sort((a, b) => OTHER_COST_CATEGORIES.indexOf(a.category) - OTHER_COST_CATEGORIES.indexOf(b.category) || a.currency.localeCompare(b.currency))
    .map((s) => ({ category: s.category, currency: s.currency, amount: addAmounts(...s.amounts) }));
  return { stores: storeChoices, store: { id: store.id, name: store.name, currency: store.currency }, month, rows, totals };
}

