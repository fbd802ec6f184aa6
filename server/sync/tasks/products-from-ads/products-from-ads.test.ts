import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { adProductDaily, adProfiles, catalogItems, listingOffers, orderItems, storeMarketplaces } from "~/db/schema";
import { catalogList } from "~/server/lists/products";
import { listPage } from "~/server/lists/query";
import { runCountingCalls } from "~/server/products/testing";
import { products } from "~/server/sync/tasks/products-full/table";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { productsAdvertised } from "./table";

/*
 * Advertised products (spec ③ method ③) end to end against the sandbox Amazon: once the store and its Ads
 * account are authorized and the advertised-product reports are synced, the promoted products of the
 * seller's own ad profile in a marketplace are completed through the catalog and the listings, 20 to a call,
 * equal to Amazon's answers; another seller's ad account in the same marketplace promotes nothing of this
 * store's; a product both sold and advertised is fetched once; a re-run asks Amazon nothing.
 */

const US = "ATVPDKIKX0DER";
const { ctx, stateOf } = setUpReportTaskWorld();
let scopeId: string;
let profileId: string;
beforeAll(async () => {
  const [m] = await ctx.t.db.select().from(storeMarketplaces).where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.marketplaceId, US)));
  scopeId = m!.id;
  profileId = ctx.setup.profiles.find((p) => p.marketplaceId === US)!.id;
});

const request = (task: "products-from-ads" | "products-from-orders") => ({
  organizationId: ctx.setup.member.organizationId,
  scopeId,
  window: task === "products-from-ads" ? "advertised-products" : "sold-products",
});
const succeeded = (task: string, scope: string, window: string) =>
  eventually(`${task} ${window}`, async () => {
    const s = await stateOf(task, scope, window);
    if (s?.status === "failed") throw new Error(`${task} failed: ${s.lastError}`);
    return s?.lastSucceededAt && s.status !== "running" ? s : null;
  }, 280_000);

async function amazon(path: string) {
  const token = ((await (await fetch(`${ctx.amazon.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId: ctx.setup.seller.sellerId }) })).json()) as { access_token: string }).access_token;
  ctx.amazon.sandbox.quotas.reset();
  return (await (await fetch(`${ctx.amazon.origin}${path}`, { headers: { "x-amz-access-token": token } })).json()) as Record<string, unknown>;
}

describe("advertised products", () => {
  it("completes the promoted products of the seller's own ad profile, equal to Amazon's catalog and listings, in a call per 20 of each", { timeout: 420_000 }, async () => {
    const db = ctx.t.db;
    const organizationId = ctx.setup.member.organizationId;
    await succeeded("ads-performance", profileId, "backfill");
    await succeeded("products-full", scopeId, "full-catalog");
    await succeeded("products-from-ads", scopeId, "advertised-products");
    await succeeded("products-from-orders", scopeId, "sold-products");

    const advertised = await db.selectDistinct({ sku: adProductDaily.sku, asin: adProductDaily.asin }).from(adProductDaily).where(eq(adProductDaily.adProfileId, profileId));
    const skus = [...new Set(advertised.map((a) => a.sku))].sort();
    const asins = [...new Set(advertised.map((a) => a.asin))].sort();
    expect(skus.length).toBeGreaterThan(20);
    // What Amazon's Ads account holds: every advertised SKU is one of its product ads.
    const entities = (await (await fetch(`${ctx.amazon.origin}/__sandbox/truth/ads/entities?profileId=${ctx.setup.profiles.find((p) => p.marketplaceId === US)!.profileId}`)).json()) as { productAds: { sku: string; asin: string }[] };
    for (const a of advertised) expect(entities.productAds.some((e) => e.sku === a.sku && e.asin === a.asin), a.sku).toBe(true);

    // Another seller's Ads account in the same marketplace, connected by the same organization: its promoted
    // products are not this store's.
    const [other] = await db
      .insert(adProfiles)
      .values({ organizationId, profileId: "9990001", region: "na", countryCode: "US", currencyCode: "USD", timeZone: "America/Los_Angeles", marketplaceId: US, accountId: "AOTHERSELLER000", accountName: "Other Seller", accountType: "seller" })
      .returning();
    const metrics = { impressions: 10, clicks: 1, cost: "1.00", sales7d: "0", purchases7d: 0, unitsSold7d: 0, sales14d: "0", purchases14d: 0, refreshedAt: new Date() };
    await db.insert(adProductDaily).values({ organizationId, adProfileId: other!.id, day: new Date().toISOString().slice(0, 10), adId: "1", adGroupId: "2", campaignId: "3", asin: "B0OTHER001", sku: "OTHER-SELLER-SKU", ...metrics });

    // Half the advertised SKUs are not in the full report yet; nothing is fetched yet.
    const notInReport = skus.filter((_, i) => i % 2 === 0);
    await db.delete(products).where(and(eq(products.storeMarketplaceId, scopeId), inArray(products.sku, notInReport)));
    for (const t of [catalogItems, listingOffers, productsAdvertised]) await db.delete(t).where(eq(t.storeMarketplaceId, scopeId));

    const first = await runCountingCalls(db, "products-from-ads", request("products-from-ads"));
    expect(first.calls).toEqual({ searchCatalogItems: Math.ceil(asins.length / 20), searchListingsItems: Math.ceil(notInReport.length / 20) });
    expect(first.result.rowsWritten).toBe(skus.length + asins.length + notInReport.length);
    const rows = await db.select().from(productsAdvertised).where(eq(productsAdvertised.storeMarketplaceId, scopeId));
    expect(rows.map((r) => r.sku).sort()).toEqual(skus);

    // Details equal Amazon's answers.
    const catalog = new Map((await db.select().from(catalogItems).where(eq(catalogItems.storeMarketplaceId, scopeId))).map((c) => [c.asin, c]));
    expect([...catalog.keys()].sort()).toEqual(asins);
    for (const asin of asins) {
      const item = await amazon(`/catalog/2022-04-01/items/${asin}?marketplaceIds=${US}&includedData=summaries,images`);
      const summary = (item.summaries as { marketplaceId: string; itemName: string; brand: string }[]).find((s) => s.marketplaceId === US)!;
      expect({ title: catalog.get(asin)!.title, brand: catalog.get(asin)!.brand }, asin).toEqual({ title: summary.itemName, brand: summary.brand });
    }
    const offers = await db.select().from(listingOffers).where(eq(listingOffers.storeMarketplaceId, scopeId));
    expect(offers.map((o) => o.sku).sort()).toEqual(notInReport);
    for (const o of offers) {
      const listing = await amazon(`/listings/2021-08-01/items/${ctx.setup.seller.sellerId}/${encodeURIComponent(o.sku)}?marketplaceIds=${US}&includedData=summaries,offers`);
      const offer = (listing.offers as { price: { amount: string } }[])[0];
      expect({ asin: o.asin, price: o.price === null ? null : Number(o.price) }, o.sku).toEqual({
        asin: (listing.summaries as { asin: string }[])[0]!.asin,
        price: offer ? Number(offer.price.amount) : null,
      });
    }

    // The Products page: filtered by "ads", exactly the promoted products, with their details.
    const page = await listPage(db, catalogList, organizationId, { scopeId, page: 1, pageSize: 200, filters: { source: "ads" } });
    expect(page.rows.map((r) => r.sku).sort()).toEqual(skus);
    for (const r of page.rows) {
      expect(String(r.knownFrom)).toMatch(/ads$/);
      expect(r).toMatchObject({ title: catalog.get(String(r.asin))!.title, brand: catalog.get(String(r.asin))!.brand });
      expect(r.lastAdvertisedDay).toBe(rows.find((x) => x.sku === r.sku)!.lastAdvertisedDay);
    }
    expect(JSON.stringify(page.rows)).not.toContain("OTHER-SELLER-SKU");

    // The products of synced orders next: only the ASINs no ad promotes are asked for (the others are fresh).
    const soldAsins = new Set((await db.selectDistinct({ asin: orderItems.asin }).from(orderItems).where(eq(orderItems.storeMarketplaceId, scopeId))).map((r) => r.asin));
    const onlySold = [...soldAsins].filter((a) => !catalog.has(a));
    const sold = await runCountingCalls(db, "products-from-orders", request("products-from-orders"));
    expect(sold.calls.searchCatalogItems ?? 0).toBe(Math.ceil(onlySold.length / 20));
  });

  it("a re-run through the executor asks Amazon nothing and writes nothing", { timeout: 180_000 }, async () => {
    const again = await ctx.world.run("products-from-ads", request("products-from-ads"));
    expect(again).toMatchObject({ status: "succeeded", rowsWritten: 0, apiCalls: 0 });
  });
});
