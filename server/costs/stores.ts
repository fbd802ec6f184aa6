import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { storeMarketplaces, stores } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { localToday } from "~/server/sync/windows";

type Reader = Pick<Database, "select" | "execute">;

export interface CostStore {
  id: string;
  name: string;
  /** The currency a cost takes when the seller names none: the store's first marketplace's. */
  currency: string;
  /** Its first marketplace's zone, whose today decides which cost period is current. */
  timeZone: string;
  marketplaces: { id: string; countryCode: string; name: string; currencyCode: string }[];
}

export const storeNotFound = () => new UserFacingError("not_found", "There is no such store in this organization.");

/** The organization's stores with their marketplaces, oldest first (the first is the pages' default). */
export async function costStores(db: Reader, organizationId: string): Promise<CostStore[]> {
  const rows = await db
    .select({
      id: stores.id,
      name: stores.name,
      marketplaceId: storeMarketplaces.id,
      countryCode: storeMarketplaces.countryCode,
      marketplaceName: storeMarketplaces.name,
      currencyCode: storeMarketplaces.currencyCode,
      timeZone: storeMarketplaces.timeZone,
    })
    .from(stores)
    .leftJoin(storeMarketplaces, and(eq(storeMarketplaces.storeId, stores.id), eq(storeMarketplaces.organizationId, organizationId)))
    .where(eq(stores.organizationId, organizationId))
    .orderBy(asc(stores.createdAt), asc(stores.id), asc(storeMarketplaces.createdAt), asc(storeMarketplaces.id));
  const byId = new Map<string, CostStore>();
  for (const r of rows) {
    let store = byId.get(r.id);
    if (!store) {
      store = { id: r.id, name: r.name, currency: r.currencyCode ?? "USD", timeZone: r.timeZone ?? "UTC", marketplaces: [] };
      byId.set(r.id, store);
    }
    if (r.marketplaceId) store.marketplaces.push({ id: r.marketplaceId, countryCode: r.countryCode!, name: r.marketplaceName!, currencyCode: r.currencyCode! });
  }
  return [...byId.values()];
}

/** The store if it is the organization's; otherwise "not found" (another organization's store is never named). */
export async function ownedStore(db: Reader, organizationId: string, storeId: string): Promise<CostStore> {
  const store = (await costStores(db, organizationId)).find((s) => s.id === storeId);
  if (!store) throw storeNotFound();
  return store;
}

/** The store's today: the local day that decides which cost period is current. */
export const storeToday = (store: CostStore, now = new Date()) => localToday(store.timeZone, now);

/**
 * Which of `skus` the store knows: a product of any of its marketplaces (the full report, orders or ads,
 * as the Products page lists them), or a SKU that already has a cost (kept after it stops selling).
 */
export async function knownSkus(db: Reader, organizationId: string, storeId: string, skus: string[]): Promise<Set<string>> {
  if (!skus.length) return new Set();
  // One JSON parameter, whatever the number of SKUs (a 50,000-row upload would overflow bind parameters).
  const rows = await db.execute<{ sku: string }>(sql`
    with wanted as (select jsonb_array_elements_text(${JSON.stringify([...new Set(skus)])}::jsonb) as sku)
    select p.sku from product_overview p
      join store_marketplaces m on m.id = p.store_marketplace_id and m.store_id = ${storeId} and m.organization_id = ${organizationId}
      where p.organization_id = ${organizationId} and p.sku in (select sku from wanted)
    union
    select sku from product_costs where organization_id = ${organizationId} and store_id = ${storeId} and sku in (select sku from wanted)
    union
    select sku from product_cost_batches where organization_id = ${organizationId} and store_id = ${storeId} and sku in (select sku from wanted)`);
  return new Set(rows.map((r) => r.sku));
}

/** Refuses SKUs the store does not know, naming a few. */
export async function requireKnownSkus(db: Reader, organizationId: string, storeId: string, skus: string[]): Promise<void> {
  const known = await knownSkus(db, organizationId, storeId, skus);
  const unknown = skus.filter((s) => !known.has(s));
  if (!unknown.length) return;
  const named = unknown.slice(0, 5).join(", ") + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : "");
  throw new UserFacingError("not_found", `This store has no product with SKU ${named}.`);
}
