import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import { hash32 } from "../util/rng";
import type { Product } from "../world/catalog";
import { catalogDimensions, localTitle } from "../world/catalog";
import type { Marketplace } from "../world/marketplaces";
import { marketplace } from "../world/marketplaces";
import type { Seller } from "../world/sellers";
import { decodeToken, encodeToken, intParam, list } from "./common";

const INCLUDED = ["attributes", "classifications", "dimensions", "identifiers", "images", "productTypes", "relationships", "salesRanks", "summaries", "vendorDetails"];
const ID_TYPES = ["ASIN", "EAN", "GTIN", "ISBN", "JAN", "MINSAN", "SKU", "UPC"];

function marketplacesParam(ctx: Ctx, max: number): Marketplace[] {
  const ids = list(ctx, "marketplaceIds");
  if (ids.length === 0) throw spError(400, "InvalidInput", "Missing required parameter marketplaceIds");
  if (ids.length > max) throw spError(400, "InvalidInput", `marketplaceIds accepts at most ${String(max)} value(s)`);
  return ids.map((id) => {
    const m = marketplace(id);
    if (!m) throw spError(400, "InvalidInput", `Invalid marketplaceIds: ${id}`);
    return m;
  });
}

function includedParam(ctx: Ctx): string[] {
  const v = list(ctx, "includedData");
  for (const x of v) if (!INCLUDED.includes(x)) throw spError(400, "InvalidInput", `Invalid includedData: ${x}`);
  return v.length ? v : ["summaries"];
}

/** The requested marketplaces an item is sold in: its seller's (an ASIN is in a marketplace's catalog where it is listed). */
const soldIn = (seller: Seller, mps: Marketplace[]) => mps.filter((m) => seller.marketplaceIds.includes(m.id));

export function catalogItem(ctx: Ctx, p: Product, seller: Seller, requested: Marketplace[], included: string[]): Record<string, unknown> {
  const mps = soldIn(seller, requested);
  const catalog = ctx.sb.world.catalog(seller);
  const children = p.isParent ? catalog.filter((c) => c.parentAsin === p.asin).map((c) => c.asin) : [];
  const item: Record<string, unknown> = { asin: p.asin };
  const inc = (k: string) => included.includes(k);
  if (inc("attributes")) {
    item.attributes = {
      item_name: mps.map((m) => ({ value: localTitle(p, m), language_tag: m.language, marketplace_id: m.id })),
      brand: mps.map((m) => ({ value: p.brand, language_tag: m.language, marketplace_id: m.id })),
    };
  }
  if (inc("classifications")) item.classifications = mps.map((m) => ({ marketplaceId: m.id, classifications: [{ displayName: p.productType.replace(/_/g, " ").toLowerCase(), classificationId: String(1000000 + (hash32(p.productType) % 8999999)) }] }));
  if (inc("dimensions")) item.dimensions = mps.map((m) => ({ marketplaceId: m.id, item: catalogDimensions(p, m) }));
  if (inc("identifiers")) item.identifiers = mps.map((m) => ({ marketplaceId: m.id, identifiers: p.isParent ? [] : [{ identifierType: "EAN", identifier: p.ean }] }));
  // Amazon gives each variant in several sizes (the same picture, its own link each).
  if (inc("images"))
    item.images = mps.map((m) => ({
      marketplaceId: m.id,
      images: [
        { variant: "MAIN", link: `https://m.media-amazon.com/images/I/${p.asin}._SL75_.jpg`, height: 75, width: 75 },
        { variant: "MAIN", link: `https://m.media-amazon.com/images/I/${p.asin}.jpg`, height: 500, width: 500 },
        ...(p.isParent ? [] : [{ variant: "PT01", link: `https://m.media-amazon.com/images/I/${p.asin}.PT01.jpg`, height: 500, width: 500 }]),
      ],
    }));
  if (inc("productTypes")) item.productTypes = mps.map((m) => ({ marketplaceId: m.id, productType: p.productType }));
  if (inc("relationships")) {
    item.relationships = mps.map((m) => ({
      marketplaceId: m.id,
      relationships: p.isParent
        ? [{ type: "VARIATION", childAsins: children, variationTheme: { attributes: ["color", "size"], theme: "COLOR/SIZE" } }]
        : p.parentAsin ? [{ type: "VARIATION", parentAsins: [p.parentAsin], variationTheme: { attributes: ["color", "size"], theme: "COLOR/SIZE" } }] : [],
    }));
  }
  if (inc("salesRanks")) item.salesRanks = mps.map((m) => ({ marketplaceId: m.id, classificationRanks: p.isParent ? [] : [{ classificationId: String(1000000 + (hash32(p.productType) % 8999999)), title: p.productType, rank: 1 + (hash32(p.asin, m.id) % 50000) }] }));
  if (inc("summaries")) {
    item.summaries = mps.map((m) => {
      const s: Record<string, unknown> = { marketplaceId: m.id, brand: p.brand, itemClassification: p.isParent ? "VARIATION_PARENT" : "BASE_PRODUCT", itemName: localTitle(p, m), manufacturer: p.brand, adultProduct: false, autographed: false, memorabilia: false, tradeInEligible: false, packageQuantity: 1, websiteDisplayGroup: "home_display_on_website", websiteDisplayGroupName: "Home" };
      if (p.variation) { s.color = p.variation.color; s.size = p.variation.size; }
      return s;
    });
  }
  if (inc("vendorDetails")) item.vendorDetails = [];
  return item;
}

function getCatalogItem(ctx: Ctx): Reply {
  const mps = marketplacesParam(ctx, 50);
  const found = ctx.sb.world.productByAsin(ctx.params.asin ?? "");
  if (!found || !soldIn(found.seller, mps).length) throw spError(404, "NOT_FOUND", `Requested item '${ctx.params.asin ?? ""}' not found in marketplace(s) ${mps.map((m) => m.id).join(",")}.`);
  return { status: 200, body: catalogItem(ctx, found.product, found.seller, mps, includedParam(ctx)) };
}

function searchCatalogItems(ctx: Ctx): Reply {
  const mps = marketplacesParam(ctx, 1);
  const included = includedParam(ctx);
  const identifiers = list(ctx, "identifiers");
  const keywords = list(ctx, "keywords");
  if (identifiers.length && keywords.length) throw spError(400, "InvalidInput", "Cannot use identifiers and keywords together");
  if (!identifiers.length && !keywords.length) throw spError(400, "InvalidInput", "Either identifiers or keywords is required");
  if (identifiers.length > 20) throw spError(400, "InvalidInput", "identifiers accepts at most 20 values");
  // Refinements of a keyword search only (the model: "Cannot be used with identifiers").
  for (const name of ["brandNames", "classificationIds", "keywordsLocale"])
    if (identifiers.length && ctx.query.get(name) !== null) throw spError(400, "InvalidInput", `${name} cannot be used with identifiers`);
  const idType = ctx.query.get("identifiersType");
  if (identifiers.length && (!idType || !ID_TYPES.includes(idType))) throw spError(400, "InvalidInput", "identifiersType is required with identifiers");
  if (idType === "SKU" && !ctx.query.get("sellerId")) throw spError(400, "InvalidInput", "sellerId is required when identifiersType is SKU");
  const size = intParam(ctx, "pageSize", 10, 1, 20);
  const all: Array<{ product: Product; seller: Seller }> = [];
  for (const seller of ctx.sb.world.sellers) {
    if (idType === "SKU" && seller.sellerId !== ctx.query.get("sellerId")) continue;
    if (!soldIn(seller, mps).length) continue;
    for (const p of ctx.sb.world.catalog(seller)) {
      const match = identifiers.length
        ? (idType === "ASIN" && identifiers.includes(p.asin)) || (idType === "SKU" && identifiers.includes(p.sku)) || ((idType === "EAN" || idType === "GTIN") && identifiers.includes(p.ean))
        : keywords.every((k) => p.title.toLowerCase().includes(k.toLowerCase()));
      if (match) all.push({ product: p, seller });
    }
  }
  const fp = ctx.url.search.replace(/&?pageToken=[^&]*/, "");
  const offset = ctx.query.get("pageToken") ? decodeToken(ctx.query.get("pageToken") ?? "", fp) : 0;
  const capped = all.slice(0, 1000);
  const slice = capped.slice(offset, offset + size);
  const body: Record<string, unknown> = { numberOfResults: capped.length, items: slice.map((x) => catalogItem(ctx, x.product, x.seller, mps, included)) };
  const pagination: Record<string, string> = {};
  if (offset + size < capped.length) pagination.nextToken = encodeToken(fp, offset + size);
  if (offset > 0) pagination.previousToken = encodeToken(fp, Math.max(0, offset - size));
  if (Object.keys(pagination).length) body.pagination = pagination;
  return { status: 200, body };
}

export const catalogRoutes: Route[] = [
  { method: "GET", path: "/catalog/2022-04-01/items", operation: "searchCatalogItems", auth: "sp", handler: searchCatalogItems },
  { method: "GET", path: "/catalog/2022-04-01/items/{asin}", operation: "getCatalogItem", auth: "sp", handler: getCatalogItem },
];
