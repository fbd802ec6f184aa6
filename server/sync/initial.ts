import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, storeMarketplaces } from "~/db/schema";
import { INCREMENTAL_WINDOW } from "~/server/orders/incremental-sync";
import { BACKFILL_WINDOW, request, type SyncRequest } from "./scheduler";
import { ensureSyncStates } from "./state";

/** What an Ads authorization starts: each connected profile's 60-day backfill. */
export async function initialAdsSyncRequests(db: Database, data: { organizationId: string; adProfileIds: string[] }): Promise<SyncRequest[]> {
  if (!data.adProfileIds.length) return [];
  const profiles = await db
    .select({ id: adProfiles.id })
    .from(adProfiles)
    .where(and(eq(adProfiles.organizationId, data.organizationId), inArray(adProfiles.id, data.adProfileIds), eq(adProfiles.connected, true)));
  await ensureSyncStates(db, profiles.map((p) => ({ organizationId: data.organizationId, task: "ads-performance" as const, window: BACKFILL_WINDOW, scopeId: p.id })));
  return profiles.map((p) => request("ads-performance", data.organizationId, p.id, BACKFILL_WINDOW, "authorization"));
}

/** What a store authorization starts: incremental orders of each marketplace it sells in. */
export async function initialStoreSyncRequests(db: Database, data: { organizationId: string; storeId: string }): Promise<SyncRequest[]> {
  const marketplaces = await db
    .select({ id: storeMarketplaces.id })
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.organizationId, data.organizationId), eq(storeMarketplaces.storeId, data.storeId), eq(storeMarketplaces.isParticipating, true)));
  await ensureSyncStates(db, marketplaces.map((m) => ({ organizationId: data.organizationId, task: "orders-incremental" as const, window: INCREMENTAL_WINDOW, scopeId: m.id })));
  return marketplaces.map((m) => request("orders-incremental", data.organizationId, m.id, INCREMENTAL_WINDOW, "authorization"));
}
