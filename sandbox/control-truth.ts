import type { Ctx, Reply, Route } from "./http/types";
import { HttpError } from "./http/types";
import { adsConsole } from "./ads/console";
import { entityJson } from "./ads/sp-entities";
import { ENTITY_TYPES } from "./ads/entities";
import { buildAdsRows, COLUMNS } from "./ads/report-rows";
import type { AdsProfile } from "./ads/state";
import { v0Order } from "./spapi/orders-v0";
import { buildDocument } from "./spapi/report-docs";
import { formatMinor } from "./util/money";
import { isoZ, localDay } from "./util/time";
import { claimsTruth } from "./world/claims-truth";
import { eventsOf } from "./world/finances";
import { fbaInventoryAt } from "./world/fba";
import { mustMarketplace } from "./world/marketplaces";
import type { Seller } from "./world/sellers";

// Ground truth ("what Amazon holds") and console edits for tests and demos.

const bad = (m: string) => new HttpError({ status: 400, body: { error: m } });

function sellerParam(ctx: Ctx): Seller {
  const id = ctx.query.get("sellerId");
  const s = id ? ctx.sb.world.seller(id) : ctx.sb.world.sellers[0];
  if (!s) throw bad(`unknown seller ${id ?? ""}`);
  return s;
}

function range(ctx: Ctx): { from: number; to: number } {
  const now = ctx.sb.clock.now();
  const from = Date.parse(ctx.query.get("from") ?? "");
  const to = Date.parse(ctx.query.get("to") ?? "") || now;
  if (Number.isNaN(from)) throw bad("from (ISO instant) is required");
  return { from, to: Math.min(to, now) };
}

function truthOrders(ctx: Ctx): Reply {
  const seller = sellerParam(ctx);
  const { from, to } = range(ctx);
  const now = ctx.sb.clock.now();
  const mpIds = ctx.query.get("marketplaceId") ? [ctx.query.get("marketplaceId") ?? ""] : seller.marketplaceIds;
  const orders = [];
  for (const id of mpIds) {
    for (const o of ctx.sb.world.ordersPurchasedBetween(seller, mustMarketplace(id), from, to)) {
      const j = v0Order(o, now);
      j.items = o.lines.map((l) => ({ orderItemId: l.orderItemId, sku: l.product.sku, asin: l.product.asin, quantity: l.quantity, itemPrice: formatMinor(l.itemPrice, o.marketplace.currency), itemTax: formatMinor(l.itemTax, o.marketplace.currency) }));
      // The events Finances shows now (each appears some hours after its posting, as Amazon's do).
      j.financialEvents = eventsOf(o, now).map((e) => ({
        kind: e.kind,
        postedDate: isoZ(e.postedMs),
        marketplaceName: o.marketplace.name,
        items: e.items.map((i) => ({
          sku: i.line.product.sku,
          orderItemId: i.line.orderItemId,
          ...(i.adjustmentItemId ? { adjustmentItemId: i.adjustmentItemId } : {}),
          quantity: i.quantity,
          charges: i.charges.map((c) => ({ type: c.type, amount: formatMinor(c.amount, o.marketplace.currency) })),
          fees: i.fees.map((f) => ({ type: f.type, amount: formatMinor(f.amount, o.marketplace.currency) })),
          promotions: i.promotions.map((p) => ({ id: p.id, amount: formatMinor(p.amount, o.marketplace.currency) })),
        })),
      }));
      orders.push(j);
    }
  }
  return { status: 200, body: { sellerId: seller.sellerId, count: orders.length, orders } };
}

/** Every FBA SKU's inventory in one marketplace now, as getInventorySummaries (details=true) reports it. */
function truthInventory(ctx: Ctx): Reply {
  const seller = sellerParam(ctx);
  const mp = mustMarketplace(ctx.query.get("marketplaceId") ?? seller.marketplaceIds[0] ?? "");
  const now = ctx.sb.clock.now();
  const items = fbaInventoryAt(ctx.sb.seed, seller, mp, ctx.sb.world.catalog(seller), now).map(({ product: p, lastUpdatedMs, ...q }) => ({ sku: p.sku, asin: p.asin, fnsku: p.fnsku, ...q, lastUpdated: isoZ(lastUpdatedMs) }));
  return { status: 200, body: { sellerId: seller.sellerId, marketplaceId: mp.id, asOf: isoZ(now), items } };
}

/**
 * What Amazon owes in one marketplace: every lost or damaged adjustment, FBA refund and short item of a shipment
 * closed in [from, to), with its fate as of now (`world/claims-truth.ts`).
 */
function truthClaims(ctx: Ctx): Reply {
  const seller = sellerParam(ctx);
  const mpId = ctx.query.get("marketplaceId") ?? seller.marketplaceIds[0] ?? "";
  if (!seller.marketplaceIds.includes(mpId)) throw bad(`seller ${seller.sellerId} does not sell in marketplace ${mpId}`);
  const { from, to } = range(ctx);
  return { status: 200, body: claimsTruth(ctx.sb.world, seller, mustMarketplace(mpId), from, to, ctx.sb.clock.now()) };
}

function truthCatalog(ctx: Ctx): Reply {
  const seller = sellerParam(ctx);
  return { status: 200, body: { sellerId: seller.sellerId, products: ctx.sb.world.catalog(seller).map((p) => ({ sku: p.sku, asin: p.asin, fnsku: p.fnsku, title: p.title, parentAsin: p.parentAsin ?? null, isParent: p.isParent, channel: p.channel })) } };
}

/** Rows of any supported flat-file report as Amazon holds them now, as JSON objects keyed by header. */
function truthReport(ctx: Ctx): Reply {
  const seller = sellerParam(ctx);
  const { from, to } = range(ctx);
  const reportType = ctx.query.get("reportType") ?? "";
  const mpIds = ctx.query.get("marketplaceId") ? [ctx.query.get("marketplaceId") ?? ""] : seller.marketplaceIds;
  const doc = buildDocument(ctx.sb, { reportType, seller, marketplaces: mpIds.map(mustMarketplace), start: from, end: to, asOf: ctx.sb.clock.now() });
  if (doc.kind === "empty") return { status: 200, body: { reportType, rows: [] } };
  const [head, ...lines] = doc.text.replace(/\n$/, "").split("\n");
  const cols = (head ?? "").split("\t");
  return { status: 200, body: { reportType, rows: lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i] ?? String(i), v]))) } };
}

function profileParam(ctx: Ctx, id: unknown): AdsProfile {
  const p = ctx.sb.ads.profile(String(id ?? ""));
  if (!p) throw bad(`unknown profileId ${String(id)}`);
  return p;
}

function truthAdsEntities(ctx: Ctx): Reply {
  const p = profileParam(ctx, ctx.query.get("profileId"));
  const out: Record<string, unknown> = { profileId: p.profileId };
  for (const t of ENTITY_TYPES) out[t.plural] = [...ctx.sb.ads.list(p, t.kind).values()].map((e) => entityJson(p, e, true));
  return { status: 200, body: out };
}

/** Daily metrics as Amazon reports them right now, per campaign (or per keyword/target with level=targeting). */
function truthAdsMetrics(ctx: Ctx): Reply {
  const p = profileParam(ctx, ctx.query.get("profileId"));
  const from = ctx.query.get("from");
  const to = ctx.query.get("to") ?? localDay(ctx.sb.clock.now(), p.marketplace.timezone);
  if (!from) throw bad("from (YYYY-MM-DD) is required");
  const level = ctx.query.get("level") === "targeting" ? "spTargeting" : "spCampaigns";
  const columns = level === "spTargeting" ? ["campaignId", "adGroupId", "keywordId", "date", "impressions", "clicks", "cost", "purchases14d", "sales14d"] : ["campaignId", "date", "impressions", "clicks", "cost", "purchases14d", "sales14d"];
  const rows = buildAdsRows(ctx.sb, p, { reportTypeId: level, groupBy: level === "spTargeting" ? ["targeting"] : ["campaign"], columns: columns.filter((c) => COLUMNS[level].includes(c)), timeUnit: "DAILY", filters: [], startDate: from, endDate: to }, ctx.sb.clock.now());
  return { status: 200, body: { profileId: p.profileId, rows } };
}

/** Seller Central edits of the Ads account (ads/console.ts has the actions). */
function console_(ctx: Ctx): Reply {
  const b = (ctx.json() ?? {}) as Record<string, unknown>;
  return { status: 200, body: adsConsole(ctx.sb, profileParam(ctx, b.profileId), b) };
}

export const truthRoutes: Route[] = [
  { method: "GET", path: "/__sandbox/truth/orders", operation: "controlTruthOrders", auth: "none", handler: truthOrders },
  { method: "GET", path: "/__sandbox/truth/inventory", operation: "controlTruthInventory", auth: "none", handler: truthInventory },
  { method: "GET", path: "/__sandbox/truth/report", operation: "controlTruthReport", auth: "none", handler: truthReport },
  { method: "GET", path: "/__sandbox/truth/claims", operation: "controlTruthClaims", auth: "none", handler: truthClaims },
  { method: "GET", path: "/__sandbox/truth/catalog", operation: "controlTruthCatalog", auth: "none", handler: truthCatalog },
  { method: "GET", path: "/__sandbox/truth/ads/entities", operation: "controlTruthAdsEntities", auth: "none", handler: truthAdsEntities },
  { method: "GET", path: "/__sandbox/truth/ads/metrics", operation: "controlTruthAdsMetrics", auth: "none", handler: truthAdsMetrics },
  { method: "POST", path: "/__sandbox/ads/console", operation: "controlAdsConsole", auth: "none", handler: console_ },
];
