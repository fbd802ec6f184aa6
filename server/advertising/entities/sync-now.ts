import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adEntities, type AdEntityKind } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { callerFor, resolveScope } from "~/server/sync/kit/scope";
import { retryWindowNow } from "~/server/sync/overview";
import type { SyncRequest } from "~/server/sync/scheduler";
import { amazonFailure } from "./amazon-failure";
import { readByIds } from "./listing";
import { storeListedEntities } from "./store";

/** Entities a seller selects at once for "Synchronize Budget/Bid or Status" (Amazon reads 1000 ids a call). */
export const MAX_SELECTED = 5000;
/** Waits for a quota slot longer than this answer the button with "try again" instead of hanging. */
const BUTTON_QUOTA_WAIT_MS = 10_000;

export interface SelectedEntities {
  kind: AdEntityKind;
  ids: string[];
}

/**
 * "Synchronize Budget/Bid or Status" on selected entities: their settings read from Amazon now, in the
 * request, and stored like the 12-hour sync stores them (changes recorded in the history). Only entities
 * of the caller's organization and profile are read; an id Amazon no longer returns is reported.
 */
export async function syncSelectedSettingsNow(db: Database, organizationId: string, adProfileId: string, selection: SelectedEntities[]) {
  const total = selection.reduce((n, s) => n + s.ids.length, 0);
  if (total === 0) throw new UserFacingError("bad_request", "Select at least one entity to synchronize.");
  if (total > MAX_SELECTED) throw new UserFacingError("bad_request", `Select at most ${MAX_SELECTED} entities, or synchronize the whole profile.`);
  const resolved = await resolveScope(db, "ad_profile", organizationId, adProfileId);
  if ("skipped" in resolved) throw new UserFacingError("bad_request", resolved.skipped);
  const scope = resolved.scope;
  const caller = { ...callerFor(db, scope), maxQuotaWaitMs: BUTTON_QUOTA_WAIT_MS };
  const result = { read: 0, updated: 0, changes: 0, missing: [] as string[] };
  await amazonFailure(async () => {
    for (const { kind, ids } of selection) await syncKind(kind, ids);
  });
  return result;

  async function syncKind(kind: AdEntityKind, ids: string[]) {
    const known = await db
      .select({ id: adEntities.entityId })
      .from(adEntities)
      .where(and(eq(adEntities.organizationId, organizationId), eq(adEntities.adProfileId, adProfileId), eq(adEntities.kind, kind), inArray(adEntities.entityId, [...new Set(ids)])));
    if (known.length !== new Set(ids).size) throw new UserFacingError("not_found", "Some of the selected entities are not in this ad profile.");
    const { rows, missing } = await readByIds(caller, scope.region, kind, known.map((k) => k.id));
    const stored = await storeListedEntities(db, { organizationId, adProfileId }, rows, "settings");
    result.read += rows.length;
    result.updated += stored.updated;
    result.changes += stored.changes;
    result.missing.push(...missing);
  }
}

/** The whole profile: the task's window run now in the background (the Sync center shows it). */
export function syncProfileNow(
  db: Database,
  organizationId: string,
  adProfileId: string,
  what: "settings" | "additions",
  send: (request: SyncRequest) => Promise<unknown>,
) {
  const args = what === "settings" ? { task: "ads-settings", window: "all-entities" } : { task: "ads-additions", window: "full-pass" };
  return retryWindowNow(db, organizationId, { ...args, scopeId: adProfileId }, send);
}
