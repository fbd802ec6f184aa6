import { and, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, stores, syncStates } from "~/db/schema";
import { windowOf, type SyncTaskDefinition } from "./kit/definition";
import { SCHEDULER_TICK_MINUTES } from "./windows";

/** SP-API authorizations last a year; Amazon stops honouring them after that unless the seller renews. */
export const STORE_AUTHORIZATION_DAYS = 365;
/** Warn this long before a store's authorization lapses. */
export const EXPIRY_WARNING_DAYS = 30;

export interface Attention {
  /** "action": the seller must do something (authorize again); "warning": we are on it, but it is late. */
  level: "action" | "warning";
  text: string;
  href: string;
}

/** A window is behind when it has been due for longer than a few scheduler ticks and is not running. */
export function isOverdue(state: { status: string; nextDueAt: Date | null }, now: Date): boolean {
  return state.status !== "running" && state.status !== "paused" && state.nextDueAt !== null && state.nextDueAt.getTime() > 0
    && now.getTime() - state.nextDueAt.getTime() > 3 * SCHEDULER_TICK_MINUTES * 60_000;
}

/** What the seller must know about a scope's window, in plain words. */
export function windowHealth(
  task: SyncTaskDefinition,
  state: { window: string; status: string; nextDueAt: Date | null; lastSucceededAt: Date | null; lastOutcome: string | null; lastError: string | null } | undefined,
  now: Date,
): string {
  const onDemand = windowOf(task, state?.window ?? "")?.cadence.kind === "on-demand";
  if (onDemand && (!state || (!state.lastSucceededAt && state.status === "idle"))) return "Runs when you ask for it.";
  if (!state || (!state.lastSucceededAt && state.status === "idle")) return "Waiting for its first run.";
  if (state.status === "running") return "Running now.";
  if (state.status === "paused") return state.lastError ?? "Paused.";
  if (state.status === "failed") return `Failed: ${state.lastError ?? "unknown error"} It is retried automatically.`;
  if (isOverdue(state, now)) return "Behind schedule: it should have run by now and will shortly.";
  if (!windowOf(task, state.window) || onDemand) return "Done.";
  if (state.lastOutcome === "no_data") return "Up to date: Amazon had no data for this period.";
  return "Up to date.";
}

/**
 * Everything that needs the seller (or that the seller should know is late) in an organization: Amazon
 * authorizations that no longer work or lapse soon, and syncs that keep failing or fall behind.
 */
export async function attentionItems(db: Database, organizationId: string, now: Date = new Date()): Promise<Attention[]> {
  const items: Attention[] = [];
  const grants = await db
    .select({ id: amazonGrants.id, kind: amazonGrants.kind, status: amazonGrants.status, authorizedAt: amazonGrants.authorizedAt })
    .from(amazonGrants)
    .where(eq(amazonGrants.organizationId, organizationId));
  const names = new Map<string, string>();
  const grantIds = grants.map((g) => g.id);
  if (grantIds.length) {
    for (const s of await db.select({ grantId: stores.grantId, name: stores.name }).from(stores).where(inArray(stores.grantId, grantIds)))
      if (s.grantId) names.set(s.grantId, `store ${s.name}`);
    for (const p of await db
      .select({ grantId: adProfiles.grantId, name: adProfiles.accountName })
      .from(adProfiles)
      .where(and(inArray(adProfiles.grantId, grantIds), eq(adProfiles.connected, true))))
      if (p.grantId && !names.has(p.grantId)) names.set(p.grantId, `Amazon Ads account ${p.name}`);
  }
  for (const g of grants) {
    const what = names.get(g.id) ?? (g.kind === "store" ? "a store" : "an Amazon Ads account");
    if (g.status === "needs_reauthorization") {
      items.push({
        level: "action",
        text: `Amazon no longer accepts the authorization of ${what}: its data is not being updated. Authorize it again; syncing then resumes and fills in what was missed.`,
        href: "/settings/amazon",
      });
      continue;
    }
    if (g.kind !== "store") continue;
    const lapses = DateTime.fromJSDate(g.authorizedAt).plus({ days: STORE_AUTHORIZATION_DAYS });
    const daysLeft = Math.floor(lapses.diff(DateTime.fromJSDate(now), "days").days);
    if (daysLeft <= EXPIRY_WARNING_DAYS)
      items.push({
        level: "action",
        text:
          daysLeft > 0
            ? `The authorization of ${what} lapses on ${lapses.toISODate()} (in ${daysLeft} days): Amazon asks sellers to renew it yearly. Authorize it again to keep syncing.`
            : `The authorization of ${what} lapsed on ${lapses.toISODate()}. Authorize it again to keep syncing.`,
        href: "/settings/amazon",
      });
  }

  const troubled = await db
    .select({ task: syncStates.task, status: syncStates.status, nextDueAt: syncStates.nextDueAt, failures: syncStates.consecutiveFailures, lastError: syncStates.lastError })
    .from(syncStates)
    .where(and(eq(syncStates.organizationId, organizationId), sql`${syncStates.status} <> 'paused'`));
  const failing = troubled.filter((s) => s.status === "failed" && s.failures >= 3);
  if (failing.length)
    items.push({ level: "warning", text: `${failing.length} sync window(s) keep failing: ${failing[0]!.lastError ?? "see the Sync center"}`, href: "/sync" });
  const behind = troubled.filter((s) => isOverdue(s, now));
  if (behind.length) items.push({ level: "warning", text: `${behind.length} sync window(s) are behind schedule.`, href: "/sync" });
  return items;
}
