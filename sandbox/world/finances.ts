import { hash32 } from "../util/rng";
import { HOUR } from "../util/time";
import type { Order, OrderLine } from "./orders";

// Fee model (minor units). Amazon's types are free strings; these are the
// ones real settlements carry for a plain FBA/MFN sale and its refund.

export interface Charge { type: string; amount: number }
export interface ItemEvent {
  line: OrderLine;
  quantity: number;
  /** Refunds: Amazon's OrderAdjustmentItemId (14 digits, like an order item id). */
  adjustmentItemId?: string;
  charges: Charge[];
  fees: Charge[];
  promotions: Array<{ id: string; amount: number }>;
}
export interface FinancialEvent {
  kind: "Shipment" | "Refund";
  order: Order;
  postedMs: number;
  /** When Finances starts showing it: "orders from the last 48 hours might not be included". */
  visibleMs: number;
  items: ItemEvent[];
}

/** The longest an event stays out of Finances after its PostedDate (Amazon: up to 48 hours). */
export const MAX_VISIBILITY_LAG_MS = 47 * HOUR;

/**
 * How long after its PostedDate an event appears in Finances, drawn per order and kind: most within a few
 * hours, a quarter within the day, one in twenty only after a day or nearly two. A listing of the last two
 * days therefore misses some events that a later listing of the same period shows.
 */
export function visibilityLagMs(o: Order, kind: FinancialEvent["kind"]): number {
  const h = hash32("finances-visible", o.amazonOrderId, kind);
  const r = (h % 10_000) / 10_000;
  const within = (h >>> 14) % 1000 / 1000;
  if (r < 0.7) return Math.floor(within * 4 * HOUR);
  if (r < 0.95) return Math.floor((4 + within * 20) * HOUR);
  return Math.floor((24 + within * 23) * HOUR);
}

export function commission(l: OrderLine): number {
  return Math.round((l.itemPrice - l.promotionDiscount + l.shippingPrice) * 0.15);
}

export function fbaFee(o: Order, l: OrderLine): number {
  if (o.channel !== "AFN") return 0;
  const per = Math.round((300 + l.product.dims.weightKg * 90) * o.marketplace.priceFactor);
  return per * l.quantity;
}

export function shipmentEvent(o: Order): FinancialEvent | undefined {
  if (o.shipMs === undefined) return undefined;
  return {
    kind: "Shipment",
    order: o,
    postedMs: o.shipMs,
    visibleMs: o.shipMs + visibilityLagMs(o, "Shipment"),
    items: o.lines.map((l) => ({
      line: l,
      quantity: l.quantity,
      charges: [
        { type: "Principal", amount: l.itemPrice },
        { type: "Tax", amount: l.itemTax },
        { type: "ShippingCharge", amount: l.shippingPrice },
        { type: "ShippingTax", amount: l.shippingTax },
      ],
      fees: [
        { type: "Commission", amount: -commission(l) },
        ...(o.channel === "AFN" ? [{ type: "FBAPerUnitFulfillmentFee", amount: -fbaFee(o, l) }] : []),
      ],
      promotions: l.promotionIds.map((id) => ({ id, amount: -l.promotionDiscount })),
    })),
  };
}

/** A 14-digit id derived from the refunded line, as Amazon numbers its order adjustment items. */
function adjustmentItemId(o: Order, l: OrderLine): string {
  return `${String(hash32("adjustment", o.amazonOrderId, l.orderItemId) % 100_000_000).padStart(8, "0")}${String(hash32("adjustment-tail", l.orderItemId) % 1_000_000).padStart(6, "0")}`;
}

/**
 * The refund of one line: the buyer gets the principal, its tax and (a whole line) the shipping back; the
 * promotion given on it is reversed; Amazon returns the referral fee and keeps a refund administration fee
 * (20 % of it, at most 5.00 in the marketplace's money); FBA fees are not returned.
 */
export function refundEvent(o: Order): FinancialEvent | undefined {
  const r = o.refund;
  const l = r ? o.lines[r.lineIndex] : undefined;
  if (!r || !l) return undefined;
  const share = r.quantity / l.quantity;
  const principal = Math.round(l.itemPrice * share);
  const comm = Math.round(commission(l) * share);
  const admin = Math.min(Math.round(comm * 0.2), Math.round(500 * o.marketplace.priceFactor));
  const shipping = l.shippingPrice > 0 && r.quantity === l.quantity
    ? [{ type: "ShippingCharge", amount: -l.shippingPrice }, { type: "ShippingTax", amount: -l.shippingTax }]
    : [];
  return {
    kind: "Refund",
    order: o,
    postedMs: r.postedMs,
    visibleMs: r.postedMs + visibilityLagMs(o, "Refund"),
    items: [{
      line: l,
      quantity: r.quantity,
      adjustmentItemId: adjustmentItemId(o, l),
      charges: [
        { type: "Principal", amount: -principal },
        { type: "Tax", amount: -Math.round(l.itemTax * share) },
        ...shipping,
      ],
      fees: [
        { type: "Commission", amount: comm },
        { type: "RefundCommission", amount: -admin },
      ],
      promotions: l.promotionIds.map((id) => ({ id, amount: Math.round(l.promotionDiscount * share) })),
    }],
  };
}

/** The order's events Finances shows at `now` (posted, and past their visibility lag). */
export function eventsOf(o: Order, now: number): FinancialEvent[] {
  const out: FinancialEvent[] = [];
  const s = shipmentEvent(o);
  if (s && s.visibleMs <= now) out.push(s);
  const r = refundEvent(o);
  if (r && r.visibleMs <= now) out.push(r);
  return out;
}
