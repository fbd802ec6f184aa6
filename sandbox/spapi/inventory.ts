import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import { DAY, isoZ } from "../util/time";
import { fbaProducts, inventoryLevel } from "../world/fba";
import { list, sellerMarketplaces, sellerOf, timeParam } from "./common";

const PAGE = 50;
// nextToken expires after 30 seconds (fbaInventory model).
const TOKEN_TTL_MS = 30_000;

function getInventorySummaries(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  if (ctx.query.get("granularityType") !== "Marketplace") throw spError(400, "InvalidInput", "granularityType must be Marketplace");
  const gid = ctx.query.get("granularityId");
  const mpIds = list(ctx, "marketplaceIds");
  if (!gid) throw spError(400, "InvalidInput", "granularityId is required");
  if (mpIds.length !== 1) throw spError(400, "InvalidInput", "marketplaceIds must contain exactly one marketplace");
  const [mp] = sellerMarketplaces(ctx, seller, mpIds, "marketplaceIds");
  if (!mp || gid !== mp.id) throw spError(400, "InvalidInput", "granularityId must equal the marketplace id");
  const details = ctx.query.get("details") === "true";
  const skus = list(ctx, "sellerSkus");
  if (skus.length > 50) throw spError(400, "InvalidInput", "sellerSkus accepts at most 50 values");
  const one = ctx.query.get("sellerSku");
  const since = timeParam(ctx, "startDateTime");
  if (since !== undefined && since < now - 548 * DAY) throw spError(400, "InvalidInput", "startDateTime cannot be more than 18 months in the past");
  let offset = 0;
  const token = ctx.query.get("nextToken");
  if (token) {
    try {
      const t = JSON.parse(Buffer.from(token, "base64url").toString()) as { o: number; exp: number };
      if (t.exp < now) throw new Error("expired");
      offset = t.o;
    } catch {
      throw spError(400, "InvalidInput", "Invalid or expired nextToken");
    }
  }
  // Levels change once a day, at the marketplace's midnight.
  const dayStart = Math.floor(now / DAY) * DAY;
  let products = fbaProducts(ctx.sb.world.catalog(seller));
  if (since === undefined) {
    if (skus.length) products = products.filter((p) => skus.includes(p.sku));
    else if (one) products = products.filter((p) => p.sku === one);
  } else if (since > dayStart) products = [];
  const slice = products.slice(offset, offset + PAGE);
  const summaries = slice.map((p) => {
    const inv = inventoryLevel(ctx.sb.seed, seller.sellerId, mp, p, now);
    const total = inv.fulfillable + inv.reserved + inv.unfulfillable + inv.researching + inv.inboundShipped + inv.inboundReceiving;
    const s: Record<string, unknown> = { asin: p.asin, fnSku: p.fnsku, sellerSku: p.sku, condition: "NewItem", lastUpdatedTime: isoZ(dayStart), productName: p.title, totalQuantity: total, stores: [] };
    if (details) {
      s.inventoryDetails = {
        fulfillableQuantity: inv.fulfillable,
        inboundWorkingQuantity: 0,
        inboundShippedQuantity: inv.inboundShipped,
        inboundReceivingQuantity: inv.inboundReceiving,
        reservedQuantity: { totalReservedQuantity: inv.reserved, pendingCustomerOrderQuantity: inv.reserved, pendingTransshipmentQuantity: 0, fcProcessingQuantity: 0 },
        researchingQuantity: { totalResearchingQuantity: inv.researching, researchingQuantityBreakdown: [] },
        unfulfillableQuantity: { totalUnfulfillableQuantity: inv.unfulfillable, customerDamagedQuantity: inv.unfulfillable, warehouseDamagedQuantity: 0, distributorDamagedQuantity: 0, carrierDamagedQuantity: 0, defectiveQuantity: 0, expiredQuantity: 0 },
      };
    }
    return s;
  });
  const body: Record<string, unknown> = { payload: { granularity: { granularityType: "Marketplace", granularityId: mp.id }, inventorySummaries: summaries } };
  if (offset + PAGE < products.length) body.pagination = { nextToken: Buffer.from(JSON.stringify({ o: offset + PAGE, exp: now + TOKEN_TTL_MS })).toString("base64url") };
  return { status: 200, body };
}

export const inventoryRoutes: Route[] = [
  { method: "GET", path: "/fba/inventory/v1/summaries", operation: "getInventorySummaries", auth: "sp", handler: getInventorySummaries },
];
