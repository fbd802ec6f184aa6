import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import { money } from "../util/money";
import { DAY, isoZ } from "../util/time";
import type { Order, OrderStatus } from "../world/orders";
import { lastUpdateAt, orderStatusAt } from "../world/orders";
import { decodeToken, encodeToken, intParam, list, page, sellerMarketplaces, sellerOf, timeParam } from "./common";
import type { OrderFilter } from "./order-query";
import { queryOrders, resolveWindow } from "./order-query";

const V0_STATUSES = ["PendingAvailability", "Pending", "Unshipped", "PartiallyShipped", "Shipped", "InvoiceUnconfirmed", "Canceled", "Unfulfillable"];

export function orderTotalMinor(o: Order): number {
  return o.lines.reduce((a, l) => a + l.itemPrice + l.itemTax + l.shippingPrice + l.shippingTax - l.promotionDiscount, 0);
}

export function v0Order(o: Order, now: number): Record<string, unknown> {
  const status = orderStatusAt(o, now);
  const units = o.lines.reduce((a, l) => a + l.quantity, 0);
  const shipped = status === "Shipped" ? units : 0;
  const mp = o.marketplace;
  const out: Record<string, unknown> = {
    AmazonOrderId: o.amazonOrderId,
    SellerOrderId: o.amazonOrderId,
    PurchaseDate: isoZ(o.purchaseMs),
    LastUpdateDate: isoZ(lastUpdateAt(o, now)),
    OrderStatus: status,
    FulfillmentChannel: o.channel,
    SalesChannel: mp.salesChannel,
    ShipServiceLevel: o.shipServiceLevel,
    NumberOfItemsShipped: shipped,
    NumberOfItemsUnshipped: status === "Canceled" ? 0 : units - shipped,
    PaymentMethod: "Other",
    PaymentMethodDetails: ["Standard"],
    MarketplaceId: mp.id,
    ShipmentServiceLevelCategory: o.shipServiceLevel === "Expedited" ? "Expedited" : "Standard",
    OrderType: "StandardOrder",
    EarliestShipDate: isoZ(o.purchaseMs + DAY),
    LatestShipDate: isoZ(o.purchaseMs + 2 * DAY),
    IsBusinessOrder: o.isBusiness,
    IsPrime: o.isPrime,
    IsPremiumOrder: false,
    IsGlobalExpressEnabled: false,
    IsReplacementOrder: false,
    IsSoldByAB: false,
    IsISPU: false,
    IsAccessPointOrder: false,
    HasRegulatedItems: false,
    ShippingAddress: { City: o.ship.city, StateOrRegion: o.ship.state, PostalCode: o.ship.postalCode, CountryCode: o.ship.country },
  };
  // Amazon omits the total while payment is pending and for cancelled orders.
  if (status !== "Pending" && status !== "Canceled") out.OrderTotal = money(orderTotalMinor(o), mp.currency);
  if (o.channel === "MFN") out.LatestDeliveryDate = isoZ(o.purchaseMs + 7 * DAY);
  if (status === "Pending") delete out.ShippingAddress;
  return out;
}

function getOrders(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  let q: Record<string, unknown>;
  let offset = 0;
  const nextToken = ctx.query.get("NextToken");
  if (nextToken) {
    try {
      const t = JSON.parse(Buffer.from(nextToken, "base64url").toString()) as { q: Record<string, unknown>; o: number };
      q = t.q;
      offset = t.o;
    } catch {
      throw spError(400, "InvalidInput", "Invalid NextToken");
    }
  } else {
    const ids = list(ctx, "AmazonOrderIds");
    const statuses = list(ctx, "OrderStatuses");
    for (const s of statuses) if (!V0_STATUSES.includes(s)) throw spError(400, "InvalidInput", `Invalid OrderStatuses: ${s}`);
    const channels = list(ctx, "FulfillmentChannels");
    for (const c of channels) if (c !== "AFN" && c !== "MFN") throw spError(400, "InvalidInput", `Invalid FulfillmentChannels: ${c}`);
    const mpIds = list(ctx, "MarketplaceIds");
    if (mpIds.length > 50) throw spError(400, "InvalidInput", "MarketplaceIds accepts at most 50 values");
    sellerMarketplaces(ctx, seller, mpIds, "MarketplaceIds");
    q = { mpIds, statuses, channels, size: intParam(ctx, "MaxResultsPerPage", 100, 1, 100) };
    // Filters no sandbox order can satisfy (every order is paid "Other", none is Easy Ship, ISPU,
    // chain-store or e-invoiced, and buyer e-mails need a restricted token) select nothing.
    const pm = list(ctx, "PaymentMethods");
    for (const m of pm) if (!["COD", "CVS", "Other"].includes(m)) throw spError(400, "InvalidInput", `Invalid PaymentMethods: ${m}`);
    const impossible = (pm.length > 0 && !pm.includes("Other")) || list(ctx, "EasyShipShipmentStatuses").length > 0 || list(ctx, "ElectronicInvoiceStatuses").length > 0
      || ctx.query.get("IsISPU") === "true" || !!ctx.query.get("StoreChainStoreId") || !!ctx.query.get("BuyerEmail") || !!ctx.query.get("ActualFulfillmentSupplySourceId");
    if (impossible) q.none = true;
    const sellerOrderId = ctx.query.get("SellerOrderId");
    if (sellerOrderId) q.sellerOrderId = sellerOrderId;
    for (const k of ["EarliestDeliveryDateBefore", "EarliestDeliveryDateAfter", "LatestDeliveryDateBefore", "LatestDeliveryDateAfter"]) {
      const t = timeParam(ctx, k);
      if (t !== undefined) q[k] = t;
    }
    if (ids.length > 0) {
      if (ids.length > 50) throw spError(400, "InvalidInput", "AmazonOrderIds accepts at most 50 values");
      q.mode = "ids";
      q.ids = ids;
      q.after = 0;
      q.before = now;
    } else {
      const w = resolveWindow(ctx, timeParam(ctx, "CreatedAfter"), timeParam(ctx, "CreatedBefore"), timeParam(ctx, "LastUpdatedAfter"), timeParam(ctx, "LastUpdatedBefore"));
      Object.assign(q, w);
    }
  }
  const mps = sellerMarketplaces(ctx, seller, q.mpIds as string[], "MarketplaceIds");
  const statuses = (q.statuses as string[]).filter((s): s is OrderStatus => ["Pending", "Unshipped", "Shipped", "Canceled"].includes(s));
  const filter: OrderFilter = {
    mode: q.mode as OrderFilter["mode"],
    after: q.after as number,
    before: q.before as number,
  };
  if ((q.statuses as string[]).length) filter.statuses = statuses;
  if ((q.channels as string[]).length) filter.channels = q.channels as Array<"AFN" | "MFN">;
  if (q.ids) filter.ids = q.ids as string[];
  let all = q.none ? [] : queryOrders(ctx, seller, mps, filter);
  if (typeof q.sellerOrderId === "string") all = all.filter((o) => o.amazonOrderId === q.sellerOrderId);
  // Delivery windows exist on MFN orders only (LatestDeliveryDate = purchase + 7 days).
  const ldb = q.LatestDeliveryDateBefore as number | undefined;
  const lda = q.LatestDeliveryDateAfter as number | undefined;
  if (ldb !== undefined || lda !== undefined) all = all.filter((o) => o.channel === "MFN" && (ldb === undefined || o.purchaseMs + 7 * DAY < ldb) && (lda === undefined || o.purchaseMs + 7 * DAY > lda));
  if (q.EarliestDeliveryDateBefore !== undefined || q.EarliestDeliveryDateAfter !== undefined) all = [];
  const { slice, next } = page(all, offset, q.size as number);
  const payload: Record<string, unknown> = { Orders: slice.map((o) => v0Order(o, now)) };
  if (next !== undefined) payload.NextToken = Buffer.from(JSON.stringify({ q, o: next })).toString("base64url");
  if (filter.mode === "updated") payload.LastUpdatedBefore = isoZ(filter.before);
  else payload.CreatedBefore = isoZ(filter.before);
  return { status: 200, body: { payload } };
}

function findOwnOrder(ctx: Ctx, id: string): Order {
  const seller = sellerOf(ctx);
  if (!/^\d{3}-\d{7}-\d{7}$/.test(id)) throw spError(400, "InvalidInput", `Invalid order id ${id}`);
  const o = ctx.sb.world.findOrder(seller, id, ctx.sb.clock.now());
  if (!o) throw spError(404, "NotFound", "Invalid AmazonOrderId");
  return o;
}

function getOrder(ctx: Ctx): Reply {
  const o = findOwnOrder(ctx, ctx.params.orderId ?? "");
  return { status: 200, body: { payload: v0Order(o, ctx.sb.clock.now()) } };
}

function getOrderItems(ctx: Ctx): Reply {
  const id = ctx.params.orderId ?? "";
  const o = findOwnOrder(ctx, id);
  const now = ctx.sb.clock.now();
  const status = orderStatusAt(o, now);
  const cur = o.marketplace.currency;
  const items = o.lines.map((l) => {
    const it: Record<string, unknown> = {
      ASIN: l.product.asin,
      SellerSKU: l.product.sku,
      OrderItemId: l.orderItemId,
      Title: l.product.title,
      QuantityOrdered: l.quantity,
      QuantityShipped: status === "Shipped" ? l.quantity : 0,
      ProductInfo: { NumberOfItems: "1" },
      IsGift: "false",
      ConditionId: "New",
      ConditionSubtypeId: "New",
      IsTransparency: false,
      SerialNumberRequired: false,
    };
    // Pending orders carry no pricing, taxes or promotions (getOrderItems docs).
    if (status !== "Pending") {
      Object.assign(it, {
        ItemPrice: money(l.itemPrice, cur),
        ItemTax: money(l.itemTax, cur),
        ShippingPrice: money(l.shippingPrice, cur),
        ShippingTax: money(l.shippingTax, cur),
        ShippingDiscount: money(0, cur),
        ShippingDiscountTax: money(0, cur),
        PromotionDiscount: money(l.promotionDiscount, cur),
        PromotionDiscountTax: money(0, cur),
        PromotionIds: l.promotionIds,
      });
    }
    return it;
  });
  const offset = ctx.query.get("NextToken") ? decodeToken(ctx.query.get("NextToken") ?? "", id) : 0;
  const { slice, next } = page(items, offset, 100);
  const payload: Record<string, unknown> = { OrderItems: slice, AmazonOrderId: id };
  if (next !== undefined) payload.NextToken = encodeToken(id, next);
  return { status: 200, body: { payload } };
}

export const ordersV0Routes: Route[] = [
  { method: "GET", path: "/orders/v0/orders", operation: "getOrders", auth: "sp", handler: getOrders },
  { method: "GET", path: "/orders/v0/orders/{orderId}", operation: "getOrder", auth: "sp", handler: getOrder },
  { method: "GET", path: "/orders/v0/orders/{orderId}/orderItems", operation: "getOrderItems", auth: "sp", handler: getOrderItems },
];

