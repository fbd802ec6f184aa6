import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { type AnyJson, documentedParams, FIXED_NOW, spGet, spToken, testSandbox, validateResponse } from "./helpers";

let sb: RunningSandbox;
let token: string;
beforeAll(async () => { sb = await testSandbox({ volume: "small" }); token = await spToken(sb); });
afterAll(async () => { await sb.close(); });

const V0 = "sp-api-models/ordersV0.json";
const V2026 = "sp-api-models/orders_2026-01-01.json";
const US = "ATVPDKIKX0DER";
const iso = (ms: number) => new Date(ms).toISOString();

describe("orders contract", () => {
  it("getOrders (created window) validates, pages with NextToken and keeps filters", async () => {
    const after = iso(FIXED_NOW.getTime() - 3 * 86400_000);
    const r = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US}&CreatedAfter=${after}&MaxResultsPerPage=50`);
    expect(r.status).toBe(200);
    expect(validateResponse(V0, "/orders/v0/orders", "get", 200, r.body)).toEqual([]);
    expect(r.body.payload.Orders).toHaveLength(50);
    expect(r.body.payload.NextToken).toBeTruthy();
    expect(r.headers.get("x-amzn-ratelimit-limit")).toBe("0.0167");
    const r2 = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US}&NextToken=${encodeURIComponent(r.body.payload.NextToken)}`);
    expect(validateResponse(V0, "/orders/v0/orders", "get", 200, r2.body)).toEqual([]);
    const ids1 = new Set(r.body.payload.Orders.map((o: AnyJson) => o.AmazonOrderId));
    for (const o of r2.body.payload.Orders) expect(ids1.has(o.AmazonOrderId)).toBe(false);
    const statuses = new Set([...r.body.payload.Orders, ...r2.body.payload.Orders].map((o: AnyJson) => o.OrderStatus));
    expect(statuses.has("Shipped")).toBe(true);
  });

  it("getOrders accepts every filter we document as supported and enforces Amazon's rules", async () => {
    const documented = documentedParams(V0, "/orders/v0/orders", "get");
    for (const p of ["CreatedAfter", "CreatedBefore", "LastUpdatedAfter", "LastUpdatedBefore", "OrderStatuses", "MarketplaceIds", "FulfillmentChannels", "MaxResultsPerPage", "NextToken", "AmazonOrderIds"]) expect(documented).toContain(p);
    const after = iso(FIXED_NOW.getTime() - 5 * 86400_000);
    const before = iso(FIXED_NOW.getTime() - 1 * 86400_000);
    const r = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US},A2EUQ1WTGCTBG2&LastUpdatedAfter=${after}&LastUpdatedBefore=${before}&OrderStatuses=Shipped,Canceled&FulfillmentChannels=AFN`);
    expect(r.status).toBe(200);
    expect(validateResponse(V0, "/orders/v0/orders", "get", 200, r.body)).toEqual([]);
    for (const o of r.body.payload.Orders) {
      expect(["Shipped", "Canceled"]).toContain(o.OrderStatus);
      expect(o.FulfillmentChannel).toBe("AFN");
      expect(Date.parse(o.LastUpdateDate)).toBeGreaterThanOrEqual(Date.parse(after));
      expect(Date.parse(o.LastUpdateDate)).toBeLessThan(Date.parse(before));
    }
    const tooLate = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US}&CreatedAfter=${after}&CreatedBefore=${iso(FIXED_NOW.getTime() - 60_000)}`);
    expect(tooLate.status).toBe(400);
    expect(validateResponse(V0, "/orders/v0/orders", "get", 400, tooLate.body)).toEqual([]);
    const both = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US}&CreatedAfter=${after}&LastUpdatedAfter=${after}`);
    expect(both.status).toBe(400);
    const none = await spGet(sb, token, `/orders/v0/orders?CreatedAfter=${after}`);
    expect(none.status).toBe(400);
  });

  it("accepts every documented getOrders parameter", async () => {
    const after = iso(FIXED_NOW.getTime() - 3 * 86400_000);
    const before = iso(FIXED_NOW.getTime() - 86400_000);
    const values: Record<string, string> = {
      CreatedAfter: after, CreatedBefore: before, OrderStatuses: "Shipped", MarketplaceIds: US, FulfillmentChannels: "MFN", PaymentMethods: "Other",
      MaxResultsPerPage: "10", LatestDeliveryDateAfter: after, LatestDeliveryDateBefore: iso(FIXED_NOW.getTime() + 10 * 86400_000),
    };
    const r = await spGet(sb, token, `/orders/v0/orders?${new URLSearchParams(values).toString()}`);
    expect(r.status).toBe(200);
    expect(r.body.payload.Orders.length).toBeGreaterThan(0);
    for (const o of r.body.payload.Orders) expect(o).toMatchObject({ FulfillmentChannel: "MFN", OrderStatus: "Shipped" });
    const documented = documentedParams(V0, "/orders/v0/orders", "get");
    const rest: Record<string, string> = { BuyerEmail: "x@example.com", SellerOrderId: "1", EasyShipShipmentStatuses: "PendingSchedule", ElectronicInvoiceStatuses: "Accepted", IsISPU: "true", StoreChainStoreId: "S1", ActualFulfillmentSupplySourceId: "X", EarliestDeliveryDateAfter: after, EarliestDeliveryDateBefore: before, AmazonOrderIds: "111-1111111-1111111", NextToken: "" };
    const elsewhere = ["LastUpdatedAfter", "LastUpdatedBefore"]; // exercised in the filter test above
    for (const k of documented) expect(k in values || k in rest || elsewhere.includes(k), k).toBe(true);
    for (const [k, v] of Object.entries(rest)) {
      if (k === "NextToken" || k === "AmazonOrderIds") continue;
      const x = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US}&CreatedAfter=${after}&${k}=${encodeURIComponent(v)}`);
      expect(x.status, k).toBe(200);
      expect(validateResponse(V0, "/orders/v0/orders", "get", 200, x.body), k).toEqual([]);
      expect(x.body.payload.Orders, k).toEqual([]);
    }
  });

  it("getOrder and getOrderItems validate; pending orders carry no prices", async () => {
    const after = iso(FIXED_NOW.getTime() - 2 * 86400_000);
    const r = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US}&CreatedAfter=${after}`);
    const orders = r.body.payload.Orders as AnyJson[];
    const pending = orders.find((o) => o.OrderStatus === "Pending");
    const shipped = orders.find((o) => o.OrderStatus === "Shipped") ?? orders[0];
    const one = await spGet(sb, token, `/orders/v0/orders/${shipped.AmazonOrderId}`);
    expect(validateResponse(V0, "/orders/v0/orders/{orderId}", "get", 200, one.body)).toEqual([]);
    expect(one.body.payload).toEqual(shipped);
    const items = await spGet(sb, token, `/orders/v0/orders/${shipped.AmazonOrderId}/orderItems`);
    expect(items.status).toBe(200);
    expect(validateResponse(V0, "/orders/v0/orders/{orderId}/orderItems", "get", 200, items.body)).toEqual([]);
    expect(items.body.payload.OrderItems[0].ItemPrice.Amount).toMatch(/^\d+\.\d{2}$/);
    if (pending) {
      const pi = await spGet(sb, token, `/orders/v0/orders/${pending.AmazonOrderId}/orderItems`);
      expect(pi.body.payload.OrderItems[0].ItemPrice).toBeUndefined();
    }
    const missing = await spGet(sb, token, `/orders/v0/orders/111-1111111-1111111/orderItems`);
    expect(missing.status).toBe(404);
    expect(validateResponse(V0, "/orders/v0/orders/{orderId}/orderItems", "get", 404, missing.body)).toEqual([]);
  });

  it("searchOrders (2026-01-01) validates with includedData and paginates", async () => {
    const documented = documentedParams(V2026, "/orders/2026-01-01/orders", "get");
    const after = iso(FIXED_NOW.getTime() - 3 * 86400_000);
    const q = `marketplaceIds=${US}&createdAfter=${after}&maxResultsPerPage=20&includedData=PROCEEDS,FULFILLMENT,RECIPIENT,BUYER&fulfillmentStatuses=SHIPPED,UNSHIPPED,PENDING,CANCELLED&fulfilledBy=AMAZON,MERCHANT`;
    for (const k of new URLSearchParams(q).keys()) expect(documented).toContain(k);
    const r = await spGet(sb, token, `/orders/2026-01-01/orders?${q}`);
    expect(r.status).toBe(200);
    expect(validateResponse(V2026, "/orders/2026-01-01/orders", "get", 200, r.body)).toEqual([]);
    expect(r.body.orders).toHaveLength(20);
    const next = await spGet(sb, token, `/orders/2026-01-01/orders?paginationToken=${encodeURIComponent(r.body.pagination.nextToken)}`);
    expect(validateResponse(V2026, "/orders/2026-01-01/orders", "get", 200, next.body)).toEqual([]);
    expect(next.body.orders[0].orderId).not.toBe(r.body.orders[0].orderId);
    const one = await spGet(sb, token, `/orders/2026-01-01/orders/${r.body.orders[0].orderId}?includedData=FULFILLMENT`);
    expect(validateResponse(V2026, "/orders/2026-01-01/orders/{orderId}", "get", 200, one.body)).toEqual([]);
  });

  it("v0 and 2026 agree on the same orders", async () => {
    const after = iso(FIXED_NOW.getTime() - 1 * 86400_000);
    const a = await spGet(sb, token, `/orders/v0/orders?MarketplaceIds=${US}&CreatedAfter=${after}`);
    const b = await spGet(sb, token, `/orders/2026-01-01/orders?marketplaceIds=${US}&createdAfter=${after}`);
    expect(b.body.orders.map((o: AnyJson) => o.orderId)).toEqual(a.body.payload.Orders.map((o: AnyJson) => o.AmazonOrderId));
  });

  it("paging through getOrders reconciles exactly with the ground truth", async () => {
    const from = iso(FIXED_NOW.getTime() - 4 * 86400_000);
    const to = iso(FIXED_NOW.getTime() - 1 * 86400_000);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      sb.sandbox.quotas.reset();
      const q = next ? `NextToken=${encodeURIComponent(next)}` : `MarketplaceIds=${US}&CreatedAfter=${from}&CreatedBefore=${to}&MaxResultsPerPage=37`;
      const r = await spGet(sb, token, `/orders/v0/orders?${q}`);
      seen.push(...r.body.payload.Orders.map((o: AnyJson) => o.AmazonOrderId as string));
      next = r.body.payload.NextToken;
    } while (next);
    const truth = await (await fetch(`${sb.origin}/__sandbox/truth/orders?marketplaceId=${US}&from=${from}&to=${to}`)).json();
    expect([...seen].sort()).toEqual(truth.orders.map((o: AnyJson) => o.AmazonOrderId as string).sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("sellers getMarketplaceParticipations validates", async () => {
    const r = await spGet(sb, token, "/sellers/v1/marketplaceParticipations");
    expect(validateResponse("sp-api-models/sellers.json", "/sellers/v1/marketplaceParticipations", "get", 200, r.body)).toEqual([]);
    expect(r.body.payload[0].marketplace).toMatchObject({ id: US, countryCode: "US", defaultCurrencyCode: "USD" });
  });
});
