import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import { formatMinor } from "../util/money";
import { isoZ } from "../util/time";
import type { Product } from "../world/catalog";
import type { ListingStatus } from "../world/catalog";
import { listingStatus, localPriceMinor, localTitle } from "../world/catalog";
import { inventoryLevel } from "../world/fba";
import type { Marketplace } from "../world/marketplaces";
import type { Seller } from "../world/sellers";
import { decodeToken, encodeToken, intParam, list, sellerMarketplaces, sellerOf } from "./common";

const ID_TYPES = ["ASIN", "EAN", "FNSKU", "GTIN", "ISBN", "JAN", "MINSAN", "SKU", "UPC"];
const INCLUDED = ["summaries", "attributes", "issues", "offers", "fulfillmentAvailability", "procurement", "relationships", "productTypes"];

function ownSeller(ctx: Ctx): Seller {
  const seller = sellerOf(ctx);
  if (ctx.params.sellerId !== seller.sellerId) throw spError(403, "Unauthorized", "Access to requested resource is denied.", "The sellerId does not match the authorized selling partner.");
  return seller;
}

function included(ctx: Ctx): string[] {
  const v = list(ctx, "includedData");
  for (const x of v) if (!INCLUDED.includes(x)) throw spError(400, "InvalidInput", `Invalid includedData: ${x}`);
  return v.length ? v : ["summaries"];
}

/** The listing's status as the all-listings report words it (the same listing, the same status). */
function reportStatus(ctx: Ctx, seller: Seller, p: Product, m: Marketplace): ListingStatus {
  const own = p.isParent || p.channel === "AFN" ? null : inventoryLevel(ctx.sb.seed, seller.sellerId, m, p, ctx.sb.clock.now()).fulfillable;
  return listingStatus(ctx.sb.seed, seller.sellerId, m.id, p, own);
}

/**
 * The report's statuses in this API's words: only an active offer is buyable; an inactive one is still
 * discoverable; an incomplete one (a required attribute missing) is neither, and carries an ERROR issue.
 */
const apiStatus = (status: ListingStatus) => (status === "Active" ? ["BUYABLE", "DISCOVERABLE"] : status === "Inactive" ? ["DISCOVERABLE"] : []);

function listingItem(ctx: Ctx, seller: Seller, p: Product, mps: Marketplace[], inc: string[]): Record<string, unknown> {
  const now = ctx.sb.clock.now();
  const created = isoZ(Date.parse(`${p.openDate}T17:00:00Z`));
  const item: Record<string, unknown> = { sku: p.sku };
  if (inc.includes("summaries")) {
    item.summaries = mps.map((m) => {
      const s: Record<string, unknown> = { marketplaceId: m.id, asin: p.asin, productType: p.productType, conditionType: "new_new", status: apiStatus(reportStatus(ctx, seller, p, m)), itemName: localTitle(p, m), createdDate: created, lastUpdatedDate: created, mainImage: { link: `https://m.media-amazon.com/images/I/${p.asin}.jpg`, height: 500, width: 500 } };
      if (p.channel === "AFN" && !p.isParent) s.fnSku = p.fnsku;
      return s;
    });
  }
  if (inc.includes("attributes")) item.attributes = { item_name: [{ value: mps[0] ? localTitle(p, mps[0]) : p.title, marketplace_id: mps[0]?.id }], brand: [{ value: p.brand, marketplace_id: mps[0]?.id }] };
  // An incomplete listing lacks a required attribute: Amazon says so as an ERROR issue.
  if (inc.includes("issues"))
    item.issues = mps
      .filter((m) => reportStatus(ctx, seller, p, m) === "Incomplete")
      .map((m) => ({ code: "90220", message: "'brand' is required but not supplied.", severity: "ERROR", attributeNames: ["brand"], categories: ["MISSING_ATTRIBUTE"], marketplaceIds: [m.id] }));
  if (inc.includes("offers")) item.offers = p.isParent ? [] : mps.map((m) => ({ marketplaceId: m.id, offerType: "B2C", price: { currencyCode: m.currency, amount: formatMinor(localPriceMinor(p, m.priceFactor, m.currency), m.currency) } }));
  if (inc.includes("fulfillmentAvailability")) {
    const m = mps[0];
    item.fulfillmentAvailability = p.isParent || !m ? [] : [p.channel === "AFN" ? { fulfillmentChannelCode: `AMAZON_${m.region}` } : { fulfillmentChannelCode: "DEFAULT", quantity: inventoryLevel(ctx.sb.seed, seller.sellerId, m, p, now).fulfillable }];
  }
  if (inc.includes("procurement")) item.procurement = [];
  if (inc.includes("relationships")) {
    const catalog = ctx.sb.world.catalog(seller);
    item.relationships = mps.map((m) => ({
      marketplaceId: m.id,
      relationships: p.isParent
        ? [{ type: "VARIATION", childSkus: catalog.filter((c) => c.parentAsin === p.asin).map((c) => c.sku), variationTheme: { attributes: ["color", "size"], theme: "COLOR/SIZE" } }]
        : p.parentAsin ? [{ type: "VARIATION", parentSkus: [catalog.find((c) => c.asin === p.parentAsin)?.sku ?? ""], variationTheme: { attributes: ["color", "size"], theme: "COLOR/SIZE" } }] : [],
    }));
  }
  if (inc.includes("productTypes")) item.productTypes = mps.map((m) => ({ marketplaceId: m.id, productType: p.productType }));
  return item;
}

function getListingsItem(ctx: Ctx): Reply {
  const seller = ownSeller(ctx);
  const mps = sellerMarketplaces(ctx, seller, list(ctx, "marketplaceIds"), "marketplaceIds");
  const p = ctx.sb.world.productBySku(seller, ctx.params.sku ?? "");
  if (!p) throw spError(404, "NOT_FOUND", `SKU '${ctx.params.sku ?? ""}' not found in marketplace ${mps[0]?.id ?? ""}`);
  return { status: 200, body: listingItem(ctx, seller, p, mps, included(ctx)) };
}

function searchListingsItems(ctx: Ctx): Reply {
  const seller = ownSeller(ctx);
  const mps = sellerMarketplaces(ctx, seller, list(ctx, "marketplaceIds"), "marketplaceIds");
  if (mps.length > 1) throw spError(400, "InvalidInput", "marketplaceIds accepts exactly one value");
  const inc = included(ctx);
  const size = intParam(ctx, "pageSize", 10, 1, 20);
  const ids = list(ctx, "identifiers");
  if (ids.length > 20) throw spError(400, "InvalidInput", "identifiers accepts at most 20 values");
  const idType = ctx.query.get("identifiersType");
  if (ids.length && !idType) throw spError(400, "InvalidInput", "identifiersType is required with identifiers");
  if (idType !== null && !ID_TYPES.includes(idType)) throw spError(400, "InvalidInput", `Invalid identifiersType: ${idType}`);
  if (idType !== null && !ids.length) throw spError(400, "InvalidInput", "identifiers is required when identifiersType is given");
  // The model: identifiers, variationParentSku and packageHierarchySku exclude one another.
  const filters = [ids.length > 0, ctx.query.get("variationParentSku") !== null, ctx.query.get("packageHierarchySku") !== null].filter(Boolean).length;
  if (filters > 1) throw spError(400, "InvalidInput", "Use only one of identifiers, variationParentSku and packageHierarchySku");
  let items = ctx.sb.world.catalog(seller);
  if (ids.length) items = items.filter((p) => (idType === "SKU" ? ids.includes(p.sku) : idType === "ASIN" ? ids.includes(p.asin) : idType === "FNSKU" ? ids.includes(p.fnsku) : ids.includes(p.ean)));
  const parentSku = ctx.query.get("variationParentSku");
  if (parentSku) {
    const parent = items.find((p) => p.sku === parentSku);
    items = items.filter((p) => parent && p.parentAsin === parent.asin);
  }
  const createdAfter = ctx.query.get("createdAfter");
  if (createdAfter) items = items.filter((p) => Date.parse(`${p.openDate}T17:00:00Z`) >= Date.parse(createdAfter));
  const sortBy = ctx.query.get("sortBy") ?? "lastUpdatedDate";
  const order = ctx.query.get("sortOrder") ?? "DESC";
  const key = (p: Product) => (sortBy === "sku" ? p.sku : p.openDate + p.sku);
  items = [...items].sort((a, b) => (key(a) < key(b) ? -1 : 1) * (order === "ASC" ? 1 : -1));
  const fp = ctx.url.search.replace(/&?pageToken=[^&]*/, "");
  const offset = ctx.query.get("pageToken") ? decodeToken(ctx.query.get("pageToken") ?? "", fp) : 0;
  const slice = items.slice(offset, offset + size);
  const body: Record<string, unknown> = { numberOfResults: items.length, items: slice.map((p) => listingItem(ctx, seller, p, mps, inc)) };
  const pagination: Record<string, string> = {};
  if (offset + size < items.length) pagination.nextToken = encodeToken(fp, offset + size);
  if (offset > 0) pagination.previousToken = encodeToken(fp, Math.max(0, offset - size));
  if (Object.keys(pagination).length) body.pagination = pagination;
  return { status: 200, body };
}

export const listingsRoutes: Route[] = [
  { method: "GET", path: "/listings/2021-08-01/items/{sellerId}", operation: "searchListingsItems", auth: "sp", handler: searchListingsItems },
  { method: "GET", path: "/listings/2021-08-01/items/{sellerId}/{sku}", operation: "getListingsItem", auth: "sp", handler: getListingsItem },
];
