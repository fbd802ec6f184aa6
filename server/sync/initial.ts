import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, storeMarketplaces, stores, syncStates } from "~/db/schema";
import { BACKFILL, windowKeys, type SyncScope } from "./kit/definition";
import { BUILT_TASKS } from "./registry";
import { syncRequest, type SyncRequest } from "./scheduler";
import { ensureSyncStates, resumeScope } from "./state";

/**
 * What an authorization starts for its scopes, for every built task of their kind: the backfill where the
 * task has one (its recurring windows follow it), else every window at once. A scope authorized again
 * after a pause resumes: windows that could not run are due now and reach back to their last success.
 */
async function initialRequests(db: Database, kind: SyncScope, organizationId: string, scopeIds: string[], now: Date): Promise<SyncRequest[]> {
  if (!scopeIds.length) return [];
  const requests: SyncRequest[] = [];
  for (const task of BUILT_TASKS.filter((t) => t.scope === kind)) {
    await ensureSyncStates(db, task, scopeIds.flatMap((scopeId) => windowKeys(task).map((window) => ({ organizationId, window, scopeId }))));
    const states = await db
      .select({ scopeId: syncStates.scopeId, window: syncStates.window, lastSucceededAt: syncStates.lastSucceededAt })
      .from(syncStates)
      .where(and(eq(syncStates.task, task.key), inArray(syncStates.scopeId, scopeIds)));
    for (const scopeId of scopeIds) {
      await resumeScope(db, task, scopeId, now);
      const own = states.filter((s) => s.scopeId === scopeId);
      const backfilled = own.some((s) => s.window === BACKFILL && s.lastSucceededAt);
      // An on-demand window runs when a button asks for it, never by itself.
      const recurring = task.windows.filter((w) => w.cadence.kind !== "on-demand").map((w) => w.key);
      const windows = task.backfill && !backfilled ? [BACKFILL] : recurring;
      for (const window of windows)
        requests.push(syncRequest(task, { organizationId, scopeId, window, trigger: window === BACKFILL ? "authorization" : "schedule" }));
    }
  }
  return requests;
}

/** After an Ads authorization: each connected profile of the organization. */
export async function initialAdsSyncRequests(db: Database, data: { organizationId: string; adProfileIds: string[] }, now = new Date()) {
  if (!data.adProfileIds.length) return [];
  const profiles = await db
    .select({ id: adProfiles.id })
    .from(adProfiles)
    .where(and(eq(adProfiles.organizationId, data.organizationId), inArray(adProfiles.id, data.adProfileIds), eq(adProfiles.connected, true)));
  return initialRequests(db, "ad_profile", data.organizationId, profiles.map((p) => p.id), now);
}

/** After a store authorization: each marketplace the store sells in, and the store as a whole. */
export async function initialStoreSyncRequests(db: Database, data: { organizationId: string; storeId: string }, now = new Date()) {
  const marketplaces = await db
    .select({ id: storeMarketplaces.id })
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.organizationId, data.organizationId), eq(storeMarketplaces.storeId, data.storeId), eq(storeMarketplaces.isParticipating, true)));
  const [store] = await db.select({ id: stores.id }).from(stores).where(and(eq(stores.id, data.storeId), eq(stores.organizationId, data.organizationId)));
  return [
    ...(await initialRequests(db, "store_marketplace", data.organizationId, marketplaces.map((m) => m.id), now)),
    ...(await initialRequests(db, "store", data.organizationId, store ? [store.id] : [], now)),
  ];
}
