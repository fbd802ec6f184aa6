import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { amazonGrants, storeMarketplaces, stores, syncStates } from "~/db/schema";
import { syncRequest, type SyncRequest } from "~/server/sync/scheduler";
import { salesApi } from "~/server/sync/tasks/sales-api";

/** The window the refresh icon runs: Amazon's figures of the last 3 days. */
export const RECENT_WINDOW = "last-3-days";

type WindowState = { status: string; lastSucceededAt: Date | null; lastStartedAt: Date | null; nextDueAt: Date | null; lastError: string | null };

/**
 * Where each marketplace's figures stand: when Amazon's were last fetched (the last 3 days, days 3–30) and
 * when its orders were last synchronized, so the page says how fresh every number is.
 */
export async function summaryMarketplaces(db: Database, organizationId: string) {
  const [marketplaces, states] = await Promise.all([
    db
      .select({
        id: storeMarketplaces.id,
        countryCode: storeMarketplaces.countryCode,
        name: storeMarketplaces.name,
        currency: storeMarketplaces.currencyCode,
        timeZone: storeMarketplaces.timeZone,
        store: stores.name,
        connected: sql<boolean | null>`${amazonGrants.status} = 'active'`,
      })
      .from(storeMarketplaces)
      .innerJoin(stores, eq(stores.id, storeMarketplaces.storeId))
      .leftJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
      .where(and(eq(storeMarketplaces.organizationId, organizationId), eq(storeMarketplaces.isParticipating, true)))
      .orderBy(asc(stores.name), asc(storeMarketplaces.countryCode)),
    db
      .select()
      .from(syncStates)
      .where(and(eq(syncStates.organizationId, organizationId), inArray(syncStates.task, [salesApi.key, "orders-incremental"]))),
  ]);
  const state = (task: string, window: string, scopeId: string): WindowState | null => {
    const s = states.find((x) => x.task === task && x.window === window && x.scopeId === scopeId);
    return s ? { status: s.status, lastSucceededAt: s.lastSucceededAt, lastStartedAt: s.lastStartedAt, nextDueAt: s.nextDueAt, lastError: s.lastError } : null;
  };
  return marketplaces.map((m) => ({
    ...m,
    connected: Boolean(m.connected),
    amazonRecent: state(salesApi.key, RECENT_WINDOW, m.id),
    amazonOlder: state(salesApi.key, "days-3-to-30", m.id),
    orders: state("orders-incremental", "since-yesterday", m.id),
  }));
}

/**
 * The refresh icon: Amazon's figures of the last 3 days asked for now, for every marketplace of every
 * connected store of the organization. A marketplace whose refresh is already running is left to finish.
 */
export async function refreshRecentFigures(db: Database, organizationId: string, send: (requests: SyncRequest[]) => Promise<unknown>) {
  const states = await db
    .select({ scopeId: syncStates.scopeId, status: syncStates.status })
    .from(syncStates)
    .innerJoin(storeMarketplaces, eq(storeMarketplaces.id, syncStates.scopeId))
    .innerJoin(stores, eq(stores.id, storeMarketplaces.storeId))
    .innerJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
    .where(
      and(
        eq(syncStates.organizationId, organizationId),
        eq(syncStates.task, salesApi.key),
        eq(syncStates.window, RECENT_WINDOW),
        eq(storeMarketplaces.organizationId, organizationId),
        eq(storeMarketplaces.isParticipating, true),
        eq(amazonGrants.status, "active"),
      ),
    );
  const idle = states.filter((s) => s.status !== "running");
  if (idle.length) await send(idle.map((s) => syncRequest(salesApi, { organizationId, scopeId: s.scopeId, window: RECENT_WINDOW, trigger: "manual" })));
  return { requested: idle.length, alreadyRunning: states.length - idle.length };
}
