import { and, desc, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, storeMarketplaces, stores, syncRuns } from "~/db/schema";
import { regionTimeZone } from "~/server/amazon/marketplaces";
import { describeSyncError } from "./errors";
import type { SyncTaskDefinition } from "./kit/definition";
import type { SyncRequestData } from "./kit/plan";
import { failRun, type SyncScopeRef } from "./state";

async function timeZoneOf(db: Database, task: SyncTaskDefinition, request: SyncRequestData): Promise<string | undefined> {
  if (task.scope === "store") {
    const [store] = await db
      .select({ region: stores.region })
      .from(stores)
      .where(and(eq(stores.id, request.scopeId), eq(stores.organizationId, request.organizationId)));
    return store ? regionTimeZone(store.region) : undefined;
  }
  const table = task.scope === "ad_profile" ? adProfiles : storeMarketplaces;
  const [scope] = await db
    .select({ timeZone: table.timeZone })
    .from(table)
    .where(and(eq(table.id, request.scopeId), eq(table.organizationId, request.organizationId)));
  return scope?.timeZone;
}

async function refOf(db: Database, task: SyncTaskDefinition, request: SyncRequestData): Promise<SyncScopeRef> {
  const timeZone = (await timeZoneOf(db, task, request)) ?? "UTC";
  return { organizationId: request.organizationId, task: task.key, window: request.window, scopeId: request.scopeId, timeZone };
}

/** A job gave up after its retries: the state and the open run say why, in plain words. */
export async function recordSyncFailure(db: Database, task: SyncTaskDefinition, request: SyncRequestData, error: unknown) {
  const ref = await refOf(db, task, request);
  const [open] = await db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(
      and(
        eq(syncRuns.organizationId, ref.organizationId),
        eq(syncRuns.scopeId, ref.scopeId),
        eq(syncRuns.task, ref.task),
        eq(syncRuns.window, ref.window),
        eq(syncRuns.status, "running"),
      ),
    )
    .orderBy(desc(syncRuns.startedAt))
    .limit(1);
  const { message, paused } = describeSyncError(error);
  await failRun(db, task, ref, open?.id ?? null, { error: message, now: new Date(), paused });
}

/** The scope cannot sync now (disconnected, or its authorization needs renewing). */
export async function recordSyncSkip(db: Database, task: SyncTaskDefinition, request: SyncRequestData, reason: string) {
  await failRun(db, task, await refOf(db, task, request), null, { error: reason, now: new Date(), paused: true });
}
