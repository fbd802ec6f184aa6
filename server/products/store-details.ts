import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { catalogItems, listingOffers } from "~/db/schema";
import type { CatalogDetails } from "./catalog-api";
import type { ListingDetails } from "./listings-api";

interface Scope {
  organizationId: string;
  storeMarketplaceId: string;
}

/**
 * Stores Amazon's answer for a batch of ASINs, in one transaction: every ASIN asked for gets a row, the
 * ones Amazon does not know as not found. A row whose details did not change is not rewritten; it only
 * records that Amazon was asked now, so it is fresh again. Returns the rows written (new or changed).
 */
export async function storeCatalogItems(db: Database, scope: Scope, asked: string[], answers: Map<string, CatalogDetails | null>, now: Date): Promise<number> {
  if (!asked.length) return 0;
  const rows = asked.map((asin) => {
    const d = answers.get(asin) ?? null;
    return {
      organizationId: scope.organizationId,
      storeMarketplaceId: scope.storeMarketplaceId,
      asin,
      found: d !== null,
      title: d?.title ?? null,
      brand: d?.brand ?? null,
      imageUrl: d?.imageUrl ?? null,
      productType: d?.productType ?? null,
      itemLength: d?.length?.value ?? null,
      itemLengthUnit: d?.length?.unit ?? null,
      itemWidth: d?.width?.value ?? null,
      itemWidthUnit: d?.width?.unit ?? null,
      itemHeight: d?.height?.value ?? null,
      itemHeightUnit: d?.height?.unit ?? null,
      itemWeight: d?.weight?.value ?? null,
      itemWeightUnit: d?.weight?.unit ?? null,
      fetchedAt: now,
    };
  });
  const t = catalogItems;
  return db.transaction(async (tx) => {
    const written = await tx
      .insert(t)
      .values(rows)
      .onConflictDoUpdate({
        target: [t.storeMarketplaceId, t.asin],
        set: {
          found: sql`excluded.found`,
          title: sql`excluded.title`,
          brand: sql`excluded.brand`,
          imageUrl: sql`excluded.image_url`,
          productType: sql`excluded.product_type`,
          itemLength: sql`excluded.item_length`,
          itemLengthUnit: sql`excluded.item_length_unit`,
          itemWidth: sql`excluded.item_width`,
          itemWidthUnit: sql`excluded.item_width_unit`,
          itemHeight: sql`excluded.item_height`,
          itemHeightUnit: sql`excluded.item_height_unit`,
          itemWeight: sql`excluded.item_weight`,
          itemWeightUnit: sql`excluded.item_weight_unit`,
          fetchedAt: sql`excluded.fetched_at`,
        },
        setWhere: sql`(${t.found}, ${t.title}, ${t.brand}, ${t.imageUrl}, ${t.productType}, ${t.itemLength}, ${t.itemLengthUnit}, ${t.itemWidth}, ${t.itemWidthUnit}, ${t.itemHeight}, ${t.itemHeightUnit}, ${t.itemWeight}, ${t.itemWeightUnit})
          is distinct from (excluded.found, excluded.title, excluded.brand, excluded.image_url, excluded.product_type, excluded.item_length, excluded.item_length_unit, excluded.item_width, excluded.item_width_unit, excluded.item_height, excluded.item_height_unit, excluded.item_weight, excluded.item_weight_unit)`,
      })
      .returning({ asin: t.asin });
    // Amazon confirmed the others as they were: fresh again, and no change to count.
    await tx
      .update(t)
      .set({ fetchedAt: now })
      .where(and(eq(t.storeMarketplaceId, scope.storeMarketplaceId), inArray(t.asin, asked), lt(t.fetchedAt, now)));
    return written.length;
  });
}

/** As storeCatalogItems, for a batch of SKUs and the seller's listings of them. */
export async function storeListingOffers(db: Database, scope: Scope, asked: string[], answers: Map<string, ListingDetails | null>, now: Date): Promise<number> {
  if (!asked.length) return 0;
  const rows = asked.map((sku) => {
    const d = answers.get(sku) ?? null;
    return {
      organizationId: scope.organizationId,
      storeMarketplaceId: scope.storeMarketplaceId,
      sku,
      found: d !== null,
      asin: d?.asin ?? null,
      title: d?.title ?? null,
      status: d?.status ?? null,
      amazonStatuses: d?.amazonStatuses ?? null,
      price: d?.price ?? null,
      currency: d?.currency ?? null,
      fulfillmentChannel: d?.fulfillmentChannel ?? null,
      fulfilledBy: d?.fulfilledBy ?? null,
      quantity: d?.quantity ?? null,
      fnsku: d?.fnsku ?? null,
      condition: d?.condition ?? null,
      imageUrl: d?.imageUrl ?? null,
      createdAt: d?.createdAt ?? null,
      fetchedAt: now,
    };
  });
  const t = listingOffers;
  return db.transaction(async (tx) => {
    const written = await tx
      .insert(t)
      .values(rows)
      .onConflictDoUpdate({
        target: [t.storeMarketplaceId, t.sku],
        set: {
          found: sql`excluded.found`,
          asin: sql`excluded.asin`,
          title: sql`excluded.title`,
          status: sql`excluded.status`,
          amazonStatuses: sql`excluded.amazon_statuses`,
          price: sql`excluded.price`,
          currency: sql`excluded.currency`,
          fulfillmentChannel: sql`excluded.fulfillment_channel`,
          fulfilledBy: sql`excluded.fulfilled_by`,
          quantity: sql`excluded.quantity`,
          fnsku: sql`excluded.fnsku`,
          condition: sql`excluded.condition`,
          imageUrl: sql`excluded.image_url`,
          createdAt: sql`excluded.created_at`,
          fetchedAt: sql`excluded.fetched_at`,
        },
        setWhere: sql`(${t.found}, ${t.asin}, ${t.title}, ${t.status}, ${t.amazonStatuses}, ${t.price}, ${t.currency}, ${t.fulfillmentChannel}, ${t.fulfilledBy}, ${t.quantity}, ${t.fnsku}, ${t.condition}, ${t.imageUrl}, ${t.createdAt})
          is distinct from (excluded.found, excluded.asin, excluded.title, excluded.status, excluded.amazon_statuses, excluded.price, excluded.currency, excluded.fulfillment_channel, excluded.fulfilled_by, excluded.quantity, excluded.fnsku, excluded.condition, excluded.image_url, excluded.created_at)`,
      })
      .returning({ sku: t.sku });
    await tx
      .update(t)
      .set({ fetchedAt: now })
      .where(and(eq(t.storeMarketplaceId, scope.storeMarketplaceId), inArray(t.sku, asked), lt(t.fetchedAt, now)));
    return written.length;
  });
}
