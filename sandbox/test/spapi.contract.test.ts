import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { refundEvent } from "../world/finances";
import { type AnyJson, documentedParams, FIXED_NOW, spGet, spToken, testSandbox, validateResponse } from "./helpers";

let sb: RunningSandbox;
let token: string;
let sellerId: string;
beforeAll(async () => { sb = await testSandbox({ volume: "small" }); token = await spToken(sb); sellerId = sb.sandbox.world.sellers[0]!.sellerId; });
afterAll(async () => { await sb.close(); });

const US = "ATVPDKIKX0DER";
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86400_000;

/** GET, check 200, validate against the model, and check every query parameter is documented. */
async function check(model: string, template: string, pathAndQuery: string, status = 200): Promise<AnyJson> {
  // Quotas are exercised in quota.test.ts; here every call starts with full buckets.
  sb.sandbox.quotas.reset();
  const r = await spGet(sb, token, pathAndQuery);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(validateResponse(model, template, "get", status, r.body)).toEqual([]);
  const documented = documentedParams(model, template, "get");
  const q = new URL(pathAndQuery, "http://x").searchParams;
  for (const k of q.keys()) expect(documented, `${k} documented`).toContain(k);
  return r.body;
}

describe("catalog items 2022-04-01", () => {
  const M = "sp-api-models/catalogItems_2022-04-01.json";
  it("getCatalogItem with every includedData; parent has children", async () => {
    const catalog = sb.sandbox.world.catalog(sb.sandbox.world.sellers[0]!);
    const parent = catalog.find((p) => p.isParent)!;
    const all = "attributes,classifications,dimensions,identifiers,images,productTypes,relationships,salesRanks,summaries,vendorDetails";
    const b = await check(M, "/catalog/2022-04-01/items/{asin}", `/catalog/2022-04-01/items/${parent.asin}?marketplaceIds=${US}&includedData=${all}`);
    expect(b.relationships[0].relationships[0].childAsins.length).toBeGreaterThan(0);
    expect(b.summaries[0].itemClassification).toBe("VARIATION_PARENT");
    await check(M, "/catalog/2022-04-01/items/{asin}", `/catalog/2022-04-01/items/B000000000?marketplaceIds=${US}`, 404);
  });
  it("searchCatalogItems by ASIN and SKU, paginated", async () => {
    const catalog = sb.sandbox.world.catalog(sb.sandbox.world.sellers[0]!);
    const asins = catalog.slice(0, 15).map((p) => p.asin).join(",");
    const b = await check(M, "/catalog/2022-04-01/items", `/catalog/2022-04-01/items?marketplaceIds=${US}&identifiers=${asins}&identifiersType=ASIN&pageSize=10&includedData=summaries,identifiers`);
    expect(b.numberOfResults).toBe(15);
    expect(b.items).toHaveLength(10);
    const n = await check(M, "/catalog/2022-04-01/items", `/catalog/2022-04-01/items?marketplaceIds=${US}&identifiers=${asins}&identifiersType=ASIN&pageSize=10&includedData=summaries,identifiers&pageToken=${b.pagination.nextToken}`);
    expect(n.items).toHaveLength(5);
    const s = await check(M, "/catalog/2022-04-01/items", `/catalog/2022-04-01/items?marketplaceIds=${US}&identifiers=${catalog[1]!.sku}&identifiersType=SKU&sellerId=${sellerId}`);
    expect(s.items[0].asin).toBe(catalog[1]!.asin);
  });
});

describe("listings items 2021-08-01", () => {
  const M = "sp-api-models/listingsItems_2021-08-01.json";
  it("getListingsItem and searchListingsItems", async () => {
    const catalog = sb.sandbox.world.catalog(sb.sandbox.world.sellers[0]!);
    const child = catalog.find((p) => p.parentAsin)!;
    const all = "summaries,attributes,issues,offers,fulfillmentAvailability,procurement,relationships,productTypes";
    const g = await check(M, "/listings/2021-08-01/items/{sellerId}/{sku}", `/listings/2021-08-01/items/${sellerId}/${child.sku}?marketplaceIds=${US}&includedData=${all}`);
    expect(g.sku).toBe(child.sku);
    expect(g.summaries[0].asin).toBe(child.asin);
    const s = await check(M, "/listings/2021-08-01/items/{sellerId}", `/listings/2021-08-01/items/${sellerId}?marketplaceIds=${US}&pageSize=20&includedData=summaries,offers&sortBy=sku&sortOrder=ASC`);
    expect(s.items).toHaveLength(20);
    expect(s.numberOfResults).toBe(catalog.length);
    const next = await check(M, "/listings/2021-08-01/items/{sellerId}", `/listings/2021-08-01/items/${sellerId}?marketplaceIds=${US}&pageSize=20&includedData=summaries,offers&sortBy=sku&sortOrder=ASC&pageToken=${s.pagination.nextToken}`);
    expect(next.items[0].sku > s.items[19].sku).toBe(true);
    const other = await spGet(sb, token, `/listings/2021-08-01/items/AOTHERSELLER00/${child.sku}?marketplaceIds=${US}`);
    expect(other.status).toBe(403);
    // Scoped by seller: the product proves who granted a token with exactly this call.
    const otherSearch = await spGet(sb, token, `/listings/2021-08-01/items/AOTHERSELLER00?marketplaceIds=${US}&pageSize=1`);
    expect(otherSearch.status).toBe(403);
    expect(validateResponse(M, "/listings/2021-08-01/items/{sellerId}", "get", 403, otherSearch.body)).toEqual([]);
  });
});

describe("FBA inventory v1", () => {
  const M = "sp-api-models/fbaInventory.json";
  it("summaries with details, paging and sellerSkus", async () => {
    const b = await check(M, "/fba/inventory/v1/summaries", `/fba/inventory/v1/summaries?details=true&granularityType=Marketplace&granularityId=${US}&marketplaceIds=${US}`);
    const items = b.payload.inventorySummaries;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].inventoryDetails.fulfillableQuantity).toBeTypeOf("number");
    if (b.pagination) {
      const n = await check(M, "/fba/inventory/v1/summaries", `/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=${US}&marketplaceIds=${US}&nextToken=${b.pagination.nextToken}`);
      expect(n.payload.inventorySummaries[0].sellerSku).not.toBe(items[0].sellerSku);
    }
    const one = await check(M, "/fba/inventory/v1/summaries", `/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=${US}&marketplaceIds=${US}&sellerSkus=${items[0].sellerSku}`);
    expect(one.payload.inventorySummaries).toHaveLength(1);
    await check(M, "/fba/inventory/v1/summaries", `/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=${US}&marketplaceIds=${US}&startDateTime=${iso(FIXED_NOW.getTime() - 10 * DAY)}`);
    await check(M, "/fba/inventory/v1/summaries", `/fba/inventory/v1/summaries?granularityType=Country&granularityId=${US}&marketplaceIds=${US}`, 400);
  });
});

describe("finances v0", () => {
  const M = "sp-api-models/financesV0.json";
  it("by posted-date range: shipments and refunds with fee breakdowns; paging", async () => {
    const after = iso(FIXED_NOW.getTime() - 20 * DAY);
    const before = iso(FIXED_NOW.getTime() - 1 * DAY);
    const b = await check(M, "/finances/v0/financialEvents", `/finances/v0/financialEvents?PostedAfter=${after}&PostedBefore=${before}&MaxResultsPerPage=100`);
    const fe = b.payload.FinancialEvents;
    expect(fe.ShipmentEventList.length + fe.RefundEventList.length + fe.AdjustmentEventList.length).toBe(100);
    const fees = fe.ShipmentEventList[0].ShipmentItemList[0].ItemFeeList.map((f: AnyJson) => f.FeeType);
    expect(fees).toContain("Commission");
    let refunds = fe.RefundEventList.length;
    let token = b.payload.NextToken;
    for (let i = 0; i < 40 && token; i++) {
      const n = await check(M, "/finances/v0/financialEvents", `/finances/v0/financialEvents?NextToken=${token}`);
      refunds += n.payload.FinancialEvents.RefundEventList.length;
      token = n.payload.NextToken;
    }
    expect(refunds).toBeGreaterThan(0);
    const tooLong = await check(M, "/finances/v0/financialEvents", `/finances/v0/financialEvents?PostedAfter=${iso(FIXED_NOW.getTime() - 190 * DAY)}&PostedBefore=${before}`);
    expect(tooLong.payload.FinancialEvents.ShipmentEventList).toEqual([]);
    await check(M, "/finances/v0/financialEvents", `/finances/v0/financialEvents?PostedAfter=${iso(FIXED_NOW.getTime() - 30_000)}`, 400);
  });
  it("cash reimbursements post as adjustment events matching the reimbursements report", async () => {
    const after = iso(FIXED_NOW.getTime() - 30 * DAY);
    const before = iso(FIXED_NOW.getTime() - 1 * DAY);
    const adjustments: AnyJson[] = [];
    let next: string | undefined;
    let first = true;
    while (first || next) {
      const b = await check(M, "/finances/v0/financialEvents", first ? `/finances/v0/financialEvents?PostedAfter=${after}&PostedBefore=${before}` : `/finances/v0/financialEvents?NextToken=${next}`);
      adjustments.push(...b.payload.FinancialEvents.AdjustmentEventList);
      next = b.payload.NextToken;
      first = false;
    }
    const truth = await (await fetch(`${sb.origin}/__sandbox/truth/report?reportType=GET_FBA_REIMBURSEMENTS_DATA&from=${after}&to=${before}`)).json();
    const cash = (truth.rows as Array<Record<string, string>>).filter((r) => Number(r["quantity-reimbursed-cash"]) > 0);
    expect(cash.length).toBeGreaterThan(0);
    expect(adjustments.map((a) => a.AdjustmentItemList[0].TransactionNumber).sort()).toEqual(cash.map((r) => r["reimbursement-id"]).sort());
  });

  it("by order id: the order's events Finances shows, paged; a malformed id refused as Amazon does", async () => {
    // Shipped well before now: its shipment event is past Finances' lag of up to 48 hours.
    const o = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US}&CreatedAfter=${iso(FIXED_NOW.getTime() - 10 * DAY)}&CreatedBefore=${iso(FIXED_NOW.getTime() - 6 * DAY)}&OrderStatuses=Shipped&MaxResultsPerPage=1`);
    const id = o.body.payload.Orders[0].AmazonOrderId;
    const b = await check(M, "/finances/v0/orders/{orderId}/financialEvents", `/finances/v0/orders/${id}/financialEvents?MaxResultsPerPage=10`);
    expect(b.payload.FinancialEvents.ShipmentEventList[0].AmazonOrderId).toBe(id);
    const charges = b.payload.FinancialEvents.ShipmentEventList[0].ShipmentItemList[0].ItemChargeList;
    expect(charges.find((c: AnyJson) => c.ChargeType === "Principal").ChargeAmount.CurrencyCode).toBe("USD");
    const bad = await check(M, "/finances/v0/orders/{orderId}/financialEvents", "/finances/v0/orders/BAD-ORDER/financialEvents", 400);
    expect(bad.errors[0]).toMatchObject({ code: "InvalidInput", message: "Bad order ID provided." });
  });

  it("a refund: principal, tax and shipping back, promotion reversed, commission returned less the refund fee; shown only some hours after its posting", async () => {
    const truth = await (await fetch(`${sb.origin}/__sandbox/truth/orders?marketplaceId=${US}&from=${iso(FIXED_NOW.getTime() - 90 * DAY)}`)).json();
    type TruthEvent = { kind: string; postedDate: string; items: { adjustmentItemId?: string; charges: { type: string }[]; fees: { type: string }[] }[] };
    const refunded = (truth.orders as { AmazonOrderId: string; financialEvents: TruthEvent[] }[]).filter((x) => x.financialEvents.some((e) => e.kind === "Refund"));
    expect(refunded.length).toBeGreaterThan(0);
    const one = refunded[0]!;
    const b = await check(M, "/finances/v0/orders/{orderId}/financialEvents", `/finances/v0/orders/${one.AmazonOrderId}/financialEvents`);
    const refund = b.payload.FinancialEvents.RefundEventList[0];
    expect(refund.MarketplaceName).toBe("Amazon.com");
    const item = refund.ShipmentItemAdjustmentList[0];
    expect(item.OrderAdjustmentItemId).toMatch(/^\d{14}$/);
    expect(item.ItemChargeAdjustmentList.map((c: AnyJson) => c.ChargeType)).toEqual(expect.arrayContaining(["Principal", "Tax"]));
    expect(item.ItemChargeAdjustmentList.every((c: AnyJson) => c.ChargeAmount.CurrencyAmount <= 0)).toBe(true);
    expect(item.ItemFeeAdjustmentList.map((f: AnyJson) => f.FeeType)).toEqual(["Commission", "RefundCommission"]);
    // A refund posted in the last two days may not be in Finances yet: neither by order nor in the truth.
    const now = sb.sandbox.clock.now();
    const world = sb.sandbox.world;
    const seller = world.sellers[0]!;
    const late = [...world.ordersPurchasedBetween(seller, world.marketplaces(seller)[0]!, now - 40 * DAY, now)]
      .map((x) => refundEvent(x))
      .find((e) => e !== undefined && e.postedMs <= now && e.visibleMs > now)!;
    expect(late).toBeDefined();
    const hidden = await check(M, "/finances/v0/orders/{orderId}/financialEvents", `/finances/v0/orders/${late.order.amazonOrderId}/financialEvents`);
    expect(hidden.payload.FinancialEvents.RefundEventList).toEqual([]);
    expect(refunded.map((x) => x.AmazonOrderId)).not.toContain(late.order.amazonOrderId);
  });
});

describe("sales v1", () => {
  const M = "sp-api-models/sales.json";
  it("getOrderMetrics by day in the marketplace zone matches the orders", async () => {
    const interval = "2026-03-01T00:00:00-08:00--2026-03-08T00:00:00-08:00";
    const b = await check(M, "/sales/v1/orderMetrics", `/sales/v1/orderMetrics?marketplaceIds=${US}&interval=${encodeURIComponent(interval)}&granularity=Day&granularityTimeZone=America/Los_Angeles&buyerType=All`);
    expect(b.payload).toHaveLength(7);
    const total = await check(M, "/sales/v1/orderMetrics", `/sales/v1/orderMetrics?marketplaceIds=${US}&interval=${encodeURIComponent(interval)}&granularity=Total&granularityTimeZone=America/Los_Angeles`);
    const sum = b.payload.reduce((a: number, x: AnyJson) => a + x.orderCount, 0);
    expect(total.payload[0].orderCount).toBe(sum);
    expect(sum).toBeGreaterThan(0);
    const week = await check(M, "/sales/v1/orderMetrics", `/sales/v1/orderMetrics?marketplaceIds=${US}&interval=${encodeURIComponent(interval)}&granularity=Week&granularityTimeZone=America/Los_Angeles&firstDayOfWeek=Monday&fulfillmentNetwork=AFN`);
    expect(week.payload.length).toBeGreaterThanOrEqual(1);
    await check(M, "/sales/v1/orderMetrics", `/sales/v1/orderMetrics?marketplaceIds=${US}&interval=${encodeURIComponent(interval)}&granularity=Day`, 400);
  });
});

describe("fulfillment inbound v0", () => {
  const M = "sp-api-models/fulfillmentInboundV0.json";
  it("shipments by status and date range; items; closed shipments with shortfalls exist", async () => {
    const b = await check(M, "/fba/inbound/v0/shipments", `/fba/inbound/v0/shipments?QueryType=SHIPMENT&MarketplaceId=${US}&ShipmentStatusList=CLOSED,RECEIVING,WORKING,SHIPPED,IN_TRANSIT,DELIVERED,CHECKED_IN,CANCELLED`);
    const closed = b.payload.ShipmentData.filter((s: AnyJson) => s.ShipmentStatus === "CLOSED");
    expect(closed.length).toBeGreaterThan(0);
    let shortfall = 0;
    for (const s of closed) {
      const items = await check(M, "/fba/inbound/v0/shipments/{shipmentId}/items", `/fba/inbound/v0/shipments/${s.ShipmentId}/items?MarketplaceId=${US}`);
      for (const i of items.payload.ItemData) shortfall += i.QuantityShipped - i.QuantityReceived;
    }
    expect(shortfall).toBeGreaterThan(0);
    const range = `LastUpdatedAfter=${iso(FIXED_NOW.getTime() - 90 * DAY)}&LastUpdatedBefore=${iso(FIXED_NOW.getTime())}`;
    await check(M, "/fba/inbound/v0/shipments", `/fba/inbound/v0/shipments?QueryType=DATE_RANGE&MarketplaceId=${US}&${range}`);
    const items = await check(M, "/fba/inbound/v0/shipmentItems", `/fba/inbound/v0/shipmentItems?QueryType=DATE_RANGE&MarketplaceId=${US}&${range}`);
    expect(items.payload.ItemData.length).toBeGreaterThan(0);
    await check(M, "/fba/inbound/v0/shipments", `/fba/inbound/v0/shipments?QueryType=SHIPMENT&MarketplaceId=${US}`, 400);
  });
});
