import { Rng } from "../util/rng";
import { dayStartMs, DAY, HOUR, MINUTE } from "../util/time";
import type { Marketplace } from "./marketplaces";
import type { Product } from "./catalog";
import { localPriceMinor, pickWeighted, popularityTable } from "./catalog";
import type { Seller } from "./sellers";

export type OrderStatus = "Pending" | "Unshipped" | "Shipped" | "Canceled";

export interface OrderLine {
  orderItemId: string;
  product: Product;
  quantity: number;
  /** Totals for the line (unit price × quantity), minor units. */
  itemPrice: number;
  itemTax: number;
  shippingPrice: number;
  shippingTax: number;
  promotionDiscount: number;
  promotionIds: string[];
}

export interface Refund {
  postedMs: number;
  lineIndex: number;
  quantity: number;
  reason: string;
}

export interface Order {
  amazonOrderId: string;
  sellerId: string;
  marketplace: Marketplace;
  purchaseMs: number;
  channel: "AFN" | "MFN";
  shipServiceLevel: string;
  isBusiness: boolean;
  isPrime: boolean;
  lines: OrderLine[];
  ship: { city: string; state: string; postalCode: string; country: string };
  /** Leaves Pending (payment authorized) at this instant. */
  pendingUntilMs: number;
  shipMs?: number;
  cancelMs?: number;
  refund?: Refund;
}

const CITIES: Record<string, Array<[string, string, string]>> = {
  US: [["Seattle", "WA", "98101"], ["Austin", "TX", "73301"], ["Denver", "CO", "80202"], ["Miami", "FL", "33101"], ["Boston", "MA", "02108"]],
  CA: [["Toronto", "ON", "M5H 2N2"], ["Vancouver", "BC", "V5K 0A1"]],
  MX: [["Ciudad de México", "CDMX", "06000"], ["Monterrey", "NL", "64000"]],
  GB: [["London", "", "SW1A 1AA"], ["Manchester", "", "M1 1AE"]],
  DE: [["Berlin", "", "10115"], ["München", "", "80331"]],
  FR: [["Paris", "", "75001"], ["Lyon", "", "69001"]],
  IT: [["Roma", "RM", "00100"], ["Milano", "MI", "20121"]],
  ES: [["Madrid", "M", "28001"], ["Barcelona", "B", "08001"]],
  JP: [["Tokyo", "東京都", "100-0001"], ["Osaka", "大阪府", "530-0001"]],
  AU: [["Sydney", "NSW", "2000"], ["Melbourne", "VIC", "3000"]],
};

const TAX_RATE: Record<string, number> = { US: 0.08, CA: 0.13, MX: 0.16, GB: 0.2, DE: 0.19, FR: 0.2, IT: 0.22, ES: 0.21, JP: 0.1, AU: 0.1 };

const REFUND_REASONS = ["CUSTOMER_CHANGED_MIND", "DEFECTIVE", "NOT_AS_DESCRIBED", "DAMAGED_BY_CARRIER", "UNWANTED_ITEM"];

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY);
}

/** Deterministic weekly + seasonal swing so charts are not flat; never below 1 so volume knobs are minimums. */
const demandCache = new Map<string, number>();
export function demandFactor(day: string): number {
  const hit = demandCache.get(day);
  if (hit !== undefined) return hit;
  const d = new Date(`${day}T00:00:00Z`);
  const dow = d.getUTCDay();
  const week = dow === 0 || dow === 6 ? 1.15 : 1;
  const month = d.getUTCMonth();
  const season = month === 10 || month === 11 ? 1.35 : 1;
  demandCache.set(day, week * season);
  return week * season;
}

/**
 * All orders a seller receives in one marketplace on one local day, fully
 * resolved (future status changes included); visibility is decided by the
 * caller from the sandbox clock.
 */
export function generateOrdersForDay(seed: string, seller: Seller, mp: Marketplace, catalog: readonly Product[], day: string, totalWeight: number): Order[] {
  const rng = new Rng(seed, "orders", seller.sellerId, mp.id, day);
  const table = popularityTable(catalog);
  const mean = (seller.profile.ordersPerDay * mp.weight * demandFactor(day)) / totalWeight;
  // ±5% daily noise keeps the seller's total at or above its volume knob every day.
  const count = Math.round(mean * (0.95 + 0.1 * rng.next()) + 0.5);
  const start = dayStartMs(day, mp.timezone);
  const dn = dayNumber(day);
  const cities = CITIES[mp.countryCode] ?? [["City", "", "00000"]];
  const taxRate = TAX_RATE[mp.countryCode] ?? 0.1;
  const prefix = String(100 + ((seller.index * 37 + mp.id.length * 11 + (mp.id.charCodeAt(1) % 50)) % 900));
  const out: Order[] = [];
  for (let i = 0; i < count; i++) {
    // Purchases cluster in the local afternoon/evening.
    const tod = Math.min(0.9999, Math.max(0, 0.62 + (rng.next() + rng.next() + rng.next() - 1.5) * 0.35));
    const purchaseMs = start + Math.floor(tod * DAY);
    const nLines = rng.chance(0.7) ? 1 : rng.chance(0.7) ? 2 : rng.int(3, 5);
    const lines: OrderLine[] = [];
    const used = new Set<string>();
    for (let l = 0; l < nLines; l++) {
      const product = pickWeighted(table, rng.next());
      if (used.has(product.sku)) continue;
      used.add(product.sku);
      const quantity = rng.chance(0.85) ? 1 : rng.int(2, 4);
      const unit = localPriceMinor(product, mp.priceFactor, mp.currency);
      const itemPrice = unit * quantity;
      const promo = rng.chance(0.1) ? Math.round(itemPrice * 0.1) : 0;
      const shipping = rng.chance(0.2) ? Math.round(499 * mp.priceFactor) : 0;
      lines.push({
        orderItemId: rng.digits(14),
        product,
        quantity,
        itemPrice,
        itemTax: Math.round((itemPrice - promo) * taxRate),
        shippingPrice: shipping,
        shippingTax: Math.round(shipping * taxRate),
        promotionDiscount: promo,
        promotionIds: promo > 0 ? [`PLM-${rng.alnum(10)}`] : [],
      });
    }
    const first = lines[0];
    if (!first) continue;
    const channel = first.product.channel;
    const [city, state, postal] = rng.pick(cities);
    const pendingUntilMs = purchaseMs + rng.int(2, 240) * MINUTE;
    const order: Order = {
      amazonOrderId: `${prefix}-${rng.digits(7)}-${String((dn % 1000) * 10000 + (i % 10000)).padStart(7, "0")}`,
      sellerId: seller.sellerId,
      marketplace: mp,
      purchaseMs,
      channel,
      shipServiceLevel: rng.chance(0.8) ? "Std " + mp.countryCode + " D2D Dom" : "Expedited",
      isBusiness: rng.chance(0.05),
      isPrime: channel === "AFN" && rng.chance(0.7),
      lines,
      ship: { city, state, postalCode: postal, country: mp.countryCode },
      pendingUntilMs,
    };
    const r = rng.next();
    if (r < 0.025) {
      order.cancelMs = purchaseMs + rng.int(5, 600) * MINUTE;
    } else {
      order.shipMs = pendingUntilMs + rng.int(channel === "AFN" ? 2 : 6, channel === "AFN" ? 30 : 70) * HOUR;
      if (rng.chance(0.05)) {
        const li = rng.int(0, lines.length - 1);
        order.refund = {
          postedMs: order.shipMs + rng.int(3, 30) * DAY + rng.int(0, 23) * HOUR,
          lineIndex: li,
          quantity: lines[li]?.quantity ?? 1,
          reason: rng.pick(REFUND_REASONS),
        };
      }
    }
    out.push(order);
  }
  out.sort((a, b) => a.purchaseMs - b.purchaseMs);
  return out;
}

/** Longest time after purchase during which an order's status may change. */
export const MAX_ORDER_LIFECYCLE_MS = 4 * DAY + 74 * HOUR;
/** Longest time after purchase at which a refund can post. */
export const MAX_REFUND_LAG_MS = MAX_ORDER_LIFECYCLE_MS + 31 * DAY;

export function orderStatusAt(o: Order, now: number): OrderStatus {
  if (o.cancelMs !== undefined && now >= o.cancelMs) return "Canceled";
  if (now < o.pendingUntilMs) return "Pending";
  if (o.shipMs !== undefined && now >= o.shipMs) return "Shipped";
  return "Unshipped";
}

export function lastUpdateAt(o: Order, now: number): number {
  let t = o.purchaseMs;
  for (const x of [o.pendingUntilMs, o.shipMs, o.cancelMs]) {
    if (x !== undefined && x <= now && x > t) t = x;
  }
  if (o.cancelMs !== undefined && now >= o.cancelMs) return o.cancelMs;
  return t;
}
