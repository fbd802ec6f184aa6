import { and, desc, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, storeMarketplaces, stores, syncRuns, syncStates } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { regionTimeZone } from "~/server/amazon/marketplaces";
import { attentionItems, isOverdue, windowHealth } from "./health";
import { isBuiltTask, windowKeys, windowLabel, type SyncTaskDefinition } from "./kit/definition";
import { SYNC_TASKS, syncTask } from "./registry";
import { syncRequest, type SyncRequest } from "./scheduler";

/** The window's badge: one that has never run is waiting (not "up to date"); Amazon's "nothing" says so. */
function statusOf(task: SyncTaskDefinition, s: { status: string; lastSucceededAt: Date | null; lastOutcome: string | null } | undefined) {
  if (!s || (s.status === "idle" && !s.lastSucceededAt)) return isBuiltTask(task) ? "pending" : "not_available";
  if (s.status === "idle" && s.lastOutcome === "no_data") return "no_data";
  return s.status;
}

export interface ScopeOverview {
  scopeId: string;
  label: string;
  timeZone: string;
  paused: string | null;
  /** When this scope's newest data of the task arrived (its latest success), or null. */
  freshAsOf: Date | null;
  windows: {
    window: string;
    label: string;
    status: string;
    /** The window's state in plain words ("Up to date.", "Failed: …", "Behind schedule…"). */
    health: string;
    overdue: boolean;
    lastSucceededAt: Date | null;
    lastStartedAt: Date | null;
    nextDueAt: Date | null;
    progressDone: number;
    progressTotal: number;
    rowsWritten: number;
    lastError: string | null;
  }[];
}

/** The Sync center: every task of the registry, with each of the organization's stores or ad profiles under it. */
export async function syncOverview(db: Database, organizationId: string, now: Date = new Date()) {
  const [profiles, marketplaces, storeRows, states, runs, attention] = await Promise.all([
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
    db
      .select({ id: stores.id, name: stores.name, region: stores.region, grantStatus: amazonGrants.status })
      .from(stores)
      .leftJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
      .where(eq(stores.organizationId, organizationId)),
    db.select().from(syncStates).where(eq(syncStates.organizationId, organizationId)),
    db.select().from(syncRuns).where(eq(syncRuns.organizationId, organizationId)).orderBy(desc(syncRuns.startedAt)).limit(50),
    attentionItems(db, organizationId, now),
  ]);

  const pausedReason = (grantStatus: string | null, active: boolean) =>
    !active ? "Not connected." : grantStatus === null ? "Disconnected." : grantStatus === "needs_reauthorization" ? "Paused: the Amazon authorization needs renewing." : null;

  const scopesFor = (task: SyncTaskDefinition): ScopeOverview[] => {
    const base =
      task.scope === "ad_profile"
        ? profiles.map((p) => ({ scopeId: p.id, label: `${p.countryCode} ads · ${p.profileId}`, timeZone: p.timeZone, paused: pausedReason(p.grantStatus, p.connected) }))
        : task.scope === "store"
          ? storeRows.map((s) => ({ scopeId: s.id, label: `${s.name} (whole account)`, timeZone: regionTimeZone(s.region), paused: pausedReason(s.grantStatus, true) }))
          : marketplaces.map((m) => ({ scopeId: m.id, label: `${m.countryCode} · ${m.name}`, timeZone: m.timeZone, paused: pausedReason(m.grantStatus, m.participating) }));
    return base.map((scope) => {
      const own = states.filter((x) => x.task === task.key && x.scopeId === scope.scopeId);
      const successes = own.map((s) => s.lastSucceededAt?.getTime() ?? 0).filter(Boolean);
      return {
        ...scope,
        freshAsOf: successes.length ? new Date(Math.max(...successes)) : null,
        windows: windowKeys(task).map((window) => {
          const s = own.find((x) => x.window === window);
          return {
            window,
            label: windowLabel(task, window),
            status: statusOf(task, s),
            health: isBuiltTask(task) ? (scope.paused ?? windowHealth(task, s, now)) : "Not available yet.",
            overdue: s ? isOverdue(s, now) : false,
            lastSucceededAt: s?.lastSucceededAt ?? null,
            lastStartedAt: s?.lastStartedAt ?? null,
            nextDueAt: s?.nextDueAt ?? null,
            progressDone: s?.progressDone ?? 0,
            progressTotal: s?.progressTotal ?? 0,
            rowsWritten: s?.rowsWritten ?? 0,
            lastError: s?.lastError ?? null,
          };
        }),
      };
    });
  };

  return {
    attention,
    tasks: SYNC_TASKS.map((task: SyncTaskDefinition) => ({
      key: task.key,
      title: task.title,
      specItem: task.specItem,
      promise: task.promise,
      scope: task.scope,
      source: task.source,
      manual: task.manual ?? null,
      available: isBuiltTask(task),
      backfill: task.backfill?.label ?? null,
      cadence: task.windows.map((w) => w.label),
      scopes: scopesFor(task),
    })),
    runs: runs.map((r) => {
      const task = SYNC_TASKS.find((t) => t.key === r.task) as SyncTaskDefinition | undefined;
      return {
        id: r.id,
        task: r.task,
        taskTitle: task?.title ?? r.task,
        window: r.window,
        windowLabel: task ? windowLabel(task, r.window) : r.window,
        scopeId: r.scopeId,
        trigger: r.trigger,
        windows: r.windows,
        status: r.status,
        rowsWritten: r.rowsWritten,
        apiCalls: r.apiCalls,
        error: r.error,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
      };
    }),
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
  const task = SYNC_TASKS.some((t) => t.key === args.task) ? syncTask(args.task) : undefined;
  if (!task || !isBuiltTask(task)) throw new UserFacingError("not_found", "That sync is not available yet.");
  const [state] = await db
    .select()
    .from(syncStates)
    .where(
      and(
        eq(syncStates.organizationId, organizationId),
        eq(syncStates.task, task.key),
        eq(syncStates.window, args.window),
        eq(syncStates.scopeId, args.scopeId),
      ),
    );
  if (!state) throw new UserFacingError("not_found", "No such sync in this organization.");
  if (state.status === "running") throw new UserFacingError("bad_request", "This sync is running right now.");
  await send(syncRequest(task, { organizationId, scopeId: state.scopeId, window: state.window, trigger: "manual" }));
  return { task: task.key, window: state.window, scopeId: state.scopeId };
}


