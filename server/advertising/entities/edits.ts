import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adChanges, adEntities, adProfiles, type AdEntityKind, type AdEntityState } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { AD_ENTITY_ENDPOINTS } from "~/server/amazon/ads-entities";
import { MAX_ITEMS_PER_MUTATION, mutateAdEntities, type MultiStatus } from "~/server/amazon/ads-entity-mutations";
import { callerFor, resolveScope, type RunScope } from "~/server/sync/kit/scope";
import { amazonFailure } from "./amazon-failure";
import type { AdEntityRow } from "./from-amazon";
import { entityLabel } from "./label";
import { readByIds } from "./listing";
import { changeByPercent, sameAmount } from "./money";
import { storeListedEntities } from "./store";

export const EDIT_FIELDS = ["state", "name", "budget", "defaultBid", "bid", "biddingStrategy", "placementTop", "placementProductPage", "placementRestOfSearch"] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** What each kind lets a seller change (Amazon's v3 update operations). */
const EDITABLE: Record<AdEntityKind, readonly EditField[]> = {
  campaign: ["state", "name", "budget", "biddingStrategy", "placementTop", "placementProductPage", "placementRestOfSearch"],
  adGroup: ["state", "name", "defaultBid"],
  keyword: ["state", "bid"],
  target: ["state", "bid"],
  productAd: ["state"],
  negativeKeyword: ["state"],
  negativeTarget: ["state"],
  campaignNegativeKeyword: ["state"],
  campaignNegativeTarget: ["state"],
};

/** A bid or budget set to an amount, or changed by a percentage of Amazon's current value. */
export type MoneyChange = { set: string } | { percent: number };

export interface EntityEdit {
  kind: AdEntityKind;
  entityId: string;
  state?: AdEntityState;
  name?: string;
  budget?: MoneyChange;
  defaultBid?: MoneyChange;
  bid?: MoneyChange;
  biddingStrategy?: "LEGACY_FOR_SALES" | "AUTO_FOR_SALES" | "MANUAL";
  placementTop?: number;
  placementProductPage?: number;
  placementRestOfSearch?: number;
  /** The values the seller saw when editing: a field Amazon has changed since is a conflict, not overwritten. */
  loaded?: Partial<Record<EditField, string | null>>;
}

export interface EditConflict {
  field: EditField;
  loaded: string | null;
  yours: string | null;
  amazon: string | null;
}

export interface EditResult {
  kind: AdEntityKind;
  entityId: string;
  label: string;
  status: "applied" | "failed" | "conflict" | "unchanged";
  message?: string;
  conflicts?: EditConflict[];
  changes?: Array<{ field: EditField; before: string | null; after: string | null }>;
}

export const MAX_EDITS = 1000;

const PLACEMENTS = { placementTop: "PLACEMENT_TOP", placementProductPage: "PLACEMENT_PRODUCT_PAGE", placementRestOfSearch: "PLACEMENT_REST_OF_SEARCH" } as const;
const MONEY_FIELDS = ["budget", "defaultBid", "bid"] as const;

/** A field's current value as text ("0.75", "50", "PAUSED"), as the history and the conflict guard compare it. */
function current(row: AdEntityRow, field: EditField): string | null {
  const v = row[field];
  return v === null || v === undefined ? null : String(v);
}

function same(field: EditField, a: string | null, b: string | null): boolean {
  return (MONEY_FIELDS as readonly string[]).includes(field) ? sameAmount(a, b) : a === b;
}

const editedFields = (edit: EntityEdit) => EDIT_FIELDS.filter((f) => edit[f] !== undefined);
const keyOf = (kind: string, id: string) => `${kind}:${id}`;

/** The values an edit asks for, from Amazon's current ones (a percentage applies to them). */
function targetValues(edit: EntityEdit, row: AdEntityRow, currency: string, defaultBidOf: (adGroupId: string | null) => string | null) {
  const out: Partial<Record<EditField, string | null>> = {};
  for (const field of editedFields(edit)) {
    const change = edit[field];
    if ((MONEY_FIELDS as readonly string[]).includes(field)) {
      const money = change as MoneyChange;
      if ("set" in money) out[field] = money.set;
      else {
        // A keyword without a bid of its own bids the ad group's default: a percentage applies to that.
        const base = current(row, field) ?? (field === "bid" ? defaultBidOf(row.adGroupId) : null);
        if (base === null) throw new UserFacingError("bad_request", `${entityLabel(row)} has no ${field} to change by a percentage.`);
        out[field] = changeByPercent(base, money.percent, currency);
      }
    } else out[field] = String(change);
  }
  return out;
}

/** The body of Amazon's update for the changed fields (placements and strategy travel together). */
function updateBody(kind: AdEntityKind, row: AdEntityRow, target: Partial<Record<EditField, string | null>>): Record<string, unknown> {
  const body: Record<string, unknown> = { [AD_ENTITY_ENDPOINTS[kind].idField]: row.entityId };
  if (target.state !== undefined) body.state = target.state;
  if (target.name !== undefined) body.name = target.name;
  if (target.budget != null) body.budget = { budget: Number(target.budget), budgetType: "DAILY" };
  if (target.defaultBid != null) body.defaultBid = Number(target.defaultBid);
  if (target.bid != null) body.bid = Number(target.bid);
  const placementsChanged = Object.keys(PLACEMENTS).some((p) => target[p as EditField] !== undefined);
  if (target.biddingStrategy !== undefined || placementsChanged) {
    const placementBidding: Array<{ placement: string; percentage: number }> = Object.entries(PLACEMENTS).flatMap(([field, placement]) => {
      const value = target[field as EditField] !== undefined ? target[field as EditField] : current(row, field as EditField);
      return value === null || value === undefined ? [] : [{ placement, percentage: Number(value) }];
    });
    // Amazon replaces the placement list whole: the ones not edited are sent as they are.
    if (row.placementAmazonBusiness !== null) placementBidding.push({ placement: "SITE_AMAZON_BUSINESS", percentage: row.placementAmazonBusiness });
    body.dynamicBidding = { strategy: target.biddingStrategy ?? row.biddingStrategy ?? "LEGACY_FOR_SALES", placementBidding };
  }
  return body;
}

interface Planned {
  edit: EntityEdit;
  row: AdEntityRow;
  changes: Array<{ field: EditField; before: string | null; after: string | null }>;
  mutation: "update" | "archive";
}

/**
 * Edits pushed to Amazon at once (spec: "add and adjust advertising directly within our backend"). Each
 * entity's live settings are read first: a field Amazon changed since the seller loaded it is a conflict,
 * returned with the three values (loaded, theirs, Amazon's) and not pushed unless the seller chose to
 * overwrite. Amazon's per-item answer is kept per entity; every change, applied or failed, is a history row.
 */
export async function applyEntityEdits(
  db: Database,
  actor: { userId: string; organizationId: string },
  adProfileId: string,
  edits: EntityEdit[],
  options: { overwrite?: boolean } = {},
): Promise<EditResult[]> {
  if (!edits.length) throw new UserFacingError("bad_request", "Nothing to change.");
  if (edits.length > MAX_EDITS) throw new UserFacingError("bad_request", `At most ${MAX_EDITS} entities can be changed at once.`);
  for (const edit of edits) {
    const fields = editedFields(edit);
    if (!fields.length) throw new UserFacingError("bad_request", "An edit must change at least one setting.");
    const refused = fields.filter((f) => !EDITABLE[edit.kind].includes(f));
    if (refused.length) throw new UserFacingError("bad_request", `A ${edit.kind} has no ${refused.join(", ")} to change.`);
  }
  const { scope, currency } = await profileScope(db, actor.organizationId, adProfileId);
  const caller = { ...callerFor(db, scope), maxQuotaWaitMs: 10_000 };

  return amazonFailure(async () => {
    const live = await readLive(db, caller, scope, edits);
    const defaultBids = await adGroupDefaults(db, adProfileId, [...live.values()].map((r) => r.adGroupId));
    const results: EditResult[] = [];
    const planned: Planned[] = [];
    for (const edit of edits) {
      const row = live.get(keyOf(edit.kind, edit.entityId));
      if (!row) {
        results.push({ kind: edit.kind, entityId: edit.entityId, label: edit.entityId, status: "failed", message: "Amazon no longer has this entity." });
        continue;
      }
      const target = targetValues(edit, row, currency, (id) => (id ? (defaultBids.get(id) ?? null) : null));
      const label = entityLabel(row);
      const conflicts = editedFields(edit).flatMap((field): EditConflict[] => {
        if (!edit.loaded || !(field in edit.loaded)) return [];
        const loaded = edit.loaded[field] ?? null;
        return same(field, loaded, current(row, field)) ? [] : [{ field, loaded, yours: target[field] ?? null, amazon: current(row, field) }];
      });
      if (conflicts.length && !options.overwrite) {
        results.push({ kind: edit.kind, entityId: edit.entityId, label, status: "conflict", conflicts, message: "Changed in Seller Central since you loaded it." });
        continue;
      }
      const changes = editedFields(edit)
        .filter((field) => !same(field, current(row, field), target[field] ?? null))
        .map((field) => ({ field, before: current(row, field), after: target[field] ?? null }));
      if (!changes.length) {
        results.push({ kind: edit.kind, entityId: edit.entityId, label, status: "unchanged" });
        continue;
      }
      // Archiving is final on Amazon, and done by its own operation; other changes to the entity go with it.
      const archive = target.state === "ARCHIVED";
      planned.push({ edit, row, changes: archive ? changes.filter((c) => c.field === "state") : changes, mutation: archive ? "archive" : "update" });
    }
    for (const batch of batches(planned)) {
      const first = batch[0]!;
      const answer: MultiStatus =
        first.mutation === "archive"
          ? await mutateAdEntities(caller, scope.region, first.edit.kind, "archive", batch.map((p) => p.row.entityId))
          : await mutateAdEntities(caller, scope.region, first.edit.kind, "update", batch.map((p) => updateBody(p.edit.kind, p.row, Object.fromEntries(p.changes.map((c) => [c.field, c.after])))));
      results.push(...(await recordAnswer(db, caller, scope, actor, batch, answer)));
    }
    return results;
  });
}

/** Same kind and operation, at most Amazon's items per request. */
function batches(planned: Planned[]): Planned[][] {
  const groups = new Map<string, Planned[][]>();
  for (const p of planned) {
    const key = `${p.edit.kind}:${p.mutation}`;
    const list = groups.get(key) ?? [[]];
    if (list.at(-1)!.length >= MAX_ITEMS_PER_MUTATION) list.push([]);
    list.at(-1)!.push(p);
    groups.set(key, list);
  }
  return [...groups.values()].flat().filter((b) => b.length);
}

async function profileScope(db: Database, organizationId: string, adProfileId: string): Promise<{ scope: RunScope; currency: string }> {
  const resolved = await resolveScope(db, "ad_profile", organizationId, adProfileId);
  if ("skipped" in resolved) throw new UserFacingError("bad_request", resolved.skipped);
  const [profile] = await db.select({ currency: adProfiles.currencyCode }).from(adProfiles).where(and(eq(adProfiles.id, adProfileId), eq(adProfiles.organizationId, organizationId)));
  return { scope: resolved.scope, currency: profile!.currency };
}

/** Amazon's live values of the edited entities, stored on the way (a change made outside is history too). */
async function readLive(db: Database, caller: ReturnType<typeof callerFor>, scope: RunScope, edits: EntityEdit[]) {
  const live = new Map<string, AdEntityRow>();
  const kinds = [...new Set(edits.map((e) => e.kind))];
  for (const kind of kinds) {
    const ids = [...new Set(edits.filter((e) => e.kind === kind).map((e) => e.entityId))];
    const known = await db
      .select({ id: adEntities.entityId })
      .from(adEntities)
      .where(and(eq(adEntities.organizationId, scope.organizationId), eq(adEntities.adProfileId, scope.scopeId), eq(adEntities.kind, kind), inArray(adEntities.entityId, ids)));
    if (known.length !== ids.length) throw new UserFacingError("not_found", "Some of these entities are not in this ad profile.");
    const { rows } = await readByIds(caller, scope.region, kind, ids);
    await storeListedEntities(db, { organizationId: scope.organizationId, adProfileId: scope.scopeId }, rows, "settings");
    for (const row of rows) live.set(keyOf(kind, row.entityId), row);
  }
  return live;
}

async function adGroupDefaults(db: Database, adProfileId: string, adGroupIds: Array<string | null>) {
  const ids = [...new Set(adGroupIds.filter((id): id is string => id !== null))];
  if (!ids.length) return new Map<string, string | null>();
  const rows = await db
    .select({ id: adEntities.entityId, defaultBid: adEntities.defaultBid })
    .from(adEntities)
    .where(and(eq(adEntities.adProfileId, adProfileId), eq(adEntities.kind, "adGroup"), inArray(adEntities.entityId, ids)));
  return new Map(rows.map((r) => [r.id, r.defaultBid]));
}

/**
 * Amazon's 207 per entity: what it accepted is stored as Amazon now holds it and written to the history as
 * applied by the member; what it refused keeps the stored values and is written as failed, with its reason.
 */
async function recordAnswer(
  db: Database,
  caller: ReturnType<typeof callerFor>,
  scope: RunScope,
  actor: { userId: string; organizationId: string },
  batch: Planned[],
  answer: MultiStatus,
): Promise<EditResult[]> {
  const kind = batch[0]!.edit.kind;
  const target = { organizationId: scope.organizationId, adProfileId: scope.scopeId };
  const failed = new Map(answer.error.map((e) => [e.index, e.message]));
  const accepted = batch.filter((_, i) => !failed.has(i) && answer.success.some((s) => s.index === i));
  // What Amazon now holds is read back (one call per batch) rather than assumed from what was sent: Amazon
  // may round a bid or clamp a budget.
  const { rows } = accepted.length ? await readByIds(caller, scope.region, kind, accepted.map((p) => p.row.entityId)) : { rows: [] };
  const at = new Date();
  const history = batch.flatMap((p, i) =>
    p.changes.map((c) => ({
      organizationId: scope.organizationId,
      adProfileId: scope.scopeId,
      kind,
      entityId: p.row.entityId,
      entityLabel: entityLabel(p.row),
      campaignId: p.row.campaignId,
      field: c.field,
      before: c.before,
      after: c.after,
      source: "app" as const,
      userId: actor.userId,
      result: accepted.includes(p) ? ("applied" as const) : ("failed" as const),
      message: accepted.includes(p) ? null : (failed.get(i) ?? "Amazon did not answer for this entity."),
      at,
    })),
  );
  // The entity as Amazon now holds it and the history of the edit are written together.
  await db.transaction(async (tx) => {
    await storeListedEntities(tx, target, rows, "app-edit", at);
    if (history.length) await tx.insert(adChanges).values(history);
  });
  return batch.map((p, i): EditResult => {
    const ok = accepted.includes(p);
    return {
      kind,
      entityId: p.row.entityId,
      label: entityLabel(p.row),
      status: ok ? "applied" : "failed",
      changes: p.changes,
      ...(ok ? {} : { message: failed.get(i) ?? "Amazon did not answer for this entity." }),
    };
  });
}
