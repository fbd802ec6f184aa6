import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { advance, type AnyJson, spGet, spToken, testSandbox, validateResponse } from "./helpers";

/*
 * getInventorySummaries as Amazon answers it (fbaInventory model, ../shared/notes/amazon-apis.md §f): pages
 * of 50 in seller SKU order, a nextToken that lives 30 seconds and belongs to its query, inbound units that
 * are the Inbound API's open shipments, and the ground truth the product's tests compare with.
 */

const M = "sp-api-models/fbaInventory.json";
const PATH = "/fba/inventory/v1/summaries";
const US = "ATVPDKIKX0DER";
const CA = "A2EUQ1WTGCTBG2";
const MX = "A1AM78C64UM0Y8";
const base = (mp: string) => `${PATH}?details=true&granularityType=Marketplace&granularityId=${mp}&marketplaceIds=${mp}`;

let sb: RunningSandbox;
let token: string;
let sellerId: string;
beforeAll(async () => {
  // Time stands still unless the test advances it; the small volume has more than a page of FBA SKUs.
  sb = await testSandbox({ volume: "small" });
  token = await spToken(sb);
  sellerId = sb.sandbox.world.sellers[0]!.sellerId;
});
afterAll(async () => sb.close());

async function get(pathAndQuery: string): Promise<{ status: number; body: AnyJson }> {
  sb.sandbox.quotas.reset();
  const r = await spGet(sb, token, pathAndQuery);
  expect(validateResponse(M, PATH, "get", r.status, r.body)).toEqual([]);
  return r;
}

async function listAll(mp: string): Promise<AnyJson[]> {
  const out: AnyJson[] = [];
  let next: string | undefined;
  do {
    const r = await get(`${base(mp)}${next ? `&nextToken=${encodeURIComponent(next)}` : ""}`);
    expect(r.status).toBe(200);
    out.push(...r.body.payload.inventorySummaries);
    next = r.body.pagination?.nextToken;
  } while (next);
  return out;
}

describe("FBA inventory summaries", () => {
  it("pages every FBA SKU in seller SKU order, equal to the ground truth, inbound from the open inbound shipments", async () => {
    const seen = { working: 0, shipped: 0, receiving: 0 };
    for (const mp of [US, CA, MX]) {
      const all = await listAll(mp);
      expect(all.length).toBeGreaterThan(50);
      const skus = all.map((s) => s.sellerSku as string);
      expect(skus).toEqual([...skus].sort());
      expect(new Set(skus).size).toBe(skus.length);

      const truth = (await (await fetch(`${sb.origin}/__sandbox/truth/inventory?sellerId=${sellerId}&marketplaceId=${mp}`)).json()) as { items: AnyJson[] };
      expect(all.map((s) => ({
        sku: s.sellerSku,
        asin: s.asin,
        fnsku: s.fnSku,
        fulfillable: s.inventoryDetails.fulfillableQuantity,
        inboundWorking: s.inventoryDetails.inboundWorkingQuantity,
        inboundShipped: s.inventoryDetails.inboundShippedQuantity,
        inboundReceiving: s.inventoryDetails.inboundReceivingQuantity,
        reserved: s.inventoryDetails.reservedQuantity.totalReservedQuantity,
        researching: s.inventoryDetails.researchingQuantity.totalResearchingQuantity,
        unfulfillable: s.inventoryDetails.unfulfillableQuantity.totalUnfulfillableQuantity,
        total: s.totalQuantity,
        lastUpdated: s.lastUpdatedTime,
      }))).toEqual(truth.items);

      // Units on their way in are the open shipments' (Inbound API v0): being prepared = working, shipped
      // and on the way = shipped, receiving = not received yet.
      sb.sandbox.quotas.reset();
      const open = await spGet(sb, token, `/fba/inbound/v0/shipments?QueryType=SHIPMENT&MarketplaceId=${mp}&ShipmentStatusList=WORKING,SHIPPED,IN_TRANSIT,DELIVERED,CHECKED_IN,RECEIVING`);
      expect(open.status).toBe(200);
      const expected = new Map<string, [number, number, number]>();
      for (const shipment of open.body.payload.ShipmentData as AnyJson[]) {
        sb.sandbox.quotas.reset();
        const items = await spGet(sb, token, `/fba/inbound/v0/shipments/${shipment.ShipmentId}/items`);
        for (const item of items.body.payload.ItemData as AnyJson[]) {
          const e = expected.get(item.SellerSKU) ?? [0, 0, 0];
          if (shipment.ShipmentStatus === "WORKING") e[0] += item.QuantityShipped;
          else if (shipment.ShipmentStatus === "RECEIVING") e[2] += item.QuantityShipped - item.QuantityReceived;
          else e[1] += item.QuantityShipped;
          expected.set(item.SellerSKU, e);
        }
      }
      for (const s of all) {
        const d = s.inventoryDetails;
        expect([d.inboundWorkingQuantity, d.inboundShippedQuantity, d.inboundReceivingQuantity], s.sellerSku).toEqual(expected.get(s.sellerSku) ?? [0, 0, 0]);
        seen.working += d.inboundWorkingQuantity;
        seen.shipped += d.inboundShippedQuantity;
        seen.receiving += d.inboundReceivingQuantity;
      }
    }
    // This world has a shipment in each state in one of the three marketplaces on this day.
    expect(seen.working).toBeGreaterThan(0);
    expect(seen.shipped).toBeGreaterThan(0);
    expect(seen.receiving).toBeGreaterThan(0);
  });

  it("refuses a nextToken after 30 seconds, and one from another query, as Amazon does", async () => {
    const first = await get(base(US));
    const next = first.body.pagination.nextToken as string;
    // Another marketplace's listing, or the same token without the startDateTime it came with.
    for (const query of [base(CA), `${base(US)}&startDateTime=2026-03-01T00:00:00Z`]) {
      const r = await get(`${query}&nextToken=${encodeURIComponent(next)}`);
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ code: "InvalidInput", message: "Next token is invalid or expired", details: "" }]);
    }
    // Within its 30 seconds the token works; after them it is refused.
    await advance(sb, 29);
    expect((await get(`${base(US)}&nextToken=${encodeURIComponent(next)}`)).status).toBe(200);
    await advance(sb, 2);
    const late = await get(`${base(US)}&nextToken=${encodeURIComponent(next)}`);
    expect(late.status).toBe(400);
    expect(late.body.errors[0].message).toBe("Next token is invalid or expired");
    // A token that is not one of Amazon's.
    expect((await get(`${base(US)}&nextToken=not-a-token`)).status).toBe(400);
  });
});
