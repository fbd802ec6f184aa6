import { sql, type SQL } from "drizzle-orm";
import type { ClaimKind, ClaimResolution } from "~/db/schema/claims";
import { claimCases, storeMarketplaces, stores } from "~/db/schema";
import type { ClaimRegion } from "./policy";
import { LAPSE_DAYS } from "./policy";
import type { ClaimScopeFilters } from "./input";
import type { ClaimStatus } from "./status";

/*
 * Every case of an organization with where it stands on its marketplace's own local day: `claimStatus`
 * (status.ts) spelled in SQL, so tabs, filters, totals and the sort by deadline run in PostgreSQL over every
 * case rather than over one page. queries.test.ts holds the two to the same answers.
 *
 * Money stays numeric: the amount at stake of a case is its units × the unit's value, rounded to the cent
 * once per case, so a page's rows add up to its totals exactly.
 */

/** The statuses in the SQL below, the same rules as `claimStatus`. */
const STATUS = sql`case
    when c.resolution = 'reimbursed' then 'reimbursed'
    when c.resolution is not null then 'resolved'
    when c.submitted_on is not null and d.today < c.submitted_on::date + ${LAPSE_DAYS}::int then 'submitted'
    when c.submitted_on is null and d.today < c.eligible_from::date then 'waiting'
    when d.today > c.deadline::date then 'expired'
    when c.submitted_on is not null then 'lapsed'
    else 'open'
  end`;

/**
 * The organization's cases the scope filters select, one row each (columns as `CaseRow`), `today` being the
 * local day of `now` in each case's marketplace.
 */
export function caseRows(organizationId: string, now: Date, f: ClaimScopeFilters, caseId?: string): SQL {
  const like = f.search ? `%${f.search.replace(/[%_\\]/g, "\\$&")}%` : null;
  return sql`
    select c.id, c.kind, c.store_marketplace_id, m.country_code, m.name as marketplace_name, m.time_zone,
      st.region, st.name as store_name, c.source_ref, c.sku, c.fnsku, c.asin, c.title, c.units,
      c.event_day, c.eligible_from, c.deadline, c.currency, c.unit_value, c.value_basis,
      round(c.units * c.unit_value, 2) as at_stake,
      c.resolution, c.reimbursement_id, c.reimbursed_amount, c.amazon_case_id, c.submitted_on, c.submissions,
      to_char(d.today, 'YYYY-MM-DD') as today, ${STATUS} as status,
      (c.deadline::date - d.today) as days_left
    from ${claimCases} c
    join ${storeMarketplaces} m on m.id = c.store_marketplace_id and m.organization_id = ${organizationId}
    join ${stores} st on st.id = c.store_id and st.organization_id = ${organizationId}
    cross join lateral (select (${now.toISOString()}::timestamptz at time zone m.time_zone)::date as today) d
    where c.organization_id = ${organizationId}
      ${caseId ? sql`and c.id = ${caseId}` : sql``}
      ${f.scopeId ? sql`and c.store_marketplace_id = ${f.scopeId}` : sql``}
      ${f.kind ? sql`and c.kind = ${f.kind}` : sql``}
      ${like
        ? sql`and (c.sku ilike ${like} or c.fnsku ilike ${like} or c.asin ilike ${like} or c.title ilike ${like}
            or c.source_ref ilike ${like} or c.amazon_case_id ilike ${like})`
        : sql``}`;
}

/** A row of `caseRows` as PostgreSQL returns it (numeric as text). */
export interface CaseRowRecord extends Record<string, unknown> {
  id: string;
  kind: ClaimKind;
  store_marketplace_id: string;
  country_code: string;
  marketplace_name: string;
  time_zone: string;
  region: ClaimRegion;
  store_name: string;
  source_ref: string;
  sku: string | null;
  fnsku: string | null;
  asin: string | null;
  title: string | null;
  units: number;
  event_day: string;
  eligible_from: string;
  deadline: string;
  currency: string | null;
  unit_value: string | null;
  value_basis: string | null;
  at_stake: string | null;
  resolution: ClaimResolution | null;
  reimbursement_id: string | null;
  reimbursed_amount: string | null;
  amazon_case_id: string | null;
  submitted_on: string | null;
  submissions: number;
  today: string;
  status: ClaimStatus;
  days_left: number;
}

/** One case as the list, the detail and the export show it. */
export interface ClaimRow {
  id: string;
  kind: ClaimKind;
  storeMarketplaceId: string;
  marketplace: string;
  marketplaceName: string;
  timeZone: string;
  region: ClaimRegion;
  store: string;
  sourceRef: string;
  sku: string | null;
  fnsku: string | null;
  asin: string | null;
  title: string | null;
  units: number;
  eventDay: string;
  eligibleFrom: string;
  deadline: string;
  /** Days from the marketplace's today to the deadline (negative once it passed). */
  daysLeft: number;
  currency: string | null;
  unitValue: string | null;
  valueBasis: string | null;
  /** units × unit value, to the cent; null when the unit's value is not known. */
  atStake: string | null;
  /** How Amazon settled the units, if it did. */
  resolution: ClaimResolution | null;
  reimbursementId: string | null;
  reimbursedAmount: string | null;
  amazonCaseId: string | null;
  submittedOn: string | null;
  submissions: number;
  today: string;
  status: ClaimStatus;
}

export function toClaimRow(r: CaseRowRecord): ClaimRow {
  return {
    id: r.id,
    kind: r.kind,
    storeMarketplaceId: r.store_marketplace_id,
    marketplace: r.country_code,
    marketplaceName: r.marketplace_name,
    timeZone: r.time_zone,
    region: r.region,
    store: r.store_name,
    sourceRef: r.source_ref,
    sku: r.sku,
    fnsku: r.fnsku,
    asin: r.asin,
    title: r.title,
    units: r.units,
    eventDay: r.event_day,
    eligibleFrom: r.eligible_from,
    deadline: r.deadline,
    daysLeft: r.days_left,
    currency: r.currency,
    unitValue: r.unit_value,
    valueBasis: r.value_basis,
    atStake: r.at_stake,
    resolution: r.resolution,
    reimbursementId: r.reimbursement_id,
    reimbursedAmount: r.reimbursed_amount,
    amazonCaseId: r.amazon_case_id,
    submittedOn: r.submitted_on,
    submissions: r.submissions,
    today: r.today,
    status: r.status,
  };
}
