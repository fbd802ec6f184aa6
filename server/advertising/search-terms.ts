import { sql, type SQL } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adEntities, adSearchTermDaily, type AdEntityKind, type AdTargetingPredicate } from "~/db/schema";
import { entityLabel } from "./entities/label";
import { metricSorts, ratioColumns, type Metrics } from "./metrics-sql";
import { daysOfRange, ownedProfile } from "./queries";
import type { SearchTermFilters, SearchTermInput } from "./search-term-input";
import type { SearchTermSortKey } from "./search-term-vocabulary";

const t = adSearchTermDaily;

/**
 * Every search term of the range with the keyword or target it matched, per that keyword or target (the
 * report's grain: one term matched by two keywords is two rows, each with its own ad group to act in), the
 * sums of its performance, the names of what it matched when synced, and whether the term is already a
 * keyword (or, an ASIN, a product target) of its ad group or a negative of its ad group or campaign. The filters on sums apply after grouping.
 */
function termRows(organizationId: string, profileId: string, range: { from: string; to: string }, f: SearchTermFilters): SQL {
  const like = f.search ? `%${f.search.replace(/[%_\\]/g, "\\$&")}%` : null;
  // The synced entity an id of the report names, of this profile only.
  const entity = (alias: "k" | "c" | "g", kinds: AdEntityKind[], id: "m.target_id" | "m.campaign_id" | "m.ad_group_id") => {
    const a = sql.raw(alias);
    return sql`${a}.organization_id = ${organizationId} and ${a}.ad_profile_id = ${profileId}
      and ${a}.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)}) and ${a}.entity_id = ${sql.raw(id)}`;
  };
  const having = [
    f.minClicks !== undefined ? sql`m.clicks >= ${f.minClicks}` : null,
    f.orders === "with" ? sql`m.orders > 0` : f.orders === "without" ? sql`m.orders = 0` : null,
  ].filter((c): c is SQL => c !== null);
  return sql`
    with m as (
      select ${t.targetId} as target_id, ${t.searchTerm} as search_term, ${t.campaignId} as campaign_id, ${t.adGroupId} as ad_group_id,
        sum(${t.impressions}) as impressions, sum(${t.clicks}) as clicks, sum(${t.cost}) as spend,
        sum(${t.sales7d}) as sales, sum(${t.purchases7d}) as orders
      from ${t}
      where ${t.organizationId} = ${organizationId} and ${t.adProfileId} = ${profileId} and ${t.day} between ${range.from} and ${range.to}
        ${like ? sql`and ${t.searchTerm} ilike ${like}` : sql``}
      group by ${t.targetId}, ${t.searchTerm}, ${t.campaignId}, ${t.adGroupId}
    )
    select m.*, k.kind as target_kind, k.keyword_text, k.expression, k.match_type, k.expression_type,
      c.name as campaign_name, c.targeting_type, g.name as ad_group_name, g.entity_id is not null as ad_group_synced,
      exists (
        select 1 from ${adEntities} x
        where x.organization_id = ${organizationId} and x.ad_profile_id = ${profileId} and x.campaign_id = m.campaign_id
          and x.state <> 'ARCHIVED' and x.ad_group_id = m.ad_group_id
          and ((x.kind = 'keyword' and lower(x.keyword_text) = lower(m.search_term))
            or (x.kind = 'target' and upper(x.expression -> 0 ->> 'value') = upper(m.search_term)))
      ) as is_keyword,
      exists (
        select 1 from ${adEntities} x
        where x.organization_id = ${organizationId} and x.ad_profile_id = ${profileId} and x.campaign_id = m.campaign_id and x.state <> 'ARCHIVED'
          and (x.kind = 'campaignNegativeKeyword' or (x.kind = 'negativeKeyword' and x.ad_group_id = m.ad_group_id)
            or x.kind = 'campaignNegativeTarget' or (x.kind = 'negativeTarget' and x.ad_group_id = m.ad_group_id))
          and (lower(x.keyword_text) = lower(m.search_term) or upper(x.expression -> 0 ->> 'value') = upper(m.search_term))
      ) as is_negative
    from m
    left join ${adEntities} k on ${entity("k", ["keyword", "target"], "m.target_id")}
    left join ${adEntities} c on ${entity("c", ["campaign"], "m.campaign_id")}
    left join ${adEntities} g on ${entity("g", ["adGroup"], "m.ad_group_id")}
    ${having.length ? sql`where ${sql.join(having, sql` and `)}` : sql``}`;
}

/** Each sort key's expression over a row of `termRows` (alias `v`); a ratio sorts by its value, not its text. */
const SORT: Record<SearchTermSortKey, SQL> = {
  searchTerm: sql`v.search_term`,
  ...metricSorts("v"),
};

function ordering(f: SearchTermFilters): SQL {
  const sort = f.sort ?? "spend";
  // Numbers read best largest first, a term from A; an explicit direction wins.
  const dir = f.dir ?? (sort === "searchTerm" ? "asc" : "desc");
  return sql`${SORT[sort]} ${sql.raw(dir)} nulls last, v.search_term asc, v.target_id asc`;
}

const PAGE_COLUMNS = sql`v.search_term, v.target_id, v.campaign_id, v.ad_group_id, v.target_kind, v.keyword_text, v.expression, v.match_type,
  v.expression_type, v.campaign_name, v.targeting_type, v.ad_group_name, v.ad_group_synced, v.is_keyword, v.is_negative,
  v.impressions::text, v.clicks::text, v.spend::text, v.sales::text, v.orders::text, ${ratioColumns("v")}`;

interface TermRecord extends Metrics, Record<string, unknown> {
  search_term: string;
  target_id: string;
  campaign_id: string;
  ad_group_id: string;
  target_kind: AdEntityKind | null;
  keyword_text: string | null;
  expression: AdTargetingPredicate[] | null;
  match_type: string | null;
  expression_type: string | null;
  campaign_name: string | null;
  targeting_type: string | null;
  ad_group_name: string | null;
  ad_group_synced: boolean;
  is_keyword: boolean;
  is_negative: boolean;
}

/** One row of the Search terms tab: a customer's search, what it matched, and the range's performance. */
export interface SearchTermRow extends Metrics {
  searchTerm: string;
  /** The keyword or target it matched (Amazon's keywordId). */
  targetId: string;
  targetKind: "keyword" | "target" | null;
  /** The keyword's text or the target's expression; its id while it is not synced. */
  targetLabel: string;
  /** A keyword's match type; a target's expression type (automatic or manual). */
  matchType: string | null;
  expressionType: string | null;
  campaignId: string;
  campaignName: string | null;
  /** The campaign's targeting (AUTO or MANUAL): keywords are added only to manual campaigns' ad groups. */
  targetingType: string | null;
  adGroupId: string;
  adGroupName: string | null;
  /** Its ad group is synced: only then can keywords or negatives be created in it. */
  adGroupSynced: boolean;
  /** Already a keyword of its ad group (in any match type), or for an ASIN a product target of it. */
  isKeyword: boolean;
  /** Already negated in its ad group or its campaign (exact or phrase; an ASIN as a negative product target). */
  isNegative: boolean;
}

function toRow(r: TermRecord): SearchTermRow {
  const synced = r.target_kind === "keyword" || r.target_kind === "target";
  return {
    searchTerm: r.search_term,
    targetId: r.target_id,
    targetKind: synced ? (r.target_kind as "keyword" | "target") : null,
    targetLabel: synced ? entityLabel({ name: null, keywordText: r.keyword_text, expression: r.expression, sku: null, asin: null, entityId: r.target_id }) : r.target_id,
    matchType: r.match_type,
    expressionType: r.expression_type,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    targetingType: r.targeting_type,
    adGroupId: r.ad_group_id,
    adGroupName: r.ad_group_name,
    adGroupSynced: r.ad_group_synced,
    isKeyword: r.is_keyword,
    isNegative: r.is_negative,
    impressions: r.impressions,
    clicks: r.clicks,
    spend: r.spend,
    sales: r.sales,
    orders: r.orders,
    ctr: r.ctr,
    cpc: r.cpc,
    acos: r.acos,
    roas: r.roas,
    cvr: r.cvr,
  };
}

/**
 * One page of an ad profile's search terms (of the caller's organization only) for a range of its local
 * days, with the count and totals of every row the filters select.
 */
export async function searchTermList(db: Database, organizationId: string, f: SearchTermInput) {
  const profile = await ownedProfile(db, organizationId, f.adProfileId);
  const range = daysOfRange(f, profile.timeZone);
  const rows = termRows(organizationId, profile.id, range, f);
  const page = await db.execute<TermRecord>(sql`
    with v as (${rows})
    select ${PAGE_COLUMNS} from v
    order by ${ordering(f)}
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const [totals] = await db.execute<Metrics & { count: number } & Record<string, unknown>>(sql`
    with v as (${rows}),
    s as (
      select count(*)::int as count, coalesce(sum(v.impressions), 0) as impressions, coalesce(sum(v.clicks), 0) as clicks,
        coalesce(sum(v.spend), 0) as spend, coalesce(sum(v.sales), 0) as sales, coalesce(sum(v.orders), 0) as orders
      from v
    )
    select s.count, s.impressions::text, s.clicks::text, s.spend::text, s.sales::text, s.orders::text, ${ratioColumns("s")} from s`);
  const { count, ...sums } = totals!;
  return { profile, range, rows: page.map(toRow), count, totals: sums as Metrics, page: f.page, pageSize: f.pageSize };
}

export type SearchTermPage = Awaited<ReturnType<typeof searchTermList>>;

/**
 * Every row the filters select for the export, in the page's order, in batches (memory stays flat). The
 * caller has checked the profile; the organization still narrows every row.
 */
export async function* allSearchTermRows(
  db: Database,
  organizationId: string,
  profileId: string,
  f: SearchTermFilters & { from: string; to: string },
  batch = 2000,
): AsyncGenerator<SearchTermRow[]> {
  const rows = termRows(organizationId, profileId, { from: f.from, to: f.to }, f);
  for (let offset = 0; ; offset += batch) {
    const page = await db.execute<TermRecord>(sql`with v as (${rows}) select ${PAGE_COLUMNS} from v order by ${ordering(f)} limit ${batch} offset ${offset}`);
    if (page.length) yield page.map(toRow);
    if (page.length < batch) return;
  }
}
