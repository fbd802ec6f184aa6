import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, storeMarketplaces, stores, syncStates } from "~/db/schema";
import { BACKFILL, windowKeys, windowOf, type SyncScope, type SyncTaskDefinition } from "./kit/definition";
import type { SyncRequestData } from "./kit/plan";
import { BUILT_TASKS, syncTask } from "./registry";
import { ensureSyncStates, type SyncTrigger } from "./state";

/** A run that has been "running" this long died without telling us; schedule it again. */
const STALE_RUN_MS = 4 * 60 * 60 * 1000;

/** The event that runs one window of one task for one scope. */
export interface SyncRequest {
  name: `sync/${string}.requested`;
  data: SyncRequestData;
}

export const syncEventName = (taskKey: string) => `sync/${taskKey}.requested` as const;

export function syncRequest(task: SyncTaskDefinition, data: SyncRequestData): SyncRequest {
  return { name: syncEventName(task.key), data };
}

export interface LiveScope {
  id: string;
  organizationId: string;
}

/** The scopes built tasks run for: connected ad profiles, participating marketplaces and stores, with a live grant. */
async function liveScopes(db: Database): Promise<Record<SyncScope, LiveScope[]>> {
  const [profiles, marketplaces, storeRows] = await Promise.all([
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
    db
      .select({ id: stores.id, organizationId: stores.organizationId })
      .from(stores)
      .innerJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
      .where(eq(amazonGrants.status, "active")),
  ]);
  return { ad_profile: profiles, store_marketplace: marketplaces, store: storeRows };
}

/**
 * Every sync window that is due now, as the events that run it. A scope's recurring windows wait for its
 * backfill to finish once (the spec's "after the data synchronization for the last 60 days is completed").
 */
export async function dueSyncRequests(db: Database, now: Date): Promise<SyncRequest[]> {
  const tasks = BUILT_TASKS;
  if (!tasks.length) return [];
  const scopes = await liveScopes(db);
  for (const task of tasks)
    await ensureSyncStates(db, task, scopes[task.scope].flatMap((s) => windowKeys(task).map((window) => ({ organizationId: s.organizationId, window, scopeId: s.id }))));
  const liveIds = [...scopes.ad_profile, ...scopes.store_marketplace, ...scopes.store].map((s) => s.id);
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
        .where(and(eq(syncStates.window, BACKFILL), inArray(syncStates.scopeId, liveIds), sql`${syncStates.lastSucceededAt} is not null`))
    ).map((s) => `${s.task}:${s.scopeId}`),
  );

  const requests: SyncRequest[] = [];
  for (const s of states) {
    const task = syncTask(s.task);
    // A window a task no longer has (renamed in a release) is left alone.
    if (!windowKeys(task).includes(s.window)) continue;
    if (windowOf(task, s.window)?.cadence.kind === "on-demand") continue;
    if (task.backfill && s.window !== BACKFILL && !backfilled.has(`${s.task}:${s.scopeId}`)) continue;
    // A backfill runs once; later it only re-runs when it never succeeded.
    if (s.window === BACKFILL && s.lastSucceededAt) continue;
    const trigger: SyncTrigger = s.window === BACKFILL ? "authorization" : "schedule";
    requests.push(syncRequest(task, { organizationId: s.organizationId, scopeId: s.scopeId, window: s.window, trigger }));
  }
  return requests;
}
