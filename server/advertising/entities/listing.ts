import { sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { AD_ENTITY_KINDS, type AdEntityKind } from "~/db/schema";
import { listAdEntities, MAX_IDS_PER_FILTER } from "~/server/amazon/ads-entities";
import type { Region } from "~/server/amazon/endpoints";
import type { AmazonCaller } from "~/server/amazon/request";
import { adEntityFromAmazon, type AdEntityRow } from "./from-amazon";
import { storeListedEntities, type ListingMode, type StoredListing } from "./store";

export interface ProfileTarget {
  organizationId: string;
  adProfileId: string;
  region: Region;
}

/** Parents first, so a listing interrupted midway has stored whole branches of the account. */
export const LISTING_ORDER: readonly AdEntityKind[] = AD_ENTITY_KINDS;

/** One page of a kind, stored as the mode says; the token of the next page, if any. */
export async function listAndStorePage(
  caller: AmazonCaller,
  target: ProfileTarget,
  kind: AdEntityKind,
  mode: ListingMode,
  nextToken: string | null,
): Promise<StoredListing & { nextToken: string | null }> {
  const page = await listAdEntities(caller, target.region, kind, { nextToken });
  const rows = page.items.map((item) => adEntityFromAmazon(kind, item));
  const stored = await storeListedEntities(caller.db, target, rows, mode);
  return { ...stored, nextToken: page.nextToken };
}

/**
 * The entities of the given ids, read from Amazon (≤ 1000 ids a call, every page of the answer). Returns
 * the rows read and the ids Amazon did not return.
 */
export async function readByIds(caller: AmazonCaller, region: Region, kind: AdEntityKind, ids: string[]): Promise<{ rows: AdEntityRow[]; missing: string[] }> {
  const rows: AdEntityRow[] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_FILTER) {
    const chunk = ids.slice(i, i + MAX_IDS_PER_FILTER);
    let nextToken: string | null = null;
    do {
      const page = await listAdEntities(caller, region, kind, { ids: chunk, nextToken });
      rows.push(...page.items.map((item) => adEntityFromAmazon(kind, item)));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  const found = new Set(rows.map((r) => r.entityId));
  return { rows, missing: ids.filter((id) => !found.has(id)) };
}

/** What the performance reports name, for the kinds they name (a report's "keywordId" is a keyword or a target). */
export type ReportedKind = "campaign" | "adGroup" | "productAd" | "keywordOrTarget";

/**
 * Ids that received impressions on the given local days but that the product does not know (spec
 * Advertising ④: an entity added in Seller Central is picked up when it first receives impressions).
 */
export async function unknownReportedIds(db: Database, adProfileId: string, days: { from: string; to: string }): Promise<Record<ReportedKind, string[]>> {
  const ids = async (table: string, column: string, kinds: AdEntityKind[]) => {
    const rows = await db.execute<{ id: string }>(sql`
      select distinct d.${sql.identifier(column)} as id from ${sql.identifier(table)} d
      where d.ad_profile_id = ${adProfileId} and d.day between ${days.from} and ${days.to} and d.impressions > 0
        and not exists (
          select 1 from ad_entities e
          where e.ad_profile_id = d.ad_profile_id and e.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)}) and e.entity_id = d.${sql.identifier(column)})
      order by 1`);
    return rows.map((r) => r.id);
  };
  return {
    campaign: await ids("ad_campaign_daily", "campaign_id", ["campaign"]),
    adGroup: await ids("ad_group_daily", "ad_group_id", ["adGroup"]),
    productAd: await ids("ad_product_daily", "ad_id", ["productAd"]),
    keywordOrTarget: await ids("ad_target_daily", "target_id", ["keyword", "target"]),
  };
}
