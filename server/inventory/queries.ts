import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { storeMarketplaces, syncStates } from "~/db/schema";
import { inventoryHistory, inventoryLevels } from "~/server/sync/tasks/inventory/table";

/** A SKU's history shows its latest changes, this many at most. */
export const HISTORY_LIMIT = 200;

/**
 * Per participating marketplace: when its inventory was last listed whole (the task's last success), how
 * many SKUs that listing holds, and where the sync stands (its last error) — "last fetched" on the page.
 */
export async function inventoryStatus(db: Database, organizationId: string) {
  return db
    .select({
      storeMarketplaceId: storeMarketplaces.id,
      countryCode: storeMarketplaces.countryCode,
      timeZone: storeMarketplaces.timeZone,
      lastFetchedAt: syncStates.lastSucceededAt,
      status: syncStates.status,
      lastError: syncStates.lastError,
      nextDueAt: syncStates.nextDueAt,
      skus: sql<number>`(select count(*)::int from ${inventoryLevels} l
        where l.organization_id = ${organizationId} and l.store_marketplace_id = ${storeMarketplaces.id} and l.removed_at is null)`,
    })
    .from(storeMarketplaces)
    .leftJoin(
      syncStates,
      and(eq(syncStates.scopeId, storeMarketplaces.id), eq(syncStates.organizationId, organizationId), eq(syncStates.task, "inventory"), eq(syncStates.window, "current")),
    )
    .where(and(eq(storeMarketplaces.organizationId, organizationId), eq(storeMarketplaces.isParticipating, true)))
    .orderBy(asc(storeMarketplaces.countryCode));
}

/**
 * One SKU of one marketplace over time: its current level and each change of its quantities, newest first
 * (a listing that found nothing changed left no row). Null when the organization has no such SKU there.
 */
export async function skuHistory(db: Database, organizationId: string, args: { storeMarketplaceId: string; sku: string }) {
  const [level] = await db
    .select({
      countryCode: storeMarketplaces.countryCode,
      timeZone: storeMarketplaces.timeZone,
      sellerSku: inventoryLevels.sellerSku,
      asin: inventoryLevels.asin,
      fnsku: inventoryLevels.fnsku,
      productName: inventoryLevels.productName,
      fulfillable: inventoryLevels.fulfillable,
      totalQuantity: inventoryLevels.totalQuantity,
      changedAt: inventoryLevels.changedAt,
      removedAt: inventoryLevels.removedAt,
    })
    .from(inventoryLevels)
    .innerJoin(storeMarketplaces, and(eq(storeMarketplaces.id, inventoryLevels.storeMarketplaceId), eq(storeMarketplaces.organizationId, organizationId)))
    .where(
      and(
        eq(inventoryLevels.organizationId, organizationId),
        eq(inventoryLevels.storeMarketplaceId, args.storeMarketplaceId),
        eq(inventoryLevels.sellerSku, args.sku),
      ),
    );
  if (!level) return null;
  const changes = await db
    .select({
      observedAt: inventoryHistory.observedAt,
      fulfillable: inventoryHistory.fulfillable,
      inboundWorking: inventoryHistory.inboundWorking,
      inboundShipped: inventoryHistory.inboundShipped,
      inboundReceiving: inventoryHistory.inboundReceiving,
      reserved: inventoryHistory.reserved,
      researching: inventoryHistory.researching,
      unfulfillable: inventoryHistory.unfulfillable,
      totalQuantity: inventoryHistory.totalQuantity,
      removed: inventoryHistory.removed,
    })
    .from(inventoryHistory)
    .where(
      and(
        eq(inventoryHistory.organizationId, organizationId),
        eq(inventoryHistory.storeMarketplaceId, args.storeMarketplaceId),
        eq(inventoryHistory.sellerSku, args.sku),
      ),
    )
    .orderBy(desc(inventoryHistory.observedAt))
    .limit(HISTORY_LIMIT + 1);
  return { level, changes: changes.slice(0, HISTORY_LIMIT), more: changes.length > HISTORY_LIMIT };
}
