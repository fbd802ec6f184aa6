import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import { formatMinor } from "../util/money";
import { DAY, isoZ } from "../util/time";
import type { Order, OrderStatus } from "../world/orders";
import { lastUpdateAt, orderStatusAt } from "../world/orders";
import { intParam, list, page, sellerMarketplaces, sellerOf, timeParam } from "./common";
import type { OrderFilter } from "./order-query";
import { queryOrders, resolveWindow } from "./order-query";
import { orderTotalMinor } from "./orders-v0";

const STATUS_2026: Record<OrderStatus, string> = { Pending: "PENDING", Unshipped: "UNSHIPPED", Shipped: "SHIPPED", Canceled: "CANCELLED" };
const ALL_STATUSES = ["PENDING_AVAILABILITY", "PENDING", "UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED", "CANCELLED", "UNFULFILLABLE"];
const INCLUDED = ["BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION", "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX", "PAYMENT", "FULFILLMENT_ORDERS"];

const m = (minor: number, currency: string) => ({ amount: formatMinor(minor, currency), currencyCode: currency });

export function order2026(o: Order, now: number, included: string[]): Record<string, unknown> {
  const status = orderStatusAt(o, now);
  const cur = o.marketplace.currency;
  const inc = (k: string) => included.includes(k);
  const out: Record<string, unknown> = {
    orderId: o.amazonOrderId,
    orderAliases: [{ aliasId: o.amazonOrderId, aliasType: "SELLER_ORDER_ID" }],
    createdTime: isoZ(o.purchaseMs),
    lastUpdatedTime: isoZ(lastUpdateAt(o, now)),
    programs: o.isPrime ? ["PRIME"] : [],
    salesChannel: { channelName: "AMAZON", marketplaceId: o.marketplace.id, marketplaceName: o.marketplace.name },
    orderItems: o.lines.map((l) => {
      const it: Record<string, unknown> = {
        orderItemId: l.orderItemId,
        quantityOrdered: l.quantity,
        product: {
          asin: l.product.asin,
          title: l.product.title,
          sellerSku: l.product.sku,
          condition: { conditionType: "NEW", conditionSubtype: "NEW" },
          price: { unitPrice: m(Math.round(l.itemPrice / l.quantity), cur) },
        },
      };
      if (inc("PROCEEDS") && status !== "Pending") {
        it.proceeds = {
          proceedsTotal: m(l.itemPrice + l.itemTax + l.shippingPrice + l.shippingTax - l.promotionDiscount, cur),
          breakdowns: [
            { type: "ITEM", subtotal: m(l.itemPrice, cur) },
            { type: "SHIPPING", subtotal: m(l.shippingPrice, cur) },
            { type: "TAX", subtotal: m(l.itemTax + l.shippingTax, cur) },
            { type: "DISCOUNT", subtotal: m(-l.promotionDiscount, cur) },
          ],
        };
      }
      if (inc("FULFILLMENT")) {
        it.fulfillment = { quantityFulfilled: status === "Shipped" ? l.quantity : 0, quantityUnfulfilled: status === "Shipped" || status === "Canceled" ? 0 : l.quantity };
      }
      return it;
    }),
  };
  if (inc("FULFILLMENT")) {
    out.fulfillment = {
      fulfillmentStatus: STATUS_2026[status],
      fulfilledBy: o.channel === "AFN" ? "AMAZON" : "MERCHANT",
      fulfillmentServiceLevel: o.shipServiceLevel === "Expedited" ? "EXPEDITED" : "STANDARD",
      shipByWindow: { earliestDateTime: isoZ(o.purchaseMs + DAY), latestDateTime: isoZ(o.purchaseMs + 2 * DAY) },
    };
  }
  if (inc("PROCEEDS") && status !== "Pending") {
    out.proceeds = { grandTotal: m(orderTotalMinor(o), cur) };
  }
  if (inc("RECIPIENT") && status !== "Pending") {
    out.recipient = { deliveryAddress: { city: o.ship.city, stateOrRegion: o.ship.state, postalCode: o.ship.postalCode, countryCode: o.ship.country } };
  }
  if (inc("BUYER")) out.buyer = {};
  return out;
}

function includedData(ctx: Ctx): string[] {
  const v = list(ctx, "includedData");
  for (const x of v) if (!INCLUDED.includes(x)) throw spError(400, "InvalidInput", `Invalid includedData: ${x}`);
  return v;
}

function searchOrders(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  let q: Record<string, unknown>;
  let offset = 0;
  const token = ctx.query.get("paginationToken");
  if (token) {
    try {
      const t = JSON.parse(Buffer.from(token, "base64url").toString()) as { q: Record<string, unknown>; o: number; exp: number };
      // Tokens expire after 24 hours (migration guide).
      if (t.exp < now) throw new Error("expired");
      q = t.q;
      offset = t.o;
    } catch {
      throw spError(400, "InvalidInput", "Invalid or expired paginationToken");
    }
  } else {
    const mpIds = list(ctx, "marketplaceIds");
    sellerMarketplaces(ctx, seller, mpIds, "marketplaceIds");
    const statuses = list(ctx, "fulfillmentStatuses");
    for (const s of statuses) if (!ALL_STATUSES.includes(s)) throw spError(400, "InvalidInput", `Invalid fulfillmentStatuses: ${s}`);
    const by = list(ctx, "fulfilledBy");
    for (const b of by) if (b !== "MERCHANT" && b !== "AMAZON") throw spError(400, "InvalidInput", `Invalid fulfilledBy: ${b}`);
    const w = resolveWindow(ctx, timeParam(ctx, "createdAfter"), timeParam(ctx, "createdBefore"), timeParam(ctx, "lastUpdatedAfter"), timeParam(ctx, "lastUpdatedBefore"), ["createdAfter", "lastUpdatedAfter"]);
    q = { mpIds, statuses, by, size: intParam(ctx, "maxResultsPerPage", 100, 1, 100), included: includedData(ctx), ...w };
  }
  const mps = sellerMarketplaces(ctx, seller, q.mpIds as string[], "marketplaceIds");
  const filter: OrderFilter = { mode: q.mode as "created" | "updated", after: q.after as number, before: q.before as number };
  const statuses = q.statuses as string[];
  if (statuses.length) filter.statuses = (Object.keys(STATUS_2026) as OrderStatus[]).filter((k) => statuses.includes(STATUS_2026[k]));
  const by = q.by as string[];
  if (by.length) filter.channels = by.map((b) => (b === "AMAZON" ? "AFN" : "MFN"));
  const all = queryOrders(ctx, seller, mps, filter);
  const { slice, next } = page(all, offset, q.size as number);
  const body: Record<string, unknown> = { orders: slice.map((o) => order2026(o, now, q.included as string[])) };
  if (next !== undefined) body.pagination = { nextToken: Buffer.from(JSON.stringify({ q, o: next, exp: now + DAY })).toString("base64url") };
  if (filter.mode === "updated") body.lastUpdatedBefore = isoZ(filter.before);
  else body.createdBefore = isoZ(filter.before);
  return { status: 200, body };
}

function getOrder(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const id = ctx.params.orderId ?? "";
  const o = /^\d{3}-\d{7}-\d{7}$/.test(id) ? ctx.sb.world.findOrder(seller, id, ctx.sb.clock.now()) : undefined;
  if (!o) throw spError(404, "NotFound", `Order ${id} not found`);
  return { status: 200, body: { order: order2026(o, ctx.sb.clock.now(), includedData(ctx)) } };
}

export const orders2026Routes: Route[] = [
  { method: "GET", path: "/orders/2026-01-01/orders", operation: "searchOrders", auth: "sp", handler: searchOrders },
  { method: "GET", path: "/orders/2026-01-01/orders/{orderId}", operation: "getOrder2026", auth: "sp", handler: getOrder },
];
