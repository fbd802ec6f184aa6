import type { Order, OrderLine } from "./orders";

// Fee model (minor units). Amazon's types are free strings; these are the
// ones real settlements carry for a plain FBA/MFN sale and its refund.

export interface Charge { type: string; amount: number }
export interface ItemEvent { line: OrderLine; quantity: number; charges: Charge[]; fees: Charge[]; promotions: Array<{ id: string; amount: number }> }
export interface FinancialEvent { kind: "Shipment" | "Refund"; order: Order; postedMs: number; items: ItemEvent[] }

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

export function refundEvent(o: Order): FinancialEvent | undefined {
  const r = o.refund;
  const l = r ? o.lines[r.lineIndex] : undefined;
  if (!r || !l) return undefined;
  const share = r.quantity / l.quantity;
  const principal = Math.round(l.itemPrice * share);
  const comm = Math.round(commission(l) * share);
  // Amazon keeps a refund administration fee: 20% of the commission, capped at 5.00.
  const admin = Math.min(Math.round(comm * 0.2), Math.round(500 * o.marketplace.priceFactor));
  return {
    kind: "Refund",
    order: o,
    postedMs: r.postedMs,
    items: [{
      line: l,
      quantity: r.quantity,
      charges: [
        { type: "Principal", amount: -principal },
        { type: "Tax", amount: -Math.round(l.itemTax * share) },
      ],
      fees: [
        { type: "Commission", amount: comm },
        { type: "RefundCommission", amount: -admin },
      ],
      promotions: l.promotionIds.map((id) => ({ id, amount: Math.round(l.promotionDiscount * share) })),
    }],
  };
}

export function eventsOf(o: Order, now: number): FinancialEvent[] {
  const out: FinancialEvent[] = [];
  const s = shipmentEvent(o);
  if (s && s.postedMs <= now) out.push(s);
  const r = refundEvent(o);
  if (r && r.postedMs <= now) out.push(r);
  return out;
}

