import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adChanges, users } from "~/db/schema";
import type { HistoryFilters } from "./history-input";
import { ownedProfile } from "./queries";

function where(organizationId: string, f: HistoryFilters): SQL {
  return and(
    eq(adChanges.organizationId, organizationId),
    eq(adChanges.adProfileId, f.adProfileId),
    f.kind ? eq(adChanges.kind, f.kind) : undefined,
    f.source ? eq(adChanges.source, f.source) : undefined,
    f.field ? eq(adChanges.field, f.field) : undefined,
  )!;
}

const columns = {
  id: adChanges.id,
  at: adChanges.at,
  // The instant with its microseconds (a Date keeps milliseconds): the export's cursor must not round two
  // changes of one millisecond together.
  cursor: sql<string>`to_char(${adChanges.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  kind: adChanges.kind,
  entityId: adChanges.entityId,
  entityLabel: adChanges.entityLabel,
  campaignId: adChanges.campaignId,
  field: adChanges.field,
  before: adChanges.before,
  after: adChanges.after,
  source: adChanges.source,
  result: adChanges.result,
  message: adChanges.message,
  userName: users.name,
};

function select(db: Database, organizationId: string, f: HistoryFilters, after?: { at: string; id: string }) {
  return db
    .select(columns)
    .from(adChanges)
    // A member who made a change and has since left is still named (users are never deleted with a membership).
    .leftJoin(users, eq(users.id, adChanges.userId))
    .where(and(where(organizationId, f), after ? sql`(${adChanges.at}, ${adChanges.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined))
    .orderBy(desc(adChanges.at), desc(adChanges.id));
}

export type HistoryRow = Awaited<ReturnType<typeof select>>[number];

/** One page of an ad profile's change history, newest first, for the caller's organization only. */
export async function changeHistory(db: Database, organizationId: string, f: HistoryFilters & { page: number; pageSize: number }) {
  const profile = await ownedProfile(db, organizationId, f.adProfileId);
  const rows = await select(db, organizationId, f)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: count() }).from(adChanges).where(where(organizationId, f));
  return { profile, rows, count: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/**
 * Every change the filters select, newest first, in batches that follow the last row seen (not an offset),
 * so changes a sync records while the export streams never shift it.
 */
export async function* allHistoryRows(db: Database, organizationId: string, f: HistoryFilters, batch = 1000) {
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const rows = await select(db, organizationId, f, after).limit(batch);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { at: last.cursor, id: last.id };
  }
}
