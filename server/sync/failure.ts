import { and, desc, eq } from "drizzle-orm";
import { db } from "~/db/client";
import { adProfiles, storeMarketplaces, syncRuns } from "~/db/schema";
import { syncTask, type SyncTaskKey } from "./catalog";
import { describeSyncError } from "./errors";
import { failRun, type SyncScopeRef } from "./state";

export interface FailedSync {
  organizationId: string;
  task: SyncTaskKey;
  window: string;
  scopeId: string;
}

async function refOf(f: FailedSync): Promise<SyncScopeRef> {
  const table = syncTask(f.task).scope === "ad_profile" ? adProfiles : storeMarketplaces;
  const [scope] = await db.select({ timeZone: table.timeZone }).from(table).where(eq(table.id, f.scopeId));
  return { ...f, timeZone: scope?.timeZone ?? "UTC" };
}

/** A job gave up after its retries: the state and the open run say why, in plain words. */
export async function recordSyncFailure(f: FailedSync, error: unknown) {
  const [open] = await db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(and(eq(syncRuns.scopeId, f.scopeId), eq(syncRuns.task, f.task), eq(syncRuns.window, f.window), eq(syncRuns.status, "running")))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1);
  const { message, paused } = describeSyncError(error);
  await failRun(db, await refOf(f), open?.id ?? null, { error: message, now: new Date(), paused });
}

/** The scope cannot sync now (disconnected, or its authorization needs renewing). */
export async function recordSyncSkip(f: FailedSync, reason: string) {
  await failRun(db, await refOf(f), null, { error: reason, now: new Date(), paused: true });
}
