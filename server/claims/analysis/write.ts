import type postgres from "postgres";
import { localToday } from "~/server/sync/windows";
import { lapsesOn } from "../status";
import type { AnalysisMarketplace, CaseDraft } from "./types";

const TRANSITION: Record<string, string> = { reimbursed: "reimbursed", found: "found_by_amazon", returned: "returned", received: "received" };

/** The analysis columns, in the order they are compared and written. */
const FIELDS = [
  "sku", "fnsku", "asin", "title", "units", "event_at", "event_day", "eligible_from", "deadline", "currency", "unit_value", "value_basis",
  "evidence", "resolution", "resolved_at", "reimbursement_id", "reimbursed_amount",
] as const;

function values(d: CaseDraft): unknown[] {
  return [d.sku, d.fnsku, d.asin, d.title, d.units, d.eventAt, d.eventDay, d.eligibleFrom, d.deadline, d.currency, d.unitValue, d.valueBasis,
    JSON.stringify(d.evidence), d.resolution, d.resolvedAt, d.reimbursementId, d.reimbursedAmount];
}

export interface WriteResult {
  found: number;
  changed: number;
  settled: number;
  lapsed: number;
}

/**
 * Writes a store's cases in one transaction: new cases still owed are inserted (a loss Amazon settled before
 * it could be claimed is no case), known ones updated only where the analysis changed, and every transition
 * recorded — found, settled by Amazon, and submissions that went 30 days unanswered (lapsed). The seller's
 * columns are never written here. A second run over the same data changes nothing.
 */
export async function writeCases(sql: postgres.Sql, scope: { organizationId: string; storeId: string }, marketplaces: AnalysisMarketplace[], drafts: CaseDraft[], now: Date): Promise<WriteResult> {
  return sql.begin(async (tx) => {
    // Two marketplaces' runs of one store analyse it one after the other.
    await tx`select pg_advisory_xact_lock(hashtext('claim_cases'), hashtext(${scope.storeId}))`;
    const stage = `claim_drafts`;
    await tx.unsafe(`create temp table ${stage} (store_marketplace_id uuid, kind text, source_ref text, sku text, fnsku text, asin text, title text, units int,
      event_at timestamptz, event_day text, eligible_from text, deadline text, currency text, unit_value numeric(18,4), value_basis text, evidence jsonb,
      resolution text, resolved_at timestamptz, reimbursement_id text, reimbursed_amount numeric(18,4)) on commit drop`);
    for (let i = 0; i < drafts.length; i += 1000) {
      const batch = drafts.slice(i, i + 1000);
      const cols = 3 + FIELDS.length;
      const params = batch.flatMap((d) => [d.storeMarketplaceId, d.kind, d.sourceRef, ...values(d)]);
      const rows = batch.map((_, r) => `(${Array.from({ length: cols }, (_, c) => `$${String(r * cols + c + 1)}`).join(", ")})`).join(", ");
      await tx.unsafe(`insert into ${stage} values ${rows}`, params as never[]);
    }
    const list = FIELDS.join(", ");
    const changed = await tx.unsafe<Array<{ id: string; before: string | null; after: string | null }>>(
      `with old as (select c.id, c.resolution from claim_cases c join ${stage} d using (store_marketplace_id, kind, source_ref) where c.store_id = $1)
       update claim_cases c set (${list}, analyzed_at) = (${FIELDS.map((f) => `d.${f}`).join(", ")}, $2)
       from ${stage} d, old where old.id = c.id and c.store_marketplace_id = d.store_marketplace_id and c.kind = d.kind and c.source_ref = d.source_ref
         and (${FIELDS.map((f) => `c.${f}`).join(", ")}) is distinct from (${FIELDS.map((f) => `d.${f}`).join(", ")})
       returning c.id, old.resolution as before, c.resolution as after`,
      [scope.storeId, now.toISOString()],
    );
    const inserted = await tx.unsafe<Array<{ id: string }>>(
      `insert into claim_cases (organization_id, store_id, store_marketplace_id, kind, source_ref, ${list}, analyzed_at)
       select $1, $2, d.store_marketplace_id, d.kind, d.source_ref, ${FIELDS.map((f) => `d.${f}`).join(", ")}, $3 from ${stage} d
       where d.resolution is null
       on conflict (store_marketplace_id, kind, source_ref) do nothing
       returning id`,
      [scope.organizationId, scope.storeId, now.toISOString()],
    );
    const settled = changed.filter((c) => c.after && c.before !== c.after);
    const events: Array<[string, string, string]> = [
      ...inserted.map((c): [string, string, string] => [c.id, "found", "{}"]),
      ...settled.map((c): [string, string, string] => [c.id, TRANSITION[c.after!] ?? "reimbursed", JSON.stringify({ resolution: c.after })]),
    ];

    // Submissions Amazon has not answered within 30 days lapse (spec ③), each on its marketplace's own day.
    const open = await tx<Array<{ id: string; store_marketplace_id: string; submitted_on: string; amazon_case_id: string | null }>>`
      select id, store_marketplace_id, submitted_on, amazon_case_id from claim_cases
      where store_id = ${scope.storeId} and submitted_on is not null and resolution is null and lapsed_at is null`;
    const zone = new Map(marketplaces.map((m) => [m.id, m.timeZone]));
    const lapsing = open.filter((c) => lapsesOn(c.submitted_on) <= localToday(zone.get(c.store_marketplace_id) ?? "UTC", now));
    if (lapsing.length) {
      await tx`update claim_cases set lapsed_at = ${now.toISOString()} where id = any(${lapsing.map((c) => c.id)}::uuid[])`;
      for (const c of lapsing) events.push([c.id, "lapsed", JSON.stringify({ submittedOn: c.submitted_on, amazonCaseId: c.amazon_case_id })]);
    }
    if (events.length)
      await tx.unsafe(
        `insert into claim_case_events (organization_id, claim_case_id, at, transition, detail)
         select $1, e.id, $2, e.transition, e.detail from unnest($3::uuid[], $4::text[], $5::jsonb[]) as e(id, transition, detail)`,
        [scope.organizationId, now.toISOString(), events.map((e) => e[0]), events.map((e) => e[1]), events.map((e) => e[2])] as never[],
      );
    return { found: inserted.length, changed: changed.length, settled: settled.length, lapsed: lapsing.length };
  });
}
