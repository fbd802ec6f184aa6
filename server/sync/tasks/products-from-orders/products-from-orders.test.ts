import { and, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogItems, listingOffers, orderItems, orders, storeMarketplaces } from "~/db/schema";
import { catalogList } from "~/server/lists/products";
import { listPage } from "~/server/lists/query";
import { runCountingCalls } from "~/server/products/testing";
import { products } from "~/server/sync/tasks/products-full/table";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { productsSold } from "./table";

/*
 * Products with sales (spec ③ method ②) end to end against the sandbox Amazon: once a store's orders are
 * synced, every SKU and ASIN they name is completed through the catalog (all ASINs) and the seller's
 * listings (SKUs the full report does not hold), 20 to a call, equal to what Amazon answers; a re-run asks
 * Amazon nothing and writes nothing; an ASIN Amazon does not know and a SKU the seller deleted are recorded
 * as such and asked for again only when a week has passed.
 */

const US = "ATVPDKIKX0DER";
const { ctx, truth, stateOf } = setUpReportTaskWorld();
let scopeId: string;
beforeAll(async () => {
  const [m] = await ctx.t.db.select().from(storeMarketplaces).where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.marketplaceId, US)));
  scopeId = m!.id;
});

const request = () => ({ organizationId: ctx.setup.member.organizationId, scopeId, window: "sold-products" });
const succeeded = (task: string, window: string) =>
  eventually(`${task} ${window}`, async () => {
    const s = await stateOf(task, scopeId, window);
    if (s?.status === "failed") throw new Error(`${task} failed: ${s.lastError}`);
    return s?.lastSucceededAt && s.status !== "running" ? s : null;
  }, 280_000);

/** Amazon's own answer for one product (a direct call, not through the product; the ground truth). */
async function amazon(path: string) {
  const token = ((await (await fetch(`${ctx.amazon.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId: ctx.setup.seller.sellerId }) })).json()) as { access_token: string }).access_token;
  ctx.amazon.sandbox.quotas.reset();
  const response = await fetch(`${ctx.amazon.origin}${path}`, { headers: { "x-amz-access-token": token } });
  return { status: response.status, body: (await response.json()) as Record<string, never> };
}

type Dim = { unit: string; value: number } | undefined;
interface AmazonItem {
  summaries: { marketplaceId: string; itemName: string; brand: string }[];
  images: { marketplaceId: string; images: { variant: string; link: string; height: number; width: number }[] }[];
  dimensions: { marketplaceId: string; item: { length: Dim; width: Dim; height: Dim; weight: Dim } }[];
  productTypes: { marketplaceId: string; productType: string }[];
}
interface AmazonListing {
  summaries: { marketplaceId: string; asin: string; itemName: string; status: string[]; fnSku?: string }[];
  offers: { marketplaceId: string; price: { amount: string; currencyCode: string } }[];
  fulfillmentAvailability: { fulfillmentChannelCode: string; quantity?: number }[];
}

describe("products with sales", () => {
  it("completes every ASIN and SKU of the synced orders, equal to Amazon's catalog and listings, in a call per 20 of each", { timeout: 420_000 }, async () => {
    await succeeded("orders-incremental", "since-yesterday");
    await succeeded("orders-history", "backfill");
    await succeeded("products-full", "full-catalog");
    // The task's own first run, on authorization, waited for the first orders and completed their products.
    await succeeded("products-from-orders", "sold-products");
    const db = ctx.t.db;
    const yesterday = DateTime.now().setZone("America/Los_Angeles").minus({ days: 1 }).toISODate()!;
    const recent = await ctx.t.sql`select distinct i.asin from order_items i join orders o using (store_marketplace_id, amazon_order_id)
      where i.store_marketplace_id = ${scopeId} and o.purchase_day >= ${yesterday}`;
    expect(recent.length).toBeGreaterThan(0);
    const fetched = new Set((await db.select({ asin: catalogItems.asin }).from(catalogItems).where(eq(catalogItems.storeMarketplaceId, scopeId))).map((c) => c.asin));
    for (const r of recent) expect(fetched.has(r.asin as string), r.asin as string).toBe(true);
    // What it found is forgotten from here on, to count from nothing.
    const soldRows = await db.selectDistinct({ sku: orderItems.sellerSku, asin: orderItems.asin }).from(orderItems).where(eq(orderItems.storeMarketplaceId, scopeId));
    const skus = [...new Set(soldRows.map((r) => r.sku!))].sort();
    const asins = [...new Set(soldRows.map((r) => r.asin))].sort();
    expect(skus.length).toBeGreaterThan(40);
    // Half the sold SKUs are not in the full report yet (as when the report has not caught up, or the seller
    // deleted them): their offers come from the Listings API.
    const notInReport = skus.filter((_, i) => i % 2 === 1);
    const reportRows = await db.select().from(products).where(and(eq(products.storeMarketplaceId, scopeId), inArray(products.sku, notInReport)));
    await db.delete(products).where(and(eq(products.storeMarketplaceId, scopeId), inArray(products.sku, notInReport)));
    for (const t of [catalogItems, listingOffers, productsSold]) await db.delete(t).where(eq(t.storeMarketplaceId, scopeId));

    const first = await runCountingCalls(db, "products-from-orders", request());
    expect(first.calls).toEqual({ searchCatalogItems: Math.ceil(asins.length / 20), searchListingsItems: Math.ceil(notInReport.length / 20) });
    expect(first.apiCalls).toBe(Math.ceil(asins.length / 20) + Math.ceil(notInReport.length / 20));
    expect(first.result.rowsWritten).toBe(skus.length + asins.length + notInReport.length);

    // The products sold: every SKU of the synced orders, with the units of the orders not cancelled.
    const sold = await db.select().from(productsSold).where(eq(productsSold.storeMarketplaceId, scopeId));
    expect(sold.map((s) => s.sku).sort()).toEqual(skus);
    const units = await ctx.t.sql`select i.seller_sku as sku, sum(i.quantity_ordered)::int as units from order_items i
      join orders o using (store_marketplace_id, amazon_order_id) where i.store_marketplace_id = ${scopeId} and o.status <> 'Canceled' group by 1`;
    expect(Object.fromEntries(sold.filter((s) => s.unitsOrdered > 0).map((s) => [s.sku, s.unitsOrdered]))).toEqual(Object.fromEntries(units.map((u) => [u.sku, u.units])));

    // Catalog details, each equal to Amazon's getCatalogItem answer for the marketplace.
    const catalog = new Map((await db.select().from(catalogItems).where(eq(catalogItems.storeMarketplaceId, scopeId))).map((c) => [c.asin, c]));
    expect([...catalog.keys()].sort()).toEqual(asins);
    const truthCatalog = ((await (await fetch(`${ctx.amazon.origin}/__sandbox/truth/catalog?sellerId=${ctx.setup.seller.sellerId}`)).json()) as { products: { sku: string; asin: string; title: string }[] }).products;
    for (const asin of asins) {
      const { body } = await amazon(`/catalog/2022-04-01/items/${asin}?marketplaceIds=${US}&includedData=summaries,images,dimensions,productTypes`);
      const item = body as unknown as AmazonItem;
      const dims = item.dimensions.find((d) => d.marketplaceId === US)!.item;
      const main = item.images.find((i) => i.marketplaceId === US)!.images.filter((i) => i.variant === "MAIN").sort((a, b) => b.height - a.height)[0]!;
      const summary = item.summaries.find((s) => s.marketplaceId === US)!;
      const ours = catalog.get(asin)!;
      const measure = (v: string | null, unit: string | null) => (v === null ? undefined : { value: Number(v), unit });
      expect({
        found: ours.found,
        title: ours.title,
        brand: ours.brand,
        image: ours.imageUrl,
        productType: ours.productType,
        length: measure(ours.itemLength, ours.itemLengthUnit),
        width: measure(ours.itemWidth, ours.itemWidthUnit),
        height: measure(ours.itemHeight, ours.itemHeightUnit),
        weight: measure(ours.itemWeight, ours.itemWeightUnit),
      }, asin).toEqual({
        found: true,
        title: summary.itemName,
        brand: summary.brand,
        image: main.link,
        productType: item.productTypes.find((p) => p.marketplaceId === US)!.productType,
        length: dims.length,
        width: dims.width,
        height: dims.height,
        weight: dims.weight,
      });
      // …and the catalog's title is the product's own (Amazon's ground truth of the seller's catalog).
      expect(truthCatalog.find((p) => p.asin === asin)?.title).toBe(ours.title);
    }

    // Offers of the SKUs the report does not hold: equal to Amazon's getListingsItem, and in the report's words.
    const offers = new Map((await db.select().from(listingOffers).where(eq(listingOffers.storeMarketplaceId, scopeId))).map((l) => [l.sku, l]));
    expect([...offers.keys()].sort()).toEqual(notInReport);
    const now = new Date();
    const reportTruth = new Map((await truth("GET_MERCHANT_LISTINGS_ALL_DATA", new Date(now.getTime() - 86_400_000), now, US)).map((r) => [r["seller-sku"]!, r]));
    for (const sku of notInReport) {
      const { body } = await amazon(`/listings/2021-08-01/items/${ctx.setup.seller.sellerId}/${encodeURIComponent(sku)}?marketplaceIds=${US}&includedData=summaries,offers,fulfillmentAvailability,issues`);
      const listing = body as unknown as AmazonListing;
      const summary = listing.summaries.find((s) => s.marketplaceId === US)!;
      const channel = listing.fulfillmentAvailability[0]!;
      const ours = offers.get(sku)!;
      expect({ found: ours.found, asin: ours.asin, title: ours.title, statuses: ours.amazonStatuses, price: ours.price === null ? null : Number(ours.price), currency: ours.currency, channel: ours.fulfillmentChannel, fnsku: ours.fnsku }, sku).toEqual({
        found: true,
        asin: summary.asin,
        title: summary.itemName,
        statuses: summary.status,
        price: listing.offers[0] ? Number(listing.offers[0].price.amount) : null,
        currency: listing.offers[0]?.price.currencyCode ?? null,
        channel: channel.fulfillmentChannelCode,
        fnsku: summary.fnSku ?? null,
      });
      // The same listing as the full report words it (the rows removed above), so the page reads alike.
      const row = reportRows.find((r) => r.sku === sku)!;
      expect({ status: ours.status, fulfilledBy: ours.fulfilledBy, quantity: ours.quantity }, sku).toEqual({ status: reportTruth.get(sku)!.status, fulfilledBy: row.fulfilledBy, quantity: row.quantity });
    }

    // The Products page: every sold SKU, known from orders, with the catalog's details and an offer.
    const page = await listPage(db, catalogList, ctx.setup.member.organizationId, { scopeId, page: 1, pageSize: 200, filters: { source: "orders" } });
    expect(page.rows.map((r) => r.sku).sort()).toEqual(skus);
    for (const r of page.rows) {
      const c = catalog.get(String(r.asin))!;
      expect(r).toMatchObject({ title: c.title, brand: c.brand, image: c.imageUrl, currency: "USD" });
      expect(String(r.dimensions)).toMatch(/^[\d.]+ × [\d.]+ × [\d.]+ inches$/);
      expect(String(r.weight)).toMatch(/^[\d.]+ pounds$/);
      expect(r.knownFrom).toBe(notInReport.includes(String(r.sku)) ? "orders" : "full report, orders");
      expect(r.status).toBe(reportTruth.get(String(r.sku))!.status);
      expect(Number(r.unitsOrdered)).toBe(sold.find((s) => s.sku === r.sku)!.unitsOrdered);
    }
    // Best sellers first.
    const byUnits = page.rows.map((r) => Number(r.unitsOrdered));
    expect(byUnits).toEqual([...byUnits].sort((a, b) => b - a));
  });

  it("a re-run through the executor asks Amazon nothing and writes nothing", { timeout: 180_000 }, async () => {
    const again = await ctx.world.run("products-from-orders", request());
    expect(again).toMatchObject({ status: "succeeded", rowsWritten: 0, apiCalls: 0 });
  });

  it("an ASIN Amazon does not know and a SKU the seller deleted are recorded as such, and asked for again only a week later", { timeout: 180_000 }, async () => {
    const db = ctx.t.db;
    const organizationId = ctx.setup.member.organizationId;
    const purchaseDate = new Date(Date.now() - 3 * 86_400_000);
    await db.insert(orders).values({ organizationId, storeMarketplaceId: scopeId, amazonOrderId: "111-0000000-0000001", purchaseDate, purchaseDay: purchaseDate.toISOString().slice(0, 10), lastUpdateDate: purchaseDate, itemsSyncedFor: purchaseDate, status: "Shipped", syncedAt: new Date() });
    const item = { organizationId, storeMarketplaceId: scopeId, amazonOrderId: "111-0000000-0000001", quantityOrdered: 1, syncedAt: new Date() };
    await db.insert(orderItems).values([
      { ...item, orderItemId: "OI-GONE-1", asin: "B0NOSUCH01", sellerSku: "SOLD-THEN-DELETED" },
      // A comma cannot travel in searchListingsItems' comma-separated list: getListingsItem asks for it alone.
      { ...item, orderItemId: "OI-GONE-2", asin: "B0NOSUCH01", sellerSku: "SOLD,WITH-COMMA" },
    ]);
    const first = await runCountingCalls(db, "products-from-orders", request());
    expect(first.calls).toEqual({ searchCatalogItems: 1, getCatalogItem: 1, searchListingsItems: 1, getListingsItem: 2 });
    expect(first.result.rowsWritten).toBe(2 + 1 + 2);
    const [unknown] = await db.select().from(catalogItems).where(and(eq(catalogItems.storeMarketplaceId, scopeId), eq(catalogItems.asin, "B0NOSUCH01")));
    expect(unknown).toMatchObject({ found: false, title: null, brand: null });
    const gone = await db.select().from(listingOffers).where(and(eq(listingOffers.storeMarketplaceId, scopeId), inArray(listingOffers.sku, ["SOLD-THEN-DELETED", "SOLD,WITH-COMMA"])));
    expect(gone.map((g) => [g.sku, g.found, g.status])).toEqual(expect.arrayContaining([["SOLD-THEN-DELETED", false, null], ["SOLD,WITH-COMMA", false, null]]));
    const page = await listPage(db, catalogList, organizationId, { scopeId, page: 1, pageSize: 50, search: "SOLD-THEN" });
    expect(page.rows).toEqual([expect.objectContaining({ sku: "SOLD-THEN-DELETED", asin: "B0NOSUCH01", status: "Not listed", knownFrom: "orders", brand: null })]);

    const again = await runCountingCalls(db, "products-from-orders", request());
    expect([again.calls, again.result.rowsWritten]).toEqual([{}, 0]);

    // A week on, the unknown ASIN is asked for once more; Amazon still does not know it, so nothing changes
    // but when it was asked.
    await db.update(catalogItems).set({ fetchedAt: sql`${catalogItems.fetchedAt} - interval '8 days'` }).where(and(eq(catalogItems.storeMarketplaceId, scopeId), eq(catalogItems.asin, "B0NOSUCH01")));
    const weekLater = await runCountingCalls(db, "products-from-orders", request());
    expect([weekLater.calls, weekLater.result.rowsWritten]).toEqual([{ searchCatalogItems: 1, getCatalogItem: 1 }, 0]);
    const [asked] = await db.select().from(catalogItems).where(and(eq(catalogItems.storeMarketplaceId, scopeId), eq(catalogItems.asin, "B0NOSUCH01")));
    expect(asked!.fetchedAt.getTime()).toBeGreaterThan(unknown!.fetchedAt.getTime());
  });
});
