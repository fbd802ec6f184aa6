import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import { DAY, isoZ } from "../util/time";
import { fbaInventoryAt } from "../world/fba";
import { list, sellerMarketplaces, sellerOf, timeParam } from "./common";

// getInventorySummaries as the fbaInventory model and Amazon's answers have it: pages of 50 summaries in
// seller SKU order; a nextToken lives 30 seconds (the model) and belongs to the query it came from (a
// startDateTime query must send its startDateTime again with the token); an expired, altered or foreign
// token is refused as Amazon refuses it (400 InvalidInput "Next token is invalid or expired", seen in
// selling-partner-api-models#4946). Amazon's FBA inventory errors carry an empty `details`.

const PAGE = 50;
const TOKEN_TTL_MS = 30_000;
const EXPIRED = "Next token is invalid or expired";

const invalid = (message: string) => spError(400, "InvalidInput", message, "");

interface PageToken {
  /** The query the token continues: marketplace, startDateTime, SKU selection. */
  q: string;
  o: number;
  exp: number;
}

function readToken(token: string, query: string, now: number): number {
  let t: Partial<PageToken>;
  try {
    t = JSON.parse(Buffer.from(token, "base64url").toString()) as Partial<PageToken>;
  } catch {
    throw invalid(EXPIRED);
  }
  if (typeof t.o !== "number" || typeof t.exp !== "number" || t.q !== query || t.exp < now) throw invalid(EXPIRED);
  return t.o;
}

function getInventorySummaries(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  if (ctx.query.get("granularityType") !== "Marketplace") throw invalid("granularityType must be Marketplace");
  const gid = ctx.query.get("granularityId");
  const mpIds = list(ctx, "marketplaceIds");
  if (!gid) throw invalid("granularityId is required");
  if (mpIds.length !== 1) throw invalid("marketplaceIds must contain exactly one marketplace");
  const [mp] = sellerMarketplaces(ctx, seller, mpIds, "marketplaceIds");
  if (!mp || gid !== mp.id) throw invalid("granularityId must equal the marketplace id");
  const details = ctx.query.get("details") === "true";
  const skus = list(ctx, "sellerSkus");
  if (skus.length > 50) throw invalid("sellerSkus accepts at most 50 values");
  const one = ctx.query.get("sellerSku");
  const since = timeParam(ctx, "startDateTime");
  if (since !== undefined && since < now - 548 * DAY) throw invalid("startDateTime cannot be more than 18 months in the past");
  // startDateTime wins over sellerSkus, which wins over sellerSku (the model's description).
  const selection = since !== undefined ? `since:${String(since)}` : skus.length ? `skus:${skus.join(",")}` : one ? `sku:${one}` : "all";
  const query = `${mp.id}|${selection}`;
  const token = ctx.query.get("nextToken");
  const offset = token ? readToken(token, query, now) : 0;

  let inventory = fbaInventoryAt(ctx.sb.seed, seller, mp, ctx.sb.world.catalog(seller), now);
  if (since !== undefined) inventory = inventory.filter((i) => i.lastUpdatedMs >= since);
  else if (skus.length) inventory = inventory.filter((i) => skus.includes(i.product.sku));
  else if (one) inventory = inventory.filter((i) => i.product.sku === one);
  const summaries = inventory.slice(offset, offset + PAGE).map((i) => {
    const p = i.product;
    const s: Record<string, unknown> = { asin: p.asin, fnSku: p.fnsku, sellerSku: p.sku, condition: "NewItem", lastUpdatedTime: isoZ(i.lastUpdatedMs), productName: p.title, totalQuantity: i.total, stores: [] };
    if (details) {
      s.inventoryDetails = {
        fulfillableQuantity: i.fulfillable,
        inboundWorkingQuantity: i.inboundWorking,
        inboundShippedQuantity: i.inboundShipped,
        inboundReceivingQuantity: i.inboundReceiving,
        reservedQuantity: { totalReservedQuantity: i.reserved, pendingCustomerOrderQuantity: i.reserved, pendingTransshipmentQuantity: 0, fcProcessingQuantity: 0 },
        researchingQuantity: {
          totalResearchingQuantity: i.researching,
          researchingQuantityBreakdown: i.researching ? [{ name: "researchingQuantityInShortTerm", quantity: i.researching }] : [],
        },
        unfulfillableQuantity: { totalUnfulfillableQuantity: i.unfulfillable, customerDamagedQuantity: i.unfulfillable, warehouseDamagedQuantity: 0, distributorDamagedQuantity: 0, carrierDamagedQuantity: 0, defectiveQuantity: 0, expiredQuantity: 0 },
      };
    }
    return s;
  });
  const body: Record<string, unknown> = { payload: { granularity: { granularityType: "Marketplace", granularityId: mp.id }, inventorySummaries: summaries } };
  if (offset + PAGE < inventory.length) {
    const next: PageToken = { q: query, o: offset + PAGE, exp: now + TOKEN_TTL_MS };
    body.pagination = { nextToken: Buffer.from(JSON.stringify(next)).toString("base64url") };
  }
  return { status: 200, body };
}

export const inventoryRoutes: Route[] = [
  { method: "GET", path: "/fba/inventory/v1/summaries", operation: "getInventorySummaries", auth: "sp", handler: getInventorySummaries },
];
