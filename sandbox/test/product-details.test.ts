import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { JP_TITLE_TAG, listingStatus } from "../world/catalog";
import { inventoryLevel } from "../world/fba";
import { mustMarketplace } from "../world/marketplaces";
import { type AnyJson, spGet, spToken, testSandbox, validateResponse } from "./helpers";

/*
 * The catalog and listings as a seller's product pages need them, per marketplace: an ASIN is in the catalog
 * of the marketplaces its seller sells in; titles as the marketplace shows them (Amazon JP's with its tag);
 * dimensions in the marketplace's units; the MAIN picture in several sizes; a listing's status as the
 * all-listings report words it, an incomplete one with an ERROR issue; Amazon's parameter rules.
 */

let sb: RunningSandbox;
beforeAll(async () => { sb = await testSandbox({ volume: "small" }); });
afterAll(async () => { await sb.close(); });

const US = "ATVPDKIKX0DER";
const JP = "A1VC38T7YXB528";
const CATALOG = "sp-api-models/catalogItems_2022-04-01.json";
const LISTINGS = "sp-api-models/listingsItems_2021-08-01.json";

async function get(token: string, path: string, status = 200): Promise<AnyJson> {
  sb.sandbox.quotas.reset();
  const r = await spGet(sb, token, path);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

describe("catalog items per marketplace", () => {
  it("answers an ASIN only where its seller sells, with the marketplace's title, units and picture sizes", async () => {
    const token = await spToken(sb);
    const [, , japan] = sb.sandbox.world.sellers;
    const us = sb.sandbox.world.catalog(sb.sandbox.world.sellers[0]!).find((p) => !p.isParent)!;
    const jp = sb.sandbox.world.catalog(japan!).find((p) => !p.isParent)!;
    const inc = "summaries,images,dimensions";

    const usItem = await get(token, `/catalog/2022-04-01/items/${us.asin}?marketplaceIds=${US}&includedData=${inc}`);
    expect(validateResponse(CATALOG, "/catalog/2022-04-01/items/{asin}", "get", 200, usItem)).toEqual([]);
    expect(usItem.summaries[0]).toMatchObject({ itemName: us.title, brand: us.brand });
    expect(Object.values(usItem.dimensions[0].item).map((d) => (d as { unit: string }).unit)).toEqual(["inches", "inches", "inches", "pounds"]);
    const sizes = usItem.images[0].images.filter((i: { variant: string }) => i.variant === "MAIN").map((i: { height: number }) => i.height);
    expect(sizes.length).toBeGreaterThan(1);

    const jpItem = await get(token, `/catalog/2022-04-01/items/${jp.asin}?marketplaceIds=${JP}&includedData=${inc}`);
    expect(jpItem.summaries[0].itemName).toBe(JP_TITLE_TAG + jp.title);
    expect(jpItem.dimensions[0].item.length).toEqual({ unit: "centimeters", value: jp.dims.longestCm });
    expect(jpItem.dimensions[0].item.weight).toEqual({ unit: "kilograms", value: jp.dims.weightKg });

    // A Japanese seller's ASIN is not in Amazon.com's catalog, nor found by a search there.
    const missing = await get(token, `/catalog/2022-04-01/items/${jp.asin}?marketplaceIds=${US}`, 404);
    expect(validateResponse(CATALOG, "/catalog/2022-04-01/items/{asin}", "get", 404, missing)).toEqual([]);
    const search = await get(token, `/catalog/2022-04-01/items?marketplaceIds=${US}&identifiersType=ASIN&identifiers=${us.asin},${jp.asin}`);
    expect(search.items.map((i: { asin: string }) => i.asin)).toEqual([us.asin]);
  });

  it("refuses refinements of a keyword search beside identifiers", async () => {
    const token = await spToken(sb);
    const body = await get(token, `/catalog/2022-04-01/items?marketplaceIds=${US}&identifiersType=ASIN&identifiers=B000000001&brandNames=Sandbox`, 400);
    expect(body.errors[0].message).toMatch(/brandNames cannot be used with identifiers/);
  });
});

describe("listings per marketplace", () => {
  it("words each listing's status as the all-listings report does, an incomplete one with an ERROR issue", async () => {
    const seller = sb.sandbox.world.sellers[0]!;
    const token = await spToken(sb);
    const m = mustMarketplace(US);
    const now = sb.sandbox.clock.now();
    const statusOf = (p: (typeof catalog)[number]) => listingStatus(sb.sandbox.seed, seller.sellerId, US, p, p.isParent || p.channel === "AFN" ? null : inventoryLevel(sb.sandbox.seed, seller.sellerId, m, p, now).fulfillable);
    const catalog = sb.sandbox.world.catalog(seller).filter((p) => !p.isParent);
    const seen = new Set<string>();
    for (const status of ["Active", "Inactive", "Incomplete"]) {
      const p = catalog.find((x) => statusOf(x) === status);
      if (!p) continue;
      seen.add(status);
      const body = await get(token, `/listings/2021-08-01/items/${seller.sellerId}/${p.sku}?marketplaceIds=${US}&includedData=summaries,issues`);
      expect(validateResponse(LISTINGS, "/listings/2021-08-01/items/{sellerId}/{sku}", "get", 200, body)).toEqual([]);
      expect(body.summaries[0].status, status).toEqual(status === "Active" ? ["BUYABLE", "DISCOVERABLE"] : status === "Inactive" ? ["DISCOVERABLE"] : []);
      expect(body.issues.some((i: { severity: string }) => i.severity === "ERROR"), status).toBe(status === "Incomplete");
    }
    expect(seen).toEqual(new Set(["Active", "Inactive", "Incomplete"]));
  });

  it("searches by up to 20 SKUs, and refuses an unknown identifiersType or identifiers beside a variation parent", async () => {
    const seller = sb.sandbox.world.sellers[0]!;
    const token = await spToken(sb);
    const skus = sb.sandbox.world.catalog(seller).slice(0, 20).map((p) => p.sku);
    const base = `/listings/2021-08-01/items/${seller.sellerId}?marketplaceIds=${US}`;
    const found = await get(token, `${base}&identifiersType=SKU&identifiers=${skus.join(",")},NO-SUCH-SKU&pageSize=20`, 400);
    expect(found.errors[0].message).toMatch(/at most 20/);
    const twenty = await get(token, `${base}&identifiersType=SKU&identifiers=${skus.join(",")}&pageSize=20`);
    expect(twenty.items.map((i: { sku: string }) => i.sku).sort()).toEqual([...skus].sort());
    expect((await get(token, `${base}&identifiersType=SELLER_SKU&identifiers=${skus[0]}`, 400)).errors[0].message).toMatch(/identifiersType/);
    expect((await get(token, `${base}&identifiersType=SKU`, 400)).errors[0].message).toMatch(/identifiers is required/);
    expect((await get(token, `${base}&identifiersType=SKU&identifiers=${skus[0]}&variationParentSku=${skus[0]}`, 400)).errors[0].message).toMatch(/only one of/);
  });
});
