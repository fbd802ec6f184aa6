import { DateTime } from "luxon";
import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import type { InboundShipment } from "../world/fba";
import { inboundShipmentsInMonth, inboundStatusAt, receivedAt } from "../world/fba";
import type { Marketplace } from "../world/marketplaces";
import type { Seller } from "../world/sellers";
import { list, sellerMarketplaces, sellerOf, timeParam } from "./common";

const PAGE = 50;
const STATUSES = ["WORKING", "READY_TO_SHIP", "SHIPPED", "RECEIVING", "CANCELLED", "DELETED", "CLOSED", "ERROR", "IN_TRANSIT", "DELIVERED", "CHECKED_IN"];

const SHIP_FROM: Record<string, { City: string; StateOrProvinceCode: string; PostalCode: string }> = {
  US: { City: "Seattle", StateOrProvinceCode: "WA", PostalCode: "98101" },
  GB: { City: "London", StateOrProvinceCode: "LND", PostalCode: "SW1A 1AA" },
  JP: { City: "Tokyo", StateOrProvinceCode: "13", PostalCode: "100-0001" },
};

export function allShipments(ctx: Ctx, seller: Seller, mp: Marketplace): InboundShipment[] {
  const now = ctx.sb.clock.now();
  const out: InboundShipment[] = [];
  let m = DateTime.fromISO(ctx.sb.world.config.historyStart, { zone: mp.timezone }).startOf("month");
  const last = DateTime.fromMillis(now, { zone: mp.timezone }).startOf("month");
  while (m <= last) {
    for (const s of inboundShipmentsInMonth(ctx.sb.seed, seller, mp, ctx.sb.world.catalog(seller), m.toFormat("yyyy-MM"))) if (s.createdMs <= now) out.push(s);
    m = m.plus({ months: 1 });
  }
  return out.sort((a, b) => a.createdMs - b.createdMs);
}

function marketplaceParam(ctx: Ctx, seller: Seller): Marketplace {
  const id = ctx.query.get("MarketplaceId");
  const [mp] = sellerMarketplaces(ctx, seller, id ? [id] : [], "MarketplaceId");
  if (!mp) throw spError(400, "InvalidInput", "MarketplaceId is required");
  return mp;
}

function shipmentJson(s: InboundShipment, now: number, seller: Seller): Record<string, unknown> {
  const from = SHIP_FROM[s.marketplace.region === "NA" ? "US" : s.marketplace.region === "EU" ? "GB" : "JP"] ?? { City: "Seattle", StateOrProvinceCode: "WA", PostalCode: "98101" };
  return {
    ShipmentId: s.shipmentId,
    ShipmentName: s.name,
    ShipFromAddress: { Name: seller.name, AddressLine1: "1 Warehouse Way", ...from, CountryCode: s.marketplace.region === "NA" ? "US" : s.marketplace.region === "EU" ? "GB" : "JP" },
    DestinationFulfillmentCenterId: s.fc,
    ShipmentStatus: inboundStatusAt(s, now)?.status ?? "WORKING",
    LabelPrepType: "SELLER_LABEL",
    AreCasesRequired: true,
    BoxContentsSource: "FEED",
  };
}

function itemsJson(s: InboundShipment, now: number): Array<Record<string, unknown>> {
  return s.items.map((i) => ({ ShipmentId: s.shipmentId, SellerSKU: i.product.sku, FulfillmentNetworkSKU: i.product.fnsku, QuantityShipped: i.shipped, QuantityReceived: receivedAt(s, i, now), QuantityInCase: i.inCase, PrepDetailsList: [] }));
}

interface Q { type: string; mp: string; statuses: string[]; ids: string[]; after?: number; before?: number; o: number }

function readQuery(ctx: Ctx, seller: Seller, allowShipment: boolean): Q {
  const qt = ctx.query.get("QueryType");
  if (qt === "NEXT_TOKEN") {
    const t = ctx.query.get("NextToken");
    try { return JSON.parse(Buffer.from(t ?? "", "base64url").toString()) as Q; } catch { throw spError(400, "InvalidInput", "Invalid NextToken"); }
  }
  const mp = marketplaceParam(ctx, seller);
  if (qt === "DATE_RANGE") {
    const after = timeParam(ctx, "LastUpdatedAfter");
    const before = timeParam(ctx, "LastUpdatedBefore");
    if (after === undefined || before === undefined) throw spError(400, "InvalidInput", "LastUpdatedAfter and LastUpdatedBefore are required for DATE_RANGE");
    const q: Q = { type: qt, mp: mp.id, statuses: list(ctx, "ShipmentStatusList"), ids: list(ctx, "ShipmentIdList"), after, before, o: 0 };
    return q;
  }
  if (qt === "SHIPMENT" && allowShipment) {
    const statuses = list(ctx, "ShipmentStatusList");
    const ids = list(ctx, "ShipmentIdList");
    for (const s of statuses) if (!STATUSES.includes(s)) throw spError(400, "InvalidInput", `Invalid ShipmentStatusList: ${s}`);
    if (!statuses.length && !ids.length) throw spError(400, "InvalidInput", "ShipmentStatusList or ShipmentIdList is required for QueryType SHIPMENT");
    if (ids.length > 999) throw spError(400, "InvalidInput", "ShipmentIdList accepts at most 999 ids");
    return { type: qt, mp: mp.id, statuses, ids, o: 0 };
  }
  throw spError(400, "InvalidInput", `Invalid QueryType: ${qt ?? ""}`);
}

function lastUpdated(s: InboundShipment, now: number): number {
  return inboundStatusAt(s, now)?.since ?? s.createdMs;
}

function select(ctx: Ctx, seller: Seller, q: Q): InboundShipment[] {
  const now = ctx.sb.clock.now();
  const mp = ctx.sb.world.marketplaces(seller).find((m) => m.id === q.mp);
  if (!mp) return [];
  return allShipments(ctx, seller, mp).filter((s) => {
    const st = inboundStatusAt(s, now)?.status ?? "WORKING";
    if (q.statuses.length && !q.statuses.includes(st)) return false;
    if (q.ids.length && !q.ids.includes(s.shipmentId)) return false;
    if (q.after !== undefined && q.before !== undefined) {
      const lu = lastUpdated(s, now);
      if (lu < q.after || lu > q.before) return false;
    }
    return true;
  });
}

function getShipments(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  const q = readQuery(ctx, seller, true);
  const all = select(ctx, seller, q);
  const slice = all.slice(q.o, q.o + PAGE);
  const payload: Record<string, unknown> = { ShipmentData: slice.map((s) => shipmentJson(s, now, seller)) };
  if (q.o + PAGE < all.length) payload.NextToken = Buffer.from(JSON.stringify({ ...q, o: q.o + PAGE })).toString("base64url");
  return { status: 200, body: { payload } };
}

function getShipmentItemsByShipmentId(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  const id = ctx.params.shipmentId ?? "";
  for (const mp of ctx.sb.world.marketplaces(seller)) {
    const s = allShipments(ctx, seller, mp).find((x) => x.shipmentId === id);
    if (s) return { status: 200, body: { payload: { ItemData: itemsJson(s, now) } } };
  }
  throw spError(400, "InvalidInput", `Shipment ${id} not found`);
}

function getShipmentItems(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  const q = readQuery(ctx, seller, false);
  const items = select(ctx, seller, q).flatMap((s) => itemsJson(s, now));
  const slice = items.slice(q.o, q.o + PAGE);
  const payload: Record<string, unknown> = { ItemData: slice };
  if (q.o + PAGE < items.length) payload.NextToken = Buffer.from(JSON.stringify({ ...q, o: q.o + PAGE })).toString("base64url");
  return { status: 200, body: { payload } };
}

export const inboundRoutes: Route[] = [
  { method: "GET", path: "/fba/inbound/v0/shipments", operation: "getShipments", auth: "sp", handler: getShipments },
  { method: "GET", path: "/fba/inbound/v0/shipments/{shipmentId}/items", operation: "getShipmentItemsByShipmentId", auth: "sp", handler: getShipmentItemsByShipmentId },
  { method: "GET", path: "/fba/inbound/v0/shipmentItems", operation: "getShipmentItems", auth: "sp", handler: getShipmentItems },
];
