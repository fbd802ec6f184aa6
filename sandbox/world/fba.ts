import { DateTime } from "luxon";
import { hash32, Rng } from "../util/rng";
import { OwnedLru } from "../util/owned-lru";
import { addDays, dayStartMs, DAY, HOUR } from "../util/time";
import type { Product } from "./catalog";
import { localPriceMinor } from "./catalog";
import type { Marketplace } from "./marketplaces";
import type { Seller } from "./sellers";

// FBA facts that are not orders: inventory levels, fee publications,
// reimbursements, removals, ledger adjustments and inbound shipments. Each is
// a pure function of (seed, seller, marketplace, day|month) like orders.

export const FCS: Record<string, string[]> = {
  US: ["PHX6", "ONT8", "BFI4", "MDW2"], CA: ["YYZ4", "YVR2"], MX: ["MEX1"], GB: ["LTN1", "MAN1"], DE: ["FRA3", "LEJ1"],
  FR: ["ORY1"], IT: ["MXP5"], ES: ["MAD4"], JP: ["NRT1", "KIX2"], AU: ["SYD1", "MEL1"],
};

export function fcFor(seed: string, mp: Marketplace, key: string): string {
  const list = FCS[mp.countryCode] ?? ["XXX1"];
  return list[hash32(seed, "fc", key) % list.length] ?? "XXX1";
}

export function dayNum(ms: number): number {
  return Math.floor(ms / DAY);
}

/**
 * Units in Amazon's warehouses for an FBA product on a UTC day: a smooth deterministic wave (it steps at
 * 00:00 UTC). Units on their way in are not here: they come from the inbound shipments (`fbaInventoryAt`).
 */
export function inventoryLevel(seed: string, sellerId: string, mp: Marketplace, p: Product, ms: number): { fulfillable: number; reserved: number; unfulfillable: number; researching: number } {
  const h = hash32(seed, "inv", sellerId, mp.id, p.sku);
  const base = Math.round((20 + (h % 300)) * mp.weight * Math.min(3, p.popularity * 4 + 0.3));
  const phase = (h % 1000) / 159;
  const wave = Math.sin(dayNum(ms) / 9 + phase);
  const fulfillable = Math.max(0, Math.round(base * (1 + 0.4 * wave)));
  return {
    fulfillable,
    reserved: Math.round(fulfillable * 0.05),
    unfulfillable: (h >>> 8) % 4,
    researching: (h >>> 12) % 3 === 0 ? 1 : 0,
  };
}

export function fbaProducts(catalog: readonly Product[]): Product[] {
  return catalog.filter((p) => !p.isParent && p.channel === "AFN");
}

// ---- monthly fee publications ------------------------------------------------

/** Day of month (10–18) on which last month's storage fee report appears. */
export function storageFeePublicationDay(seed: string, sellerId: string, month: string): number {
  return 10 + (hash32(seed, "sfpub", sellerId, month) % 9);
}

/** Day of month (18–22) on which last month's long-term storage fee appears. */
export function ltsfPublicationDay(seed: string, sellerId: string, month: string): number {
  return 18 + (hash32(seed, "ltsfpub", sellerId, month) % 5);
}

/** Instant the charge for `chargeMonth` (YYYY-MM) is published, in the marketplace zone. */
export function publicationMs(chargeMonth: string, day: number, zone: string): number {
  const next = DateTime.fromISO(`${chargeMonth}-01`, { zone }).plus({ months: 1 }).set({ day });
  return next.startOf("day").toMillis() + 6 * HOUR;
}

// ---- reimbursements, removals, ledger adjustments -------------------------------

export interface Reimbursement { approvalMs: number; id: string; caseId: string; orderId: string; reason: string; product: Product; amountPerUnit: number; qtyCash: number; qtyInventory: number }

/** What Amazon pays per unit of lost or damaged inventory (its estimate of the item's value). */
export function reimbursedUnitValue(p: Product, mp: Marketplace): number {
  return Math.round(localPriceMinor(p, mp.priceFactor, mp.currency) * 0.55);
}

/** Amazon reimburses a lost or damaged unit this long after the adjustment at most (and 2 days at least). */
export const WAREHOUSE_REIMBURSE_MAX_DAYS = 25;
/** A lost unit found again is found at most this many days after it was lost. */
export const FOUND_MAX_DAYS = 20;
/** Amazon reimburses the units missing from a closed inbound shipment this long after closing at most. */
export const INBOUND_REIMBURSE_MAX_DAYS = 30;

/** An Amazon reimbursement a fate settles with: its approval, id and whether in cash or in units. */
export interface FateReimbursement { kind: "reimbursed"; ms: number; reimbursementId: string; cash: boolean }

/** What becomes of a lost (M) or damaged (E) adjustment, decided when it happens (not yet true before `ms`). */
export type AdjustmentFate = FateReimbursement | { kind: "found"; ms: number; referenceId: string } | { kind: "open" };

/** A delay of `fromDays` to `toDays` days, to the second. */
export const delayBetweenDays = (rng: Rng, fromDays: number, toDays: number): number => rng.int(fromDays * 86_400, toDays * 86_400) * 1000;

function adjustmentFate(rng: Rng, reason: "M" | "E", ms: number): AdjustmentFate {
  const r = rng.next();
  const reimbursedShare = reason === "M" ? 0.45 : 0.6;
  if (r < reimbursedShare) return { kind: "reimbursed", ms: ms + delayBetweenDays(rng, 2, WAREHOUSE_REIMBURSE_MAX_DAYS), reimbursementId: rng.digits(10), cash: rng.chance(0.7) };
  if (reason === "M" && r < reimbursedShare + 0.2) return { kind: "found", ms: ms + delayBetweenDays(rng, 1, FOUND_MAX_DAYS), referenceId: rng.digits(11) };
  return { kind: "open" };
}

export interface LedgerAdjustment { ms: number; product: Product; qty: number; reason: "M" | "E" | "F" | "D"; fc: string; referenceId: string; disposition: string; fate?: AdjustmentFate }

const madeCache = new OwnedLru<LedgerAdjustment[]>(4000);

/**
 * Lost (M), damaged (E) and disposed (D) units of one local day, each M and E with its fate (reimbursed by
 * Amazon, found again, or never settled: what a claim recovers). Cached per catalog: the ledger and the
 * reimbursements both look back weeks from every day.
 */
export function adjustmentsMadeOnDay(seed: string, seller: Seller, mp: Marketplace, catalog: readonly Product[], day: string): LedgerAdjustment[] {
  return madeCache.get(catalog, `${seed}|${seller.sellerId}|${mp.id}|${day}`, () => {
    const rng = new Rng(seed, "ledger-adj", seller.sellerId, mp.id, day);
    const fba = fbaProducts(catalog);
    if (fba.length === 0) return [];
    // A small seller's day has a fraction of one adjustment: some of its days have one (rounding gave none, ever).
    const mean = (seller.profile.ordersPerDay * mp.weight) / 60;
    const n = mean < 1 ? (rng.chance(mean) ? 1 : 0) : rng.around(mean, 0.8);
    const start = dayStartMs(day, mp.timezone);
    const out: LedgerAdjustment[] = [];
    for (let i = 0; i < n; i++) {
      const reason = rng.pick(["M", "M", "E", "D"] as const);
      const p = rng.pick(fba);
      const q = rng.int(1, 2);
      const a: LedgerAdjustment = { ms: start + rng.int(0, 86399) * 1000, product: p, qty: -q, reason, fc: fcFor(seed, mp, p.sku), referenceId: rng.digits(11), disposition: reason === "E" ? "WAREHOUSE_DAMAGED" : "SELLABLE" };
      // Its own stream: a fate drawn from the day's would shift every later adjustment of the day.
      if (reason !== "D") a.fate = adjustmentFate(new Rng(seed, "adj-fate", seller.sellerId, mp.id, day, i), reason, a.ms);
      out.push(a);
    }
    return out;
  });
}

/** The ledger's adjustments of a local day: lost, damaged and disposed units, and lost units found again (F). */
export function ledgerAdjustmentsOnDay(seed: string, seller: Seller, mp: Marketplace, catalog: readonly Product[], day: string): LedgerAdjustment[] {
  const start = dayStartMs(day, mp.timezone);
  const end = dayStartMs(addDays(day, 1), mp.timezone);
  const out = [...adjustmentsMadeOnDay(seed, seller, mp, catalog, day)];
  for (let back = 0; back <= FOUND_MAX_DAYS + 1; back++) {
    for (const a of adjustmentsMadeOnDay(seed, seller, mp, catalog, addDays(day, -back))) {
      const f = a.fate;
      if (f?.kind !== "found" || f.ms < start || f.ms >= end) continue;
      out.push({ ms: f.ms, product: a.product, qty: -a.qty, reason: "F", fc: a.fc, referenceId: f.referenceId, disposition: "SELLABLE" });
    }
  }
  return out.sort((x, y) => x.ms - y.ms);
}

export interface RemovalOrder { requestMs: number; orderId: string; type: "Return" | "Disposal"; lines: Array<{ product: Product; qty: number; disposition: string }>; completeMs: number; feePerUnit: number }

export function removalsOnDay(seed: string, seller: Seller, mp: Marketplace, catalog: readonly Product[], day: string): RemovalOrder[] {
  const rng = new Rng(seed, "removal", seller.sellerId, mp.id, day);
  const fba = fbaProducts(catalog);
  if (fba.length === 0 || !rng.chance(Math.min(0.9, 0.1 + seller.profile.ordersPerDay / 4000))) return [];
  const start = dayStartMs(day, mp.timezone);
  const lines = Array.from({ length: rng.int(1, 4) }, () => ({ product: rng.pick(fba), qty: rng.int(1, 20), disposition: rng.pick(["Sellable", "Unsellable"]) }));
  return [{
    requestMs: start + rng.int(8, 20) * HOUR,
    orderId: rng.alnum(10),
    type: rng.chance(0.6) ? "Return" : "Disposal",
    lines,
    completeMs: start + rng.int(5, 14) * DAY,
    feePerUnit: Math.round(52 * mp.priceFactor),
  }];
}

// ---- inbound shipments ---------------------------------------------------------

export type InboundStatus = "WORKING" | "SHIPPED" | "IN_TRANSIT" | "DELIVERED" | "CHECKED_IN" | "RECEIVING" | "CLOSED" | "CANCELLED";

export interface InboundShipment {
  shipmentId: string;
  name: string;
  createdMs: number;
  fc: string;
  marketplace: Marketplace;
  cancelled: boolean;
  items: InboundItem[];
  /** Instants of each status transition, in order. */
  timeline: Array<[InboundStatus, number]>;
}

/**
 * One SKU of a shipment. An item of a closed shipment that Amazon received short has a fate: Amazon reimburses
 * the missing units on its own, or never does (what a lost-inbound claim recovers).
 */
export interface InboundItem { product: Product; shipped: number; received: number; inCase: number; fate?: FateReimbursement | { kind: "open" } }

/** Instant a shipment reached a status, if its timeline has it. */
export function statusMs(s: Pick<InboundShipment, "timeline">, status: InboundStatus): number | undefined {
  return s.timeline.find(([st]) => st === status)?.[1];
}

export function inboundShipmentsInMonth(seed: string, seller: Seller, mp: Marketplace, catalog: readonly Product[], month: string): InboundShipment[] {
  const rng = new Rng(seed, "inbound", seller.sellerId, mp.id, month);
  const fba = fbaProducts(catalog);
  if (fba.length === 0) return [];
  const n = Math.max(1, rng.around(1 + seller.profile.ordersPerDay / 300, 0.3));
  const monthStart = DateTime.fromISO(`${month}-01`, { zone: mp.timezone });
  const days = monthStart.daysInMonth ?? 28;
  const out: InboundShipment[] = [];
  for (let i = 0; i < n; i++) {
    const created = monthStart.plus({ days: rng.int(0, days - 1), hours: rng.int(8, 18) }).toMillis();
    const cancelled = rng.chance(0.05);
    const short = rng.chance(0.3);
    const nItems = rng.int(2, Math.min(10, fba.length));
    const used = new Set<string>();
    const items: InboundItem[] = [];
    for (let k = 0; k < nItems; k++) {
      const p = rng.pick(fba);
      if (used.has(p.sku)) continue;
      used.add(p.sku);
      const inCase = rng.pick([6, 12, 24]);
      const shipped = inCase * rng.int(2, 20);
      items.push({ product: p, shipped, received: shipped, inCase });
    }
    const firstItem = items[0];
    if (short && firstItem) firstItem.received = Math.max(0, firstItem.shipped - rng.int(1, 6));
    const t = (d: number) => created + d * DAY + rng.int(0, 12) * HOUR;
    const timeline: Array<[InboundStatus, number]> = cancelled
      ? [["WORKING", created], ["CANCELLED", t(2)]]
      : [["WORKING", created], ["SHIPPED", t(2)], ["IN_TRANSIT", t(3)], ["DELIVERED", t(6)], ["CHECKED_IN", t(7)], ["RECEIVING", t(8)], ["CLOSED", t(20)]];
    const shipmentId = "FBA" + rng.alnum(9);
    const closed = statusMs({ timeline }, "CLOSED");
    for (const item of items) {
      if (closed === undefined || item.received >= item.shipped) continue;
      // Its own stream, so the shipment's stream (and every later shipment of the month) stays as it was.
      const fr = new Rng(seed, "inbound-fate", seller.sellerId, mp.id, shipmentId, item.product.sku);
      item.fate = fr.chance(0.5) ? { kind: "reimbursed", ms: closed + delayBetweenDays(fr, 3, INBOUND_REIMBURSE_MAX_DAYS), reimbursementId: fr.digits(10), cash: fr.chance(0.7) } : { kind: "open" };
    }
    out.push({ shipmentId, name: `FBA STA (${monthStart.plus({ days: i }).toFormat("MM/dd/yyyy")} ${String(i + 1)})`, createdMs: created, fc: fcFor(seed, mp, `${month}-${String(i)}`), marketplace: mp, cancelled, items, timeline });
  }
  return out;
}

export function inboundStatusAt(s: InboundShipment, now: number): { status: InboundStatus; since: number } | undefined {
  let cur: { status: InboundStatus; since: number } | undefined;
  for (const [st, ms] of s.timeline) if (ms <= now) cur = { status: st, since: ms };
  return cur;
}

/** Units received so far: grows through RECEIVING, final at CLOSED. */
export function receivedAt(s: InboundShipment, item: InboundShipment["items"][number], now: number): number {
  const st = inboundStatusAt(s, now)?.status;
  if (st === "CLOSED") return item.received;
  if (st === "RECEIVING") return Math.floor(item.received * 0.6);
  return 0;
}

// ---- FBA inventory summaries -----------------------------------------------------

/** One SKU's FBA inventory in a marketplace, as getInventorySummaries (details=true) reports it. */
export interface FbaInventory {
  product: Product;
  fulfillable: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
  reserved: number;
  researching: number;
  unfulfillable: number;
  /** Units in an inbound shipment or in Amazon's fulfillment centers (the model's totalQuantity). */
  total: number;
  /** When a warehouse quantity last changed (inbound changes are not counted, as Amazon's are not). */
  lastUpdatedMs: number;
}

/** A shipment is closed or cancelled at most this long after it was created (see the timeline above). */
export const LONGEST_INBOUND_MS = 22 * DAY;

/**
 * Units on their way in per SKU, from the inbound shipments open at `now` (the Inbound API's): a shipment
 * being prepared counts as working, one shipped (in transit, delivered, checked in) as shipped, and the
 * units of a receiving shipment not received yet as receiving.
 */
function inboundBySku(seed: string, seller: Seller, mp: Marketplace, catalog: readonly Product[], now: number) {
  const out = new Map<string, { working: number; shipped: number; receiving: number }>();
  let month = DateTime.fromMillis(now - LONGEST_INBOUND_MS, { zone: mp.timezone }).startOf("month");
  const last = DateTime.fromMillis(now, { zone: mp.timezone }).startOf("month");
  for (; month <= last; month = month.plus({ months: 1 })) {
    for (const s of inboundShipmentsInMonth(seed, seller, mp, catalog, month.toFormat("yyyy-MM"))) {
      const status = inboundStatusAt(s, now)?.status;
      if (!status || status === "CLOSED" || status === "CANCELLED") continue;
      for (const item of s.items) {
        const q = out.get(item.product.sku) ?? { working: 0, shipped: 0, receiving: 0 };
        if (status === "WORKING") q.working += item.shipped;
        else if (status === "RECEIVING") q.receiving += item.shipped - receivedAt(s, item, now);
        else q.shipped += item.shipped;
        out.set(item.product.sku, q);
      }
    }
  }
  return out;
}

/** Every FBA SKU's inventory in a marketplace at `now`, in seller SKU order (as Amazon pages them). */
export function fbaInventoryAt(seed: string, seller: Seller, mp: Marketplace, catalog: readonly Product[], now: number): FbaInventory[] {
  const inbound = inboundBySku(seed, seller, mp, catalog, now);
  return fbaProducts(catalog)
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .map((product) => {
      const level = inventoryLevel(seed, seller.sellerId, mp, product, now);
      const coming = inbound.get(product.sku) ?? { working: 0, shipped: 0, receiving: 0 };
      const q = { ...level, inboundWorking: coming.working, inboundShipped: coming.shipped, inboundReceiving: coming.receiving };
      const total = q.fulfillable + q.reserved + q.researching + q.unfulfillable + q.inboundWorking + q.inboundShipped + q.inboundReceiving;
      return { product, ...q, total, lastUpdatedMs: dayNum(now) * DAY };
    });
}
