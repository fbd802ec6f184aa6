import { OwnedLru } from "../util/owned-lru";
import { Rng } from "../util/rng";
import { addDays, dayStartMs, DAY, HOUR } from "../util/time";
import type { Product } from "./catalog";
import type { FateReimbursement, Reimbursement } from "./fba";
import { adjustmentsMadeOnDay, delayBetweenDays, fbaProducts, INBOUND_REIMBURSE_MAX_DAYS, inboundShipmentsInMonth, LONGEST_INBOUND_MS, reimbursedUnitValue, WAREHOUSE_REIMBURSE_MAX_DAYS } from "./fba";
import type { Marketplace } from "./marketplaces";
import type { Order, Refund } from "./orders";
import { MAX_REFUND_LAG_MS } from "./orders";
import type { Seller } from "./sellers";
import type { World } from "./world";

// Amazon's reimbursements: those that settle a fate (a lost or damaged adjustment, an FBA refund never
// returned, a short inbound shipment) and a few for reasons no claim is about. A reimbursement for a claim
// reason is always a fate's, so the claims ground truth (`claims-truth.ts`) accounts for every one of them.

/** Amazon reimburses an FBA refund whose unit never came back this many days after the refund. */
export const RETURN_REIMBURSE_DAYS = { min: 46, max: 70 } as const;

/** What becomes of an FBA refund: the unit comes back, or not and Amazon reimburses it, or not and nobody does. */
export type RefundFate = { kind: "returned" } | FateReimbursement | { kind: "open" };

/** The fate of an order's refund, if it is an FBA refund (its own stream, so the order stays as it was). */
export function refundFate(seed: string, o: Order): RefundFate | undefined {
  const rf = o.refund;
  if (!rf || o.channel !== "AFN") return undefined;
  const rng = new Rng(seed, "refund-fate", o.amazonOrderId);
  const r = rng.next();
  if (r < 0.7) return { kind: "returned" };
  // No unit to give back: Amazon pays it.
  if (r < 0.85) return { kind: "reimbursed", ms: rf.postedMs + delayBetweenDays(rng, RETURN_REIMBURSE_DAYS.min, RETURN_REIMBURSE_DAYS.max), reimbursementId: rng.digits(10), cash: true };
  return { kind: "open" };
}

/** FBA refunds post when the return is scanned in, about an hour after (a returned unit's return date). */
export function returnScannedMs(refund: Refund): number {
  return refund.postedMs - HOUR;
}

function settlement(f: FateReimbursement, reason: string, orderId: string, product: Product, quantity: number, amountPerUnit: number): Reimbursement {
  return { approvalMs: f.ms, id: f.reimbursementId, caseId: "", orderId, reason, product, amountPerUnit, qtyCash: f.cash ? quantity : 0, qtyInventory: f.cash ? 0 : quantity };
}

/** Reimbursements of the refunds of orders purchased on one local day, whenever they are approved. */
const refundCache = new OwnedLru<Reimbursement[]>(20_000);
function refundReimbursementsOfPurchaseDay(world: World, seller: Seller, mp: Marketplace, day: string): Reimbursement[] {
  return refundCache.get(world, `${seller.sellerId}|${mp.id}|${day}`, () => {
    const out: Reimbursement[] = [];
    for (const o of world.ordersOnDay(seller, mp, day)) {
      const f = refundFate(world.seed, o);
      const line = o.refund ? o.lines[o.refund.lineIndex] : undefined;
      if (f?.kind !== "reimbursed" || !line || !o.refund) continue;
      // The refunded line's own price per unit, as the customer was refunded it.
      out.push(settlement(f, "CustomerReturn", o.amazonOrderId, line.product, o.refund.quantity, Math.round(line.itemPrice / line.quantity)));
    }
    return out;
  });
}

/** Reimbursements of the short items of the inbound shipments created in one month. */
const inboundCache = new OwnedLru<Reimbursement[]>(5_000);
function inboundReimbursementsOfMonth(world: World, seller: Seller, mp: Marketplace, month: string): Reimbursement[] {
  return inboundCache.get(world, `${seller.sellerId}|${mp.id}|${month}`, () => {
    const out: Reimbursement[] = [];
    // As the Inbound API and the ledger's receipts: no shipments before the business's first month.
    if (month < world.config.historyStart.slice(0, 7)) return out;
    for (const s of inboundShipmentsInMonth(world.seed, seller, mp, world.catalog(seller), month)) {
      for (const it of s.items) if (it.fate?.kind === "reimbursed") out.push(settlement(it.fate, "Lost_Inbound", "", it.product, it.shipped - it.received, reimbursedUnitValue(it.product, mp)));
    }
    return out;
  });
}

/** Reasons that settle nothing a claim is about: random, and never mistaken for a fate's. */
const UNCLAIMED_REASONS = ["CustomerServiceIssue", "Removal_Order_Lost", "FeeCorrection"];

function unclaimedOnDay(seed: string, seller: Seller, mp: Marketplace, catalog: readonly Product[], day: string): Reimbursement[] {
  const rng = new Rng(seed, "reimb", seller.sellerId, mp.id, day);
  const fba = fbaProducts(catalog);
  if (fba.length === 0) return [];
  // About one in 600 orders: a small seller's day has a fraction of one, and some of its days have one.
  const mean = (seller.profile.ordersPerDay * mp.weight) / 600;
  const n = mean < 1 ? (rng.chance(mean) ? 1 : 0) : rng.around(mean, 0.8);
  const out: Reimbursement[] = [];
  const start = dayStartMs(day, mp.timezone);
  for (let i = 0; i < n; i++) {
    const p = rng.pick(fba);
    const qty = rng.int(1, 3);
    const cash = rng.chance(0.7);
    out.push({
      approvalMs: start + rng.int(1, 23) * HOUR + rng.int(0, 3599) * 1000,
      id: rng.digits(10),
      caseId: rng.chance(0.3) ? rng.digits(10) : "",
      orderId: "",
      reason: rng.pick(UNCLAIMED_REASONS),
      product: p,
      amountPerUnit: reimbursedUnitValue(p, mp),
      qtyCash: cash ? qty : 0,
      qtyInventory: cash ? 0 : qty,
    });
  }
  return out;
}

/** Purchase days (back from the approval day) whose refunds Amazon may reimburse on a day. */
const REFUND_DAYS_BACK = { min: RETURN_REIMBURSE_DAYS.min, max: Math.ceil((MAX_REFUND_LAG_MS + RETURN_REIMBURSE_DAYS.max * DAY) / DAY) + 1 };

const dayCache = new OwnedLru<Reimbursement[]>(10_000);

/**
 * Every reimbursement Amazon approves on a local day of a marketplace, in approval order: the fates settled
 * that day (looked for among the adjustments, refunds and shipments that can settle then) and the unclaimed.
 */
export function reimbursementsOnDay(world: World, seller: Seller, mp: Marketplace, day: string): Reimbursement[] {
  return dayCache.get(world, `${seller.sellerId}|${mp.id}|${day}`, () => {
    const catalog = world.catalog(seller);
    const start = dayStartMs(day, mp.timezone);
    const end = dayStartMs(addDays(day, 1), mp.timezone);
    const out: Reimbursement[] = [];
    const take = (x: Reimbursement) => { if (x.approvalMs >= start && x.approvalMs < end) out.push(x); };
    for (let back = 0; back <= WAREHOUSE_REIMBURSE_MAX_DAYS + 1; back++) {
      for (const a of adjustmentsMadeOnDay(world.seed, seller, mp, catalog, addDays(day, -back))) {
        if (a.fate?.kind !== "reimbursed") continue;
        take(settlement(a.fate, a.reason === "M" ? "Lost_Warehouse" : "Damaged_Warehouse", "", a.product, Math.abs(a.qty), reimbursedUnitValue(a.product, mp)));
      }
    }
    for (let back = REFUND_DAYS_BACK.min; back <= REFUND_DAYS_BACK.max; back++) {
      for (const x of refundReimbursementsOfPurchaseDay(world, seller, mp, addDays(day, -back))) take(x);
    }
    // The months of the shipments that can settle on the day, from the local days (no time-zone arithmetic).
    const oldest = addDays(day, -Math.ceil((LONGEST_INBOUND_MS + INBOUND_REIMBURSE_MAX_DAYS * DAY) / DAY) - 1).slice(0, 7);
    for (let m = oldest; m <= day.slice(0, 7); m = addDays(`${m}-28`, 7).slice(0, 7)) {
      for (const x of inboundReimbursementsOfMonth(world, seller, mp, m)) take(x);
    }
    out.push(...unclaimedOnDay(world.seed, seller, mp, catalog, day));
    return out.sort((a, b) => a.approvalMs - b.approvalMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
}
