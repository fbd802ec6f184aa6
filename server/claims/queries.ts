import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "~/db/client";
import { CLAIM_KINDS, claimCaseEvents, claimCases, type ClaimEvidence, type ClaimKind } from "~/db/schema/claims";
import { storeMarketplaces, stores, users } from "~/db/schema";
import { listSyncState } from "~/server/lists/status";
import { addDays, localToday } from "~/server/sync/windows";
import { caseRows, toClaimRow, type CaseRowRecord, type ClaimRow } from "./case-rows";
import { evidenceText } from "./evidence-text";
import type { ClaimListFilters, ClaimScopeFilters } from "./input";
import { CLAIM_TABS, CLAIM_TAB_KEYS, DEFAULT_CLAIM_TAB, type ClaimSortKey, type ClaimTab } from "./tabs";
import { policyText } from "./policy";
import { canSubmit, CLAIM_STATUSES, lapsesOn, type ClaimStatus } from "./status";

/*
 * What the Claims page reads, every query filtered by the organization (from the session, never input).
 * A case's status depends on its marketplace's local day, so every query takes `now` (tests pass the day
 * they mean) and works out each marketplace's today in SQL.
 */

/** An amount in one currency: exact decimal text. */
export interface Money {
  currency: string;
  amount: string;
}

/** The calendar covers the deadlines of the next this many local days, today included. */
export const EXPIRING_DAYS = 30;

const SORT_SQL: Record<ClaimSortKey, SQL> = {
  deadline: sql`deadline`,
  atStake: sql`at_stake`,
  units: sql`units`,
  eventDay: sql`event_day`,
};

const statusList = (statuses: readonly ClaimStatus[]) => sql.join(statuses.map((s) => sql`${s}`), sql`, `);

/** The statuses a list shows: its tab's, narrowed to one when a status is chosen. */
function listedStatuses(f: ClaimListFilters): readonly ClaimStatus[] {
  const tab: readonly ClaimStatus[] = CLAIM_TABS[f.tab ?? DEFAULT_CLAIM_TAB].statuses;
  return f.status ? tab.filter((s) => s === f.status) : tab;
}

/** One page of the cases the filters select; by default the nearest deadline first (expiring soon on top). */
export async function claimList(db: Database, organizationId: string, f: ClaimListFilters & { page: number; pageSize: number }, now = new Date()) {
  const statuses = listedStatuses(f);
  if (!statuses.length) return { rows: [] as ClaimRow[], count: 0, page: f.page, pageSize: f.pageSize };
  const sort = SORT_SQL[f.sort ?? "deadline"];
  const dir = f.dir === "desc" ? sql`desc` : f.dir === "asc" || !f.sort || f.sort === "deadline" || f.sort === "eventDay" ? sql`asc` : sql`desc`;
  const rows = await db.execute<CaseRowRecord & { total_count: number }>(sql`
    select r.*, count(*) over ()::int as total_count
    from (${caseRows(organizationId, now, f)}) r
    where r.status in (${statusList(statuses)})
    order by ${sort} ${dir} nulls last, deadline asc, event_day asc, id asc
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { rows: rows.map(toClaimRow), count: rows[0]?.total_count ?? 0, page: f.page, pageSize: f.pageSize };
}

/** Every case the filters select, in the list's order, in batches (the CSV export). */
export async function* allClaimRows(db: Database, organizationId: string, f: ClaimListFilters, now = new Date(), batch = 1000) {
  for (let page = 1; ; page++) {
    const { rows } = await claimList(db, organizationId, { ...f, page, pageSize: batch }, now);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

interface Figures {
  cases: number;
  units: number;
  /** Amount at stake per currency, of the cases whose unit value is known. */
  atStake: Money[];
  /** Units of cases whose value is not known (no estimate of the unit's value yet). */
  unvaluedUnits: number;
}

const none = (): Figures => ({ cases: 0, units: 0, atStake: [], unvaluedUnits: 0 });

/** The tab a status is shown in, in SQL. */
const TAB_OF_STATUS = sql.raw(
  `case ${CLAIM_TAB_KEYS.flatMap((tab) => CLAIM_TABS[tab].statuses.map((s) => `when status = '${s}' then '${tab}'`)).join(" ")} end`,
);

/**
 * The page's header: per tab the cases, units and amount at stake per currency (Open: what can be filed
 * now), what Amazon reimbursed (recovered), per status the cases, and the open cases by kind. Sums stay
 * numeric in PostgreSQL; nothing is added up here but counts.
 */
export async function claimTotals(db: Database, organizationId: string, f: ClaimScopeFilters, now = new Date()) {
  const rows = await db.execute<{
    level: number;
    tab: ClaimTab | null;
    status: ClaimStatus | null;
    currency: string | null;
    cases: number;
    units: number;
    at_stake: string | null;
    unvalued_units: number;
    recovered: string | null;
  }>(sql`
    select grouping(tab, status, currency)::int as level, tab, status, currency,
      count(*)::int as cases, sum(units)::int as units, sum(at_stake)::text as at_stake,
      coalesce(sum(units) filter (where at_stake is null), 0)::int as unvalued_units,
      round(sum(reimbursed_amount) filter (where status = 'reimbursed'), 2)::text as recovered
    from (select r.*, ${TAB_OF_STATUS} as tab from (${caseRows(organizationId, now, f)}) r) t
    group by grouping sets ((tab, currency), (tab), (status))`);
  // grouping(tab, status, currency): 2 = per tab and currency, 3 = per tab, 5 = per status.
  const tabs = Object.fromEntries(CLAIM_TAB_KEYS.map((k) => [k, { ...none(), recovered: [] as Money[] }])) as Record<ClaimTab, Figures & { recovered: Money[] }>;
  const statuses = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, { cases: 0, units: 0 }])) as Record<ClaimStatus, { cases: number; units: number }>;
  for (const r of rows.toSorted((a, b) => (a.currency ?? "").localeCompare(b.currency ?? ""))) {
    if (r.level === 3) Object.assign(tabs[r.tab!], { cases: r.cases, units: r.units, unvaluedUnits: r.unvalued_units });
    if (r.level === 5) statuses[r.status!] = { cases: r.cases, units: r.units };
    if (r.level === 2 && r.currency) {
      if (r.at_stake !== null) tabs[r.tab!].atStake.push({ currency: r.currency, amount: r.at_stake });
      if (r.recovered !== null) tabs[r.tab!].recovered.push({ currency: r.currency, amount: r.recovered });
    }
  }
  return { tabs, statuses, openByKind: await openByKind(db, organizationId, f, now) };
}

/** The cases that can be filed now (open or lapsed), by kind, with their amount at stake per currency. */
async function openByKind(db: Database, organizationId: string, f: ClaimScopeFilters, now: Date) {
  const rows = await db.execute<{ level: number; kind: ClaimKind; currency: string | null; cases: number; units: number; at_stake: string | null; unvalued_units: number }>(sql`
    select grouping(kind, currency)::int as level, kind, currency, count(*)::int as cases, sum(units)::int as units,
      sum(at_stake)::text as at_stake, coalesce(sum(units) filter (where at_stake is null), 0)::int as unvalued_units
    from (${caseRows(organizationId, now, f)}) r
    where status in (${statusList(CLAIM_TABS.open.statuses)})
    group by grouping sets ((kind, currency), (kind))`);
  const byKind = Object.fromEntries(CLAIM_KINDS.map((k) => [k, none()])) as Record<ClaimKind, Figures>;
  for (const r of rows.toSorted((a, b) => (a.currency ?? "").localeCompare(b.currency ?? ""))) {
    if (r.level === 1) Object.assign(byKind[r.kind], { cases: r.cases, units: r.units, unvaluedUnits: r.unvalued_units });
    else if (r.currency && r.at_stake !== null) byKind[r.kind].atStake.push({ currency: r.currency, amount: r.at_stake });
  }
  return byKind;
}

/**
 * The claimable (open or lapsed) cases whose last day to file falls in the next 30 local days of their
 * marketplace (today included), by that day: the calendar of what expires soon. Its days run from the
 * earliest today among the organization's marketplaces to 29 days after the latest, every day listed.
 */
export async function expiringCalendar(db: Database, organizationId: string, f: ClaimScopeFilters, now = new Date()) {
  const zones = await db
    .selectDistinct({ timeZone: storeMarketplaces.timeZone })
    .from(storeMarketplaces)
    .where(eq(storeMarketplaces.organizationId, organizationId));
  const todays = (zones.length ? zones.map((z) => localToday(z.timeZone, now)) : [localToday("UTC", now)]).sort();
  const last = addDays(todays.at(-1)!, EXPIRING_DAYS - 1);
  const rows = await db.execute<{ day: string; currency: string | null; cases: number; units: number; at_stake: string | null }>(sql`
    select deadline as day, currency, count(*)::int as cases, sum(units)::int as units, sum(at_stake)::text as at_stake
    from (${caseRows(organizationId, now, f)}) r
    where status in (${statusList(CLAIM_TABS.open.statuses)}) and days_left >= 0 and days_left < ${EXPIRING_DAYS}
    group by deadline, currency
    order by deadline, currency nulls last`);
  const days = [];
  for (let day = todays[0]!; day <= last; day = addDays(day, 1)) {
    const ofDay = rows.filter((r) => r.day === day);
    days.push({
      day,
      cases: ofDay.reduce((n, r) => n + r.cases, 0),
      units: ofDay.reduce((n, r) => n + r.units, 0),
      atStake: ofDay.flatMap((r) => (r.currency && r.at_stake !== null ? [{ currency: r.currency, amount: r.at_stake }] : [])),
    });
  }
  return days;
}

/** The marketplaces a case can be filtered by: those the organization sells in, and any its cases name. */
export async function claimMarketplaces(db: Database, organizationId: string) {
  return db
    .select({ id: storeMarketplaces.id, countryCode: storeMarketplaces.countryCode, name: storeMarketplaces.name, store: stores.name })
    .from(storeMarketplaces)
    .innerJoin(stores, eq(stores.id, storeMarketplaces.storeId))
    .where(
      and(
        eq(storeMarketplaces.organizationId, organizationId),
        or(
          eq(storeMarketplaces.isParticipating, true),
          sql`exists (select 1 from ${claimCases} c where c.organization_id = ${organizationId} and c.store_marketplace_id = ${storeMarketplaces.id})`,
        ),
      ),
    )
    .orderBy(asc(stores.name), asc(storeMarketplaces.countryCode));
}

/**
 * Everything the page shows above its list: totals, the calendar, the marketplaces to filter by, and
 * whether the analysis has run and found anything (for an honest empty state).
 */
export async function claimsOverview(db: Database, organizationId: string, f: ClaimScopeFilters, now = new Date()) {
  const [totals, calendar, marketplaces, analysis, [all]] = await Promise.all([
    claimTotals(db, organizationId, f, now),
    expiringCalendar(db, organizationId, f, now),
    claimMarketplaces(db, organizationId),
    listSyncState(db, organizationId, "claims"),
    db.select({ cases: sql<number>`count(*)::int` }).from(claimCases).where(eq(claimCases.organizationId, organizationId)),
  ]);
  return { totals, calendar, marketplaces, analysis, casesFound: all?.cases ?? 0 };
}

/**
 * One case with its evidence, the policy behind its window, its transitions (newest first, with the
 * member who acted) and what the seller can do now; null when the organization has no such case.
 */
export async function claimDetail(db: Database, organizationId: string, caseId: string, now = new Date()) {
  const [found] = await db.execute<CaseRowRecord & { evidence: ClaimEvidence[]; analyzed_at: string; submitted_by_name: string | null }>(sql`
    select r.*, c.evidence, to_json(c.analyzed_at) #>> '{}' as analyzed_at, u.name as submitted_by_name
    from (${caseRows(organizationId, now, {}, caseId)}) r
    join ${claimCases} c on c.id = r.id and c.organization_id = ${organizationId}
    left join ${users} u on u.id = c.submitted_by`);
  if (!found) return null;
  const row = toClaimRow(found);
  const events = await db
    .select({ id: claimCaseEvents.id, at: claimCaseEvents.at, transition: claimCaseEvents.transition, detail: claimCaseEvents.detail, actor: users.name })
    .from(claimCaseEvents)
    .leftJoin(users, eq(users.id, claimCaseEvents.actorUserId))
    .where(and(eq(claimCaseEvents.organizationId, organizationId), eq(claimCaseEvents.claimCaseId, caseId)))
    .orderBy(desc(claimCaseEvents.at), desc(claimCaseEvents.id));
  const lapsedSubmission = row.status === "lapsed" && row.submittedOn ? { amazonCaseId: row.amazonCaseId, submittedOn: row.submittedOn } : null;
  return {
    ...row,
    evidence: found.evidence,
    analyzedAt: new Date(found.analyzed_at),
    submittedBy: found.submitted_by_name,
    lapsesOn: row.submittedOn ? lapsesOn(row.submittedOn) : null,
    canSubmit: canSubmit(row.status),
    policy: policyText(row.kind, row.region),
    evidenceText: evidenceText({ ...row, lapsedSubmission }, found.evidence),
    events,
  };
}
