import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, storeMarketplaces, stores, syncStates } from "~/db/schema";
import { SYNC_CATALOG, type SyncTaskKey } from "./catalog";
import { ensureSyncStates } from "./state";

export const BACKFILL_WINDOW = "backfill";
/** A run that has been "running" this long died without telling us; schedule it again. */
const STALE_RUN_MS = 4 * 60 * 60 * 1000;

export type SyncRequest =
  | { name: "sync/ads-performance.requested"; data: { organizationId: string; adProfileId: string; window: string; trigger: "schedule" | "authorization" } }
  | { name: "sync/orders-incremental.requested"; data: { organizationId: string; storeMarketplaceId: string; trigger: "schedule" | "authorization" } };

/** The scopes each built task runs for: connected ad profiles and participating marketplaces with a live grant. */
async function liveScopes(db: Database) {
  const [profiles, marketplaces] = await Promise.all([
    db
      .select({ id: adProfiles.id, organizationId: adProfiles.organizationId })
      .from(adProfiles)
      .innerJoin(amazonGrants, eq(amazonGrants.id, adProfiles.grantId))
      .where(and(eq(adProfiles.connected, true), eq(amazonGrants.status, "active"))),
    db
      .select({ id: storeMarketplaces.id, organizationId: storeMarketplaces.organizationId })
      .from(storeMarketplaces)
      .innerJoin(stores, eq(stores.id, storeMarketplaces.storeId))
      .innerJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
      .where(and(eq(storeMarketplaces.isParticipating, true), eq(amazonGrants.status, "active"))),
  ]);
  return { ad_profile: profiles, store_marketplace: marketplaces };
}

function windowsOf(task: (typeof SYNC_CATALOG)[number]): string[] {
  return [...(task.backfill ? [BACKFILL_WINDOW] : []), ...task.windows.map((w) => w.label)];
}

/**
 * Every sync window that is due now, as the events that run it. A scope's recurring windows wait for its
 * backfill to finish once (the spec's "after the data synchronization for the last 60 days is completed").
 */
export async function dueSyncRequests(db: Database, now: Date): Promise<SyncRequest[]> {
  const tasks = SYNC_CATALOG.filter((t) => t.available);
  const scopes = await liveScopes(db);
  await ensureSyncStates(
    db,
    tasks.flatMap((task) => scopes[task.scope].flatMap((s) => windowsOf(task).map((window) => ({ organizationId: s.organizationId, task: task.key, window, scopeId: s.id })))),
  );
  const liveIds = [...scopes.ad_profile, ...scopes.store_marketplace].map((s) => s.id);
  if (!liveIds.length) return [];

  const states = await db
    .select()
    .from(syncStates)
    .where(
      and(
        inArray(syncStates.task, tasks.map((t) => t.key)),
        inArray(syncStates.scopeId, liveIds),
        lte(syncStates.nextDueAt, now),
        or(
          sql`${syncStates.status} <> 'running'`,
          lte(syncStates.lastStartedAt, new Date(now.getTime() - STALE_RUN_MS)),
          isNull(syncStates.lastStartedAt),
        ),
      ),
    );
  const backfilled = new Set(
    (
      await db
        .select({ scopeId: syncStates.scopeId, task: syncStates.task })
        .from(syncStates)
        .where(and(eq(syncStates.window, BACKFILL_WINDOW), sql`${syncStates.lastSucceededAt} is not null`))
    ).map((s) => `${s.task}:${s.scopeId}`),
  );

  const requests: SyncRequest[] = [];
  for (const s of states) {
    const task = tasks.find((t) => t.key === s.task)!;
    if (task.backfill && s.window !== BACKFILL_WINDOW && !backfilled.has(`${s.task}:${s.scopeId}`)) continue;
    // A backfill runs once; later it only re-runs when it never succeeded.
    if (s.window === BACKFILL_WINDOW && s.lastSucceededAt) continue;
    const trigger = s.window === BACKFILL_WINDOW ? "authorization" : "schedule";
    requests.push(request(s.task as SyncTaskKey, s.organizationId, s.scopeId, s.window, trigger));
  }
  return requests;
}

export function request(task: SyncTaskKey, organizationId: string, scopeId: string, window: string, trigger: "schedule" | "authorization"): SyncRequest {
  if (task === "ads-performance")
    return { name: "sync/ads-performance.requested", data: { organizationId, adProfileId: scopeId, window, trigger } };
  if (task === "orders-incremental")
    return { name: "sync/orders-incremental.requested", data: { organizationId, storeMarketplaceId: scopeId, trigger } };
  throw new Error(`The ${task} sync is not available yet.`);
}
