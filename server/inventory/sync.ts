import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import type { AmazonCaller } from "~/server/amazon/request";
import type { RunPlan } from "~/server/sync/kit/plan";
import { inventoryStaging } from "~/server/sync/tasks/inventory/table";
import { getInventoryPage } from "./summaries";

/*
 * A marketplace's FBA inventory, listed whole every 1–2 hours: pages are staged per run, and only a complete
 * listing becomes the data — one transaction compares it with what is stored, writes the SKUs whose figures
 * changed (and a history row where a quantity did), and zeroes the SKUs Amazon no longer lists. A listing
 * equal to the last one writes nothing.
 */

/** The quantity columns, in one order for every statement below. */
const QUANTITIES = ["fulfillable", "inbound_working", "inbound_shipped", "inbound_receiving", "reserved", "researching", "unfulfillable", "total_quantity"] as const;
const IDENTITY = ["asin", "fnsku", "condition", "product_name", "amazon_updated_at"] as const;
const cols = (prefix: string, names: readonly string[]) => sql.raw(names.map((n) => `${prefix}${n}`).join(", "));
const zeros = sql.raw(QUANTITIES.map(() => "0").join(", "));

/**
 * Starts (or starts over) a listing: clears what this marketplace's earlier attempts or dead runs staged.
 * Returns the attempt's start, which dates the history rows of the listing.
 */
export async function beginInventoryListing(db: Database, plan: RunPlan): Promise<string> {
  await db.delete(inventoryStaging).where(eq(inventoryStaging.storeMarketplaceId, plan.scope.scopeId));
  return new Date().toISOString();
}

/** One page of Amazon's listing, staged under the run (a SKU Amazon repeats is kept once, as last given). */
export async function stageInventoryPage(caller: AmazonCaller, plan: RunPlan, nextToken: string | null) {
  const { scope } = plan;
  if (!scope.marketplaceId) throw new Error("FBA inventory is listed per marketplace; this scope names none.");
  const page = await getInventoryPage(caller, scope.region, scope.marketplaceId, nextToken);
  const bySku = new Map(page.summaries.map((s) => [s.sellerSku, s]));
  const rows = [...bySku.values()].map(({ amazonUpdatedAt, ...s }) => ({
    ...s,
    storeMarketplaceId: scope.scopeId,
    runId: plan.runId,
    amazonUpdatedAt: amazonUpdatedAt ? new Date(amazonUpdatedAt) : null,
  }));
  if (rows.length) {
    const t = inventoryStaging;
    await caller.db
      .insert(t)
      .values(rows)
      .onConflictDoUpdate({
        target: [t.storeMarketplaceId, t.runId, t.sellerSku],
        set: Object.fromEntries(
          (["asin", "fnsku", "condition", "productName", "amazonUpdatedAt", "fulfillable", "inboundWorking", "inboundShipped", "inboundReceiving", "reserved", "researching", "unfulfillable", "totalQuantity"] as const).map((k) => [
            k,
            // (The schema names columns in camelCase; the client's casing makes them snake_case.)
            sql.raw(`excluded.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`),
          ]),
        ),
      });
  }
  // Staged rows are not the data yet: the listing's merge counts what it writes.
  return { nextToken: page.nextToken, written: 0, followUp: [], staged: rows.length };
}

/**
 * Makes the run's complete listing the marketplace's inventory, in one transaction: history rows for SKUs
 * whose quantities changed, appeared, came back or disappeared; the current levels updated where anything
 * Amazon said changed; SKUs missing from the listing zeroed and marked removed. The staged rows stay until
 * the marketplace's next listing begins, so a merge that is retried (its result lost after it committed)
 * compares the same listing again and writes nothing instead of finding every SKU gone.
 */
export async function completeInventoryListing(db: Database, plan: RunPlan, startedAt: string) {
  const sm = plan.scope.scopeId;
  const org = plan.scope.organizationId;
  const run = plan.runId;
  // (As text: the driver binds a Date only where it knows the column, not in a select list.)
  const observed = startedAt;
  return db.transaction(async (tx) => {
    const staged = sql`select * from inventory_staging where store_marketplace_id = ${sm}::uuid and run_id = ${run}::uuid`;
    // History first: it compares with the levels as they were before this listing.
    const changed = await tx.execute(sql`
      insert into inventory_history (organization_id, store_marketplace_id, seller_sku, observed_at, ${cols("", QUANTITIES)}, removed)
      select ${org}::uuid, s.store_marketplace_id, s.seller_sku, ${observed}::timestamptz, ${cols("s.", QUANTITIES)}, false
      from (${staged}) s
      left join inventory_levels l on l.store_marketplace_id = s.store_marketplace_id and l.seller_sku = s.seller_sku
      where l.seller_sku is null or l.removed_at is not null or (${cols("l.", QUANTITIES)}) is distinct from (${cols("s.", QUANTITIES)})
      returning 1`);
    // SKUs listed before and missing now, as a set difference: hashed or sorted whatever the planner's
    // statistics say (a correlated "not exists" on fresh statistics once probed every pair, seconds at 5,000 SKUs).
    const missing = sql`
      select seller_sku from inventory_levels where store_marketplace_id = ${sm}::uuid and removed_at is null
      except
      select seller_sku from inventory_staging where store_marketplace_id = ${sm}::uuid and run_id = ${run}::uuid`;
    const gone = await tx.execute(sql`
      insert into inventory_history (organization_id, store_marketplace_id, seller_sku, observed_at, ${cols("", QUANTITIES)}, removed)
      select ${org}::uuid, ${sm}::uuid, g.seller_sku, ${observed}::timestamptz, ${zeros}, true
      from (${missing}) g
      returning 1`);
    const levels = await tx.execute(sql`
      insert into inventory_levels (organization_id, store_marketplace_id, seller_sku, ${cols("", IDENTITY)}, ${cols("", QUANTITIES)}, changed_at, removed_at)
      select ${org}::uuid, s.store_marketplace_id, s.seller_sku, ${cols("s.", IDENTITY)}, ${cols("s.", QUANTITIES)}, ${observed}::timestamptz, null
      from (${staged}) s
      on conflict (store_marketplace_id, seller_sku) do update set
        ${sql.raw([...IDENTITY, ...QUANTITIES].map((c) => `${c} = excluded.${c}`).join(", "))},
        changed_at = case
          when inventory_levels.removed_at is not null or (${cols("inventory_levels.", QUANTITIES)}) is distinct from (${cols("excluded.", QUANTITIES)})
          then excluded.changed_at else inventory_levels.changed_at end,
        removed_at = null
      where inventory_levels.removed_at is not null
        or (${cols("inventory_levels.", [...IDENTITY, ...QUANTITIES])}) is distinct from (${cols("excluded.", [...IDENTITY, ...QUANTITIES])})
      returning 1`);
    const removed = await tx.execute(sql`
      update inventory_levels l set ${sql.raw(QUANTITIES.map((c) => `${c} = 0`).join(", "))}, changed_at = ${observed}::timestamptz, removed_at = ${observed}::timestamptz
      from (${missing}) g
      where l.store_marketplace_id = ${sm}::uuid and l.seller_sku = g.seller_sku
      returning 1`);
    const [{ skus }] = (await tx.execute(sql`select count(*)::int as skus from (${staged}) s`)) as unknown as [{ skus: number }];
    return {
      written: changed.length + gone.length + levels.length + removed.length,
      // A seller without FBA stock in the marketplace: said as such, not as an empty success.
      noData: skus === 0,
      detail: { skus, quantitiesChanged: changed.length, skusRemoved: removed.length },
    };
  });
}
