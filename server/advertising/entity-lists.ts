import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "~/db/client";
import { adCampaignDaily, adEntities, adGroupDaily, adProductDaily, adTargetDaily, type AdEntityKind, type AdEntityState, type AdTargetingPredicate } from "~/db/schema";
import { entityLabel } from "./entities/label";
import type { EntityListInput } from "./entity-list-input";
import { metricSorts, NO_SUMS, ratioColumns, reportSums, SUMS_OR_ZERO, type Metrics } from "./metrics-sql";
import { daysOfRange, ownedProfile } from "./queries";
import type { EntityListKey, EntitySortKey } from "./vocabulary";

type DailyTable = typeof adCampaignDaily | typeof adGroupDaily | typeof adTargetDaily | typeof adProductDaily;

/** Where a list's performance comes from: a daily report table, keyed by the entity's id. */
interface ReportSource {
  table: DailyTable;
  id: PgColumn;
  /** What the report calls the entity (its latest name, targeting or SKU in the range). */
  label: PgColumn;
  adGroupId: PgColumn | null;
  matchType: SQL | null;
  sku: PgColumn | null;
  asin: PgColumn | null;
}

interface ListSpec {
  kinds: AdEntityKind[];
  report: ReportSource | null;
  defaultSort: EntitySortKey;
}

const LISTS: Record<EntityListKey, ListSpec> = {
  campaigns: {
    kinds: ["campaign"],
    report: { table: adCampaignDaily, id: adCampaignDaily.campaignId, label: adCampaignDaily.campaignName, adGroupId: null, matchType: null, sku: null, asin: null },
    defaultSort: "spend",
  },
  adGroups: {
    kinds: ["adGroup"],
    report: { table: adGroupDaily, id: adGroupDaily.adGroupId, label: adGroupDaily.adGroupName, adGroupId: adGroupDaily.adGroupId, matchType: null, sku: null, asin: null },
    defaultSort: "spend",
  },
  // The targeting report's keywordId is a keyword's or a target's: both kinds are one list.
  targets: {
    kinds: ["keyword", "target"],
    report: {
      table: adTargetDaily,
      id: adTargetDaily.targetId,
      label: adTargetDaily.targeting,
      adGroupId: adTargetDaily.adGroupId,
      matchType: sql`coalesce(${adTargetDaily.matchType}, ${adTargetDaily.keywordType})`,
      sku: null,
      asin: null,
    },
    defaultSort: "spend",
  },
  products: {
    kinds: ["productAd"],
    report: { table: adProductDaily, id: adProductDaily.adId, label: adProductDaily.sku, adGroupId: adProductDaily.adGroupId, matchType: null, sku: adProductDaily.sku, asin: adProductDaily.asin },
    defaultSort: "spend",
  },
  negatives: {
    kinds: ["negativeKeyword", "negativeTarget", "campaignNegativeKeyword", "campaignNegativeTarget"],
    report: null,
    defaultSort: "name",
  },
};

/** The report row's latest value of a column in the range (names change; the newest is what Amazon calls it now). */
const latest = (t: DailyTable, column: PgColumn | SQL) => sql`(array_agg(${column} order by ${t.day} desc))[1]`;

/** The range's performance per entity id, with what the report says of an entity the product does not know yet. */
function reportRows(spec: ListSpec, organizationId: string, profileId: string, range: { from: string; to: string }, f: EntityListInput): SQL {
  const r = spec.report;
  if (!r) return sql`select null::text as id, null::text as label, null::text as campaign_id, null::text as ad_group_id,
    null::text as match_type, null::text as sku, null::text as asin, ${NO_SUMS} where false`;
  const t = r.table;
  const text = (column: PgColumn | SQL | null) => (column ? latest(t, column) : sql`null::text`);
  // The campaign report has no ad group: a list narrowed to an ad group finds none of its rows.
  const adGroupFilter = f.adGroupId ? (r.adGroupId ? sql`and ${r.adGroupId} = ${f.adGroupId}` : sql`and false`) : sql``;
  return sql`
    select ${r.id} as id, ${latest(t, r.label)} as label, ${latest(t, t.campaignId)} as campaign_id, ${text(r.adGroupId)} as ad_group_id,
      ${text(r.matchType)} as match_type, ${text(r.sku)} as sku, ${text(r.asin)} as asin, ${reportSums(t)}
    from ${t}
    where ${t.organizationId} = ${organizationId} and ${t.adProfileId} = ${profileId} and ${t.day} between ${range.from} and ${range.to}
      ${f.campaignId ? sql`and ${t.campaignId} = ${f.campaignId}` : sql``} ${adGroupFilter}
    group by ${r.id}`;
}

/**
 * Every entity of the list's kinds beside the range's performance, plus performance rows whose entity is
 * not synced yet (so nothing that spent money disappears), each with its campaign's and ad group's names,
 * the ad group's default bid, whether the filters show it (`visible`) and a label to search and sort by.
 */
function listRows(spec: ListSpec, organizationId: string, profileId: string, range: { from: string; to: string }, f: EntityListInput): SQL {
  const like = f.search ? `%${f.search.replace(/[%_\\]/g, "\\$&")}%` : null;
  // A row the report shows before its entity is synced is a keyword when the report gives it a match type.
  const keyword = sql`(case when r.synced then r.kind = 'keyword' else coalesce(r.match_type in ('BROAD', 'PHRASE', 'EXACT'), false) end)`;
  const targeting = f.targeting === "keywords" ? sql` and ${keyword}` : f.targeting === "targets" ? sql` and not ${keyword}` : sql``;
  const stateVisible =
    f.state === "unsynced"
      ? sql`not r.synced`
      : f.state
        ? sql`r.state = ${f.state.toUpperCase()}`
        : f.archived
          ? sql`true`
          : sql`r.state is distinct from 'ARCHIVED'`;
  const visible = sql`(${stateVisible}${targeting})`;
  return sql`
    with e as (
      select kind, entity_id as id, state, name, keyword_text, expression, campaign_id, ad_group_id, budget, default_bid, bid,
        targeting_type, bidding_strategy, placement_top, placement_product_page, placement_rest_of_search,
        match_type, expression_type, sku, asin, serving_status
      from ${adEntities}
      where organization_id = ${organizationId} and ad_profile_id = ${profileId}
        and kind in (${sql.join(spec.kinds.map((k) => sql`${k}`), sql`, `)})
        ${f.campaignId ? sql`and campaign_id = ${f.campaignId}` : sql``}
        ${f.adGroupId ? sql`and ad_group_id = ${f.adGroupId}` : sql``}
    ),
    m as (${reportRows(spec, organizationId, profileId, range, f)}),
    r as (
      select coalesce(e.id, m.id) as id, e.kind, e.id is not null as synced, e.state, e.name, e.keyword_text, e.expression,
        coalesce(e.campaign_id, m.campaign_id) as campaign_id, coalesce(e.ad_group_id, m.ad_group_id) as ad_group_id,
        e.budget, e.default_bid, e.bid, e.targeting_type, e.bidding_strategy, e.placement_top, e.placement_product_page,
        e.placement_rest_of_search, e.expression_type,
        -- A synced entity's own settings; the report's words only for one the product does not know yet.
        case when e.id is null then m.match_type else e.match_type end as match_type,
        case when e.id is null then m.sku else e.sku end as sku, case when e.id is null then m.asin else e.asin end as asin, e.serving_status, m.label as report_label, ${SUMS_OR_ZERO}
      from e full join m on m.id = e.id
    )
    select r.*, c.name as campaign_name, g.name as ad_group_name, g.default_bid as group_default_bid,
      coalesce(r.name, r.keyword_text, r.expression::text, r.sku, r.asin, r.report_label, r.id) as sort_label,
      ${visible} as visible
    from r
    left join ${adEntities} c on c.organization_id = ${organizationId} and c.ad_profile_id = ${profileId} and c.kind = 'campaign' and c.entity_id = r.campaign_id
    left join ${adEntities} g on g.organization_id = ${organizationId} and g.ad_profile_id = ${profileId} and g.kind = 'adGroup' and g.entity_id = r.ad_group_id
    ${like
      ? sql`where (coalesce(r.name, r.keyword_text, r.expression::text, r.report_label) ilike ${like} or r.sku ilike ${like} or r.asin ilike ${like} or r.id = ${f.search})`
      : sql``}`;
}

/** Each sort key's expression over a row of `listRows` (alias `v`). */
const SORT: Record<EntitySortKey, SQL> = {
  name: sql`v.sort_label`,
  state: sql`v.state`,
  budget: sql`v.budget`,
  defaultBid: sql`v.default_bid`,
  // A keyword without a bid of its own bids its ad group's default; an unsynced one's bid is not known.
  bid: sql`case when v.synced then coalesce(v.bid, v.group_default_bid) end`,
  matchType: sql`v.match_type`,
  ...metricSorts("v"),
};

interface ListRecord extends Metrics, Record<string, unknown> {
  id: string;
  kind: AdEntityKind | null;
  synced: boolean;
  state: AdEntityState | null;
  name: string | null;
  keyword_text: string | null;
  expression: AdTargetingPredicate[] | null;
  campaign_id: string | null;
  ad_group_id: string | null;
  budget: string | null;
  default_bid: string | null;
  bid: string | null;
  targeting_type: string | null;
  bidding_strategy: string | null;
  placement_top: number | null;
  placement_product_page: number | null;
  placement_rest_of_search: number | null;
  match_type: string | null;
  expression_type: string | null;
  sku: string | null;
  asin: string | null;
  serving_status: string | null;
  report_label: string | null;
  campaign_name: string | null;
  ad_group_name: string | null;
  group_default_bid: string | null;
}

/** One row of an entity list: the entity's settings (null where its kind has none) and the range's performance. */
export interface EntityRow extends Metrics {
  id: string;
  /** Null for a performance row whose entity is not synced yet. */
  kind: AdEntityKind | null;
  synced: boolean;
  state: AdEntityState | null;
  label: string;
  campaignId: string | null;
  campaignName: string | null;
  adGroupId: string | null;
  adGroupName: string | null;
  targetingType: string | null;
  budget: string | null;
  biddingStrategy: string | null;
  placementTop: number | null;
  placementProductPage: number | null;
  placementRestOfSearch: number | null;
  defaultBid: string | null;
  bid: string | null;
  /** The ad group's default bid, which a keyword or target without a bid of its own uses. */
  groupDefaultBid: string | null;
  matchType: string | null;
  expressionType: string | null;
  sku: string | null;
  asin: string | null;
  servingStatus: string | null;
}

function toRow(r: ListRecord): EntityRow {
  return {
    id: r.id,
    kind: r.kind,
    synced: r.synced,
    state: r.state,
    label: r.synced ? entityLabel({ name: r.name, keywordText: r.keyword_text, expression: r.expression, sku: r.sku, asin: r.asin, entityId: r.id }) : (r.report_label ?? r.id),
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    adGroupId: r.ad_group_id,
    adGroupName: r.ad_group_name,
    targetingType: r.targeting_type,
    budget: r.budget,
    biddingStrategy: r.bidding_strategy,
    placementTop: r.placement_top,
    placementProductPage: r.placement_product_page,
    placementRestOfSearch: r.placement_rest_of_search,
    defaultBid: r.default_bid,
    bid: r.bid,
    groupDefaultBid: r.group_default_bid,
    matchType: r.match_type,
    expressionType: r.expression_type,
    sku: r.sku,
    asin: r.asin,
    servingStatus: r.serving_status,
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
 * One page of an Advertising entity table (campaigns, ad groups, keywords and targets, product ads,
 * negatives) of an ad profile of the caller's organization, with the totals of every row the filters show
 * and how many archived ones they hide.
 */
export async function entityList(db: Database, organizationId: string, list: EntityListKey, f: EntityListInput) {
  const profile = await ownedProfile(db, organizationId, f.adProfileId);
  const range = daysOfRange(f, profile.timeZone);
  const spec = LISTS[list];
  const rows = listRows(spec, organizationId, profile.id, range, f);
  const sort = SORT[f.sort ?? spec.defaultSort];
  const dir = sql.raw((f.dir ?? (f.sort ? "asc" : spec.defaultSort === "name" ? "asc" : "desc")) === "desc" ? "desc" : "asc");
  const page = await db.execute<ListRecord>(sql`
    with v as (${rows})
    select v.id, v.kind, v.synced, v.state, v.name, v.keyword_text, v.expression, v.campaign_id, v.ad_group_id,
      v.budget::text, v.default_bid::text, v.bid::text, v.targeting_type, v.bidding_strategy, v.placement_top,
      v.placement_product_page, v.placement_rest_of_search, v.match_type, v.expression_type, v.sku, v.asin,
      v.serving_status, v.report_label, v.campaign_name, v.ad_group_name, v.group_default_bid::text as group_default_bid,
      v.impressions::text, v.clicks::text, v.spend::text, v.sales::text, v.orders::text, ${ratioColumns("v")}
    from v
    where v.visible
    order by ${sort} ${dir} nulls last, v.sort_label asc, v.id asc
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const [totals] = await db.execute<Metrics & { count: number; archived_hidden: number } & Record<string, unknown>>(sql`
    with v as (${rows}),
    s as (
      select count(*) filter (where v.visible)::int as count,
        count(*) filter (where not v.visible and v.state = 'ARCHIVED')::int as archived_hidden,
        coalesce(sum(v.impressions) filter (where v.visible), 0) as impressions, coalesce(sum(v.clicks) filter (where v.visible), 0) as clicks,
        coalesce(sum(v.spend) filter (where v.visible), 0) as spend, coalesce(sum(v.sales) filter (where v.visible), 0) as sales,
        coalesce(sum(v.orders) filter (where v.visible), 0) as orders
      from v
    )
    select s.count, s.archived_hidden, s.impressions::text, s.clicks::text, s.spend::text, s.sales::text, s.orders::text, ${ratioColumns("s")}
    from s`);
  const { count, archived_hidden: archivedHidden, ...sums } = totals!;
  return {
    profile,
    range,
    hasMetrics: spec.report !== null,
    rows: page.map(toRow),
    count,
    archivedHidden,
    totals: sums,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export type EntityListPage = Awaited<ReturnType<typeof entityList>>;
