import { sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import type { AdEntitySeenBy } from "~/db/schema";
import type { AdEntityRow } from "./from-amazon";
import { entityLabel } from "./label";

/**
 * How a listing is written:
 * - `authorization`: the account as it stands when connected — every entity stored, changes to known ones
 *   recorded in the history, the entities themselves not (they are where the history starts);
 * - `settings`: only entities the product already knows are updated (spec Advertising ③: settings changed
 *   in Seller Central); an entity new to the product is left for the additions (④);
 * - `impressions` / `additions-sync`: new entities are stored and recorded as created, known ones updated;
 * - `app-edit`: Amazon's confirmation of an edit pushed from the app (the history row is the edit's own);
 * - `app-create`: entities the app created, recorded as created by the member.
 */
export type ListingMode = "authorization" | "settings" | "impressions" | "additions-sync" | "app-edit" | "app-create";

export interface StoredListing {
  created: number;
  updated: number;
  /** Fields whose value Amazon changed, one history row each. */
  changes: number;
}

/** Settings a seller changes; a change to one is a row of the history. Order = the history's order. */
const TRACKED: ReadonlyArray<readonly [field: string, column: string]> = [
  ["state", "state"],
  ["name", "name"],
  ["budget", "budget"],
  ["defaultBid", "default_bid"],
  ["bid", "bid"],
  ["biddingStrategy", "bidding_strategy"],
  ["placementTop", "placement_top"],
  ["placementProductPage", "placement_product_page"],
  ["placementRestOfSearch", "placement_rest_of_search"],
  ["placementAmazonBusiness", "placement_amazon_business"],
  ["endDate", "end_date"],
];
/** Written from Amazon but not history: they follow from the settings or are Amazon's bookkeeping. */
const UNTRACKED = [
  "campaign_id",
  "ad_group_id",
  "targeting_type",
  "start_date",
  "keyword_text",
  "match_type",
  "expression",
  "expression_type",
  "sku",
  "asin",
  "serving_status",
  "amazon_created_at",
  "amazon_updated_at",
];
const COLUMNS = [...TRACKED.map(([, c]) => c), ...UNTRACKED];

const RECORD_TYPE = sql.raw(`(
  kind text, entity_id text, label text, campaign_id text, ad_group_id text, state text, name text,
  budget numeric(18,4), default_bid numeric(18,4), bid numeric(18,4), targeting_type text, bidding_strategy text,
  placement_top integer, placement_product_page integer, placement_rest_of_search integer, placement_amazon_business integer,
  start_date text, end_date text, keyword_text text, match_type text, expression jsonb, expression_type text,
  sku text, asin text, serving_status text, amazon_created_at timestamptz, amazon_updated_at timestamptz)`);

function asRecord(r: AdEntityRow) {
  return {
    kind: r.kind,
    entity_id: r.entityId,
    label: entityLabel(r),
    campaign_id: r.campaignId,
    ad_group_id: r.adGroupId,
    state: r.state,
    name: r.name,
    budget: r.budget,
    default_bid: r.defaultBid,
    bid: r.bid,
    targeting_type: r.targetingType,
    bidding_strategy: r.biddingStrategy,
    placement_top: r.placementTop,
    placement_product_page: r.placementProductPage,
    placement_rest_of_search: r.placementRestOfSearch,
    placement_amazon_business: r.placementAmazonBusiness,
    start_date: r.startDate,
    end_date: r.endDate,
    keyword_text: r.keywordText,
    match_type: r.matchType,
    expression: r.expression,
    expression_type: r.expressionType,
    sku: r.sku,
    asin: r.asin,
    serving_status: r.servingStatus,
    amazon_created_at: r.amazonCreatedAt,
    amazon_updated_at: r.amazonUpdatedAt,
  };
}

const SEEN_BY: Record<ListingMode, AdEntitySeenBy | null> = {
  authorization: "authorization",
  settings: null,
  impressions: "impressions",
  "additions-sync": "additions-sync",
  "app-edit": null,
  "app-create": "app",
};

/**
 * Writes what Amazon listed for one ad profile, in one transaction: the history rows first (from the stored
 * values), then the changed rows, then — where the mode adds — the new entities. Rows whose values did not
 * change are not touched, so a second identical listing writes nothing.
 */
export async function storeListedEntities(
  /** The database, or a transaction the listing joins (as a savepoint). */
  db: Pick<Database, "transaction">,
  target: { organizationId: string; adProfileId: string },
  rows: AdEntityRow[],
  mode: ListingMode,
  at: Date = new Date(),
  /** The member whose creation this is (`app-create`). */
  userId: string | null = null,
): Promise<StoredListing> {
  if (!rows.length) return { created: 0, updated: 0, changes: 0 };
  const { organizationId, adProfileId } = target;
  const now = at.toISOString();
  const seenBy = SEEN_BY[mode];
  return db.transaction(async (tx) => {
    // Listings of one profile (the schedule, a button, an edit) write one at a time.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ad_entities:${adProfileId}`}))`);
    await tx.execute(sql`create temp table incoming on commit drop as
      select * from jsonb_to_recordset(${JSON.stringify(rows.map(asRecord))}::jsonb) as x${RECORD_TYPE}`);
    const same = sql`e.ad_profile_id = ${adProfileId} and e.kind = n.kind and e.entity_id = n.entity_id`;
    const unpivot = sql.raw(TRACKED.map(([field, c]) => `('${field}', e.${c}::text, n.${c}::text)`).join(", "));
    const changes = mode === "app-edit" ? { count: 0 } : await tx.execute(sql`
      insert into ad_changes (organization_id, ad_profile_id, kind, entity_id, entity_label, campaign_id, field, before, after, source, result, at)
      select ${organizationId}, ${adProfileId}, n.kind, n.entity_id, n.label, n.campaign_id, f.field, f.before, f.after, 'seller_central', 'detected', ${now}
      from incoming n
      join ad_entities e on ${same}
      cross join lateral (values ${unpivot}) as f(field, before, after)
      where f.before is distinct from f.after`);
    const assign = sql.raw(COLUMNS.map((c) => `${c} = n.${c}`).join(", "));
    const differs = sql.raw(`(${COLUMNS.map((c) => `e.${c}`).join(", ")}) is distinct from (${COLUMNS.map((c) => `n.${c}`).join(", ")})`);
    const updated = await tx.execute(sql`
      update ad_entities e set ${assign}, synced_at = ${now}
      from incoming n
      where ${same} and ${differs}`);
    let created = 0;
    if (seenBy) {
      if (mode !== "authorization")
        await tx.execute(sql`
          insert into ad_changes (organization_id, ad_profile_id, kind, entity_id, entity_label, campaign_id, field, before, after, source, result, at, user_id)
          select ${organizationId}, ${adProfileId}, n.kind, n.entity_id, n.label, n.campaign_id, 'created', null, n.state,
            ${mode === "app-create" ? "app" : "seller_central"}, ${mode === "app-create" ? "applied" : "detected"}, ${now}, ${userId}::uuid
          from incoming n
          where not exists (select 1 from ad_entities e where ${same})`);
      const columns = sql.raw(COLUMNS.join(", "));
      const values = sql.raw(COLUMNS.map((c) => `n.${c}`).join(", "));
      const inserted = await tx.execute(sql`
        insert into ad_entities (organization_id, ad_profile_id, kind, entity_id, ${columns}, seen_by, first_seen_at, synced_at)
        select ${organizationId}, ${adProfileId}, n.kind, n.entity_id, ${values}, ${seenBy}, ${now}, ${now}
        from incoming n
        where not exists (select 1 from ad_entities e where ${same})
        on conflict do nothing`);
      created = inserted.count;
    }
    return { created, updated: updated.count, changes: changes.count };
  });
}
