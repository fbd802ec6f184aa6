import { sql } from "drizzle-orm";
import type { AmazonCaller } from "~/server/amazon/request";
import type { RunResult, TaskRunContext } from "~/server/sync/kit/definition";
import { pagedApiRun, type PagedApiTask } from "~/server/sync/kit/paged-api-task";
import type { RunPlan } from "~/server/sync/kit/plan";
import { CATALOG_BATCH, getCatalogItem, searchCatalogByAsins, type CatalogDetails } from "./catalog-api";
import { getListingsItem, LISTINGS_BATCH, searchable, searchListingsBySkus, type ListingDetails } from "./listings-api";
import { storeCatalogItems, storeListingOffers } from "./store-details";
import { detailsWanted, type Sightings } from "./wanted";

/*
 * Completing a method's products through the product details interfaces: the run's first (and only) page
 * brings the method's product list up to date and names the ASINs and SKUs whose details are missing or
 * stale; follow-ups of 20 of one kind each ask Amazon in one call per batch and store the answers.
 */

const ASIN = "asin:";
const SKU = "sku:";
const BATCH = Math.min(CATALOG_BATCH, LISTINGS_BATCH);

/** Catalog details for a batch of ASINs: one search; an ASIN it did not return is confirmed (or not) by getCatalogItem. */
export async function completeCatalogItems(caller: AmazonCaller, plan: RunPlan, asins: string[]) {
  const { scope } = plan;
  const answers = new Map<string, CatalogDetails | null>();
  for (const item of await searchCatalogByAsins(caller, scope.region, scope.marketplaceId!, asins)) answers.set(item.asin, item);
  // Amazon's search leaves out what it does not know; one call each tells "unknown" from an item the search
  // did not return (an ASIN Amazon merged into another answers under the new one).
  for (const asin of asins.filter((a) => !answers.has(a))) answers.set(asin, await getCatalogItem(caller, scope.region, scope.marketplaceId!, asin));
  return storeCatalogItems(caller.db, { organizationId: scope.organizationId, storeMarketplaceId: scope.scopeId }, asins, answers, new Date());
}

/** The seller's listings for a batch of SKUs: one search; a SKU it cannot name or did not return, one getListingsItem each. */
export async function completeListings(caller: AmazonCaller, plan: RunPlan, skus: string[]) {
  const { scope } = plan;
  const answers = new Map<string, ListingDetails | null>();
  const inSearch = skus.filter(searchable);
  if (inSearch.length)
    for (const item of await searchListingsBySkus(caller, scope.region, scope.sellingPartnerId!, scope.marketplaceId!, inSearch)) answers.set(item.sku, item);
  for (const sku of skus.filter((s) => !answers.has(s))) answers.set(sku, await getListingsItem(caller, scope.region, scope.sellingPartnerId!, scope.marketplaceId!, sku));
  return storeListingOffers(caller.db, { organizationId: scope.organizationId, storeMarketplaceId: scope.scopeId }, skus, answers, new Date());
}

/** How long a run waits, at most, for the sync that names its products to finish once (the first orders). */
const FIRST_SYNC_WAITS = 15;
const FIRST_SYNC_WAIT_SECONDS = 20;

/**
 * The run of a method: when the sync that names its products has never finished for the scope (a store
 * just authorized, its first orders on their way), it waits for it a few minutes at most — durable sleeps —
 * so the products of the first orders are completed at once, not an hour later; then the product details.
 */
export function productDetailsRun(args: Parameters<typeof productDetailsTask>[0] & { after?: { task: string; window: string } }) {
  const details = pagedApiRun(productDetailsTask(args));
  return async (context: TaskRunContext): Promise<RunResult> => {
    const { plan, steps } = context;
    const after = args.after;
    for (let attempt = 0; after && attempt < FIRST_SYNC_WAITS; attempt++) {
      const done = await steps.run(`${after.task}-synced-${attempt}`, async () => {
        const [row] = await steps.db.execute<{ done: boolean }>(sql`
          select exists (select 1 from sync_states where task = ${after.task} and "window" = ${after.window} and scope_id = ${plan.scope.scopeId} and last_succeeded_at is not null) as done`);
        return row?.done ?? false;
      });
      if (done) break;
      await steps.sleep(`${after.task}-wait-${attempt}`, FIRST_SYNC_WAIT_SECONDS);
    }
    return details(context);
  };
}

/**
 * A paged-API task that completes one method's products: `refresh` brings its product list up to date (rows
 * written, and anything the run's history should show), then the details wanted are fetched in batches.
 */
export function productDetailsTask(args: {
  sightings: Sightings;
  refresh(caller: AmazonCaller, plan: RunPlan): Promise<{ written: number }>;
}): PagedApiTask {
  return {
    async page(caller, plan) {
      const { written } = await args.refresh(caller, plan);
      const wanted = await detailsWanted(caller.db, plan.scope, args.sightings, new Date());
      return { nextToken: null, written, followUp: [...wanted.asins.map((a) => ASIN + a), ...wanted.skus.map((s) => SKU + s)] };
    },
    followUp: {
      batchSize: BATCH,
      kindOf: (id) => (id.startsWith(ASIN) ? ASIN : SKU),
      async run(caller, plan, ids) {
        const written = ids[0]!.startsWith(ASIN)
          ? await completeCatalogItems(caller, plan, ids.map((id) => id.slice(ASIN.length)))
          : await completeListings(caller, plan, ids.map((id) => id.slice(SKU.length)));
        return { written };
      },
    },
  };
}
