import { and, desc, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, storeMarketplaces, stores, syncRuns, syncStates } from "~/db/schema";
import { SYNC_CATALOG, type SyncTask } from "./catalog";
import { UserFacingError } from "~/server/accounts/errors";
import { BACKFILL_WINDOW, request, type SyncRequest } from "./scheduler";

export interface ScopeOverview {
  scopeId: string;
  label: string;
  timeZone: string;
  paused: string | null;
  windows: {
    window: string;
    status: string;
    lastSucceededAt: Date | null;
    lastStartedAt: Date | null;
    nextDueAt: Date | null;
    progressDone: number;
    progressTotal: number;
    rowsWritten: number;
    lastError: string | null;
  }[];
}

/** The Sync center: every catalog entry, with each of the organization's stores or ad profiles under it. */
export async function syncOverview(db: Database, organizationId: string) {
  const [profiles, marketplaces, states, runs] = await Promise.all([
    db
      .select({ id: adProfiles.id, countryCode: adProfiles.countryCode, profileId: adProfiles.profileId, timeZone: adProfiles.timeZone, connected: adProfiles.connected, grantStatus: amazonGrants.status })
      .from(adProfiles)
      .leftJoin(amazonGrants, eq(amazonGrants.id, adProfiles.grantId))
      .where(eq(adProfiles.organizationId, organizationId)),
    db
      .select({ id: storeMarketplaces.id, countryCode: storeMarketplaces.countryCode, name: stores.name, timeZone: storeMarketplaces.timeZone, participating: storeMarketplaces.isParticipating, grantStatus: amazonGrants.status })
      .from(storeMarketplaces)
      .innerJoin(stores, eq(stores.id, storeMarketplaces.storeId))
      .leftJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
      .where(eq(storeMarketplaces.organizationId, organizationId)),
    db.select().from(syncStates).where(eq(syncStates.organizationId, organizationId)),
    db.select().from(syncRuns).where(eq(syncRuns.organizationId, organizationId)).orderBy(desc(syncRuns.startedAt)).limit(50),
  ]);

  const pausedReason = (grantStatus: string | null, active: boolean) =>
    !active ? "Not connected." : grantStatus === null ? "Disconnected." : grantStatus === "needs_reauthorization" ? "Paused: the Amazon authorization needs renewing." : null;

  const scopesFor = (task: SyncTask): ScopeOverview[] => {
    const windowNames = [...(task.backfill ? [BACKFILL_WINDOW] : []), ...task.windows.map((w) => w.label)];
    const base =
      task.scope === "ad_profile"
        ? profiles.map((p) => ({ scopeId: p.id, label: `${p.countryCode} ads · ${p.profileId}`, timeZone: p.timeZone, paused: pausedReason(p.grantStatus, p.connected) }))
        : marketplaces.map((m) => ({ scopeId: m.id, label: `${m.countryCode} · ${m.name}`, timeZone: m.timeZone, paused: pausedReason(m.grantStatus, m.participating) }));
    return base.map((scope) => ({
      ...scope,
      windows: windowNames.map((window) => {
        const s = states.find((x) => x.task === task.key && x.scopeId === scope.scopeId && x.window === window);
        return {
          window,
          status: s?.status ?? (task.available ? "pending" : "not_available"),
          lastSucceededAt: s?.lastSucceededAt ?? null,
          lastStartedAt: s?.lastStartedAt ?? null,
          nextDueAt: s?.nextDueAt ?? null,
          progressDone: s?.progressDone ?? 0,
          progressTotal: s?.progressTotal ?? 0,
          rowsWritten: s?.rowsWritten ?? 0,
          lastError: s?.lastError ?? null,
        };
      }),
    }));
  };

  return {
    tasks: SYNC_CATALOG.map((task) => ({
      key: task.key,
      title: task.title,
      specItem: task.specItem,
      promise: task.promise,
      scope: task.scope,
      source: task.source,
      manual: task.manual ?? null,
      available: task.available,
      backfill: task.backfill?.label ?? null,
      cadence: task.windows.map((w) => w.label),
      scopes: scopesFor(task),
    })),
    runs: runs.map((r) => ({
      id: r.id,
      task: r.task,
      window: r.window,
      scopeId: r.scopeId,
      trigger: r.trigger,
      windows: r.windows,
      status: r.status,
      rowsWritten: r.rowsWritten,
      apiCalls: r.apiCalls,
      error: r.error,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
    })),
  };
}

/**
 * "Retry now" for a window that failed: it starts at once instead of waiting for its back-off. Only the
 * organization's own windows of built tasks qualify.
 */
export async function retryWindowNow(
  db: Database,
  organizationId: string,
  args: { task: string; window: string; scopeId: string },
  send: (request: SyncRequest) => Promise<unknown>,
) {
  const task = SYNC_CATALOG.find((t) => t.key === args.task);
  if (!task?.available) throw new UserFacingError("not_found", "That sync is not available yet.");
  const [state] = await db
    .select()
    .from(syncStates)
    .where(
      and(
        eq(syncStates.organizationId, organizationId),
        eq(syncStates.task, args.task),
        eq(syncStates.window, args.window),
        eq(syncStates.scopeId, args.scopeId),
      ),
    );
  if (!state) throw new UserFacingError("not_found", "No such sync in this organization.");
  if (state.status === "running") throw new UserFacingError("bad_request", "This sync is running right now.");
  await send(request(task.key, organizationId, state.scopeId, state.window, state.window === BACKFILL_WINDOW ? "authorization" : "schedule"));
  return { task: task.key, window: state.window, scopeId: state.scopeId };
}
