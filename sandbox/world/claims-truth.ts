import { DateTime } from "luxon";
import { addDays, isoZ, localDay } from "../util/time";
import type { AdjustmentFate } from "./fba";
import { adjustmentsMadeOnDay, inboundShipmentsInMonth, LONGEST_INBOUND_MS, statusMs } from "./fba";
import type { Marketplace } from "./marketplaces";
import { MAX_REFUND_LAG_MS } from "./orders";
import type { RefundFate } from "./reimbursements";
import { refundFate, returnScannedMs } from "./reimbursements";
import type { Seller } from "./sellers";
import type { World } from "./world";

// The claims ground truth: every event of a marketplace that can leave Amazon owing the seller, and what
// became of it by now. A claims assistant reading only Amazon's reports and APIs should find the "open" ones.

interface Outcome { fate: string; resolvedAt: string | null; reimbursementId: string | null }

export interface WarehouseTruth extends Outcome { kind: "lost" | "damaged"; at: string; day: string; referenceId: string; sku: string; fnsku: string; quantity: number; fc: string }
export interface RefundTruth extends Outcome { amazonOrderId: string; sku: string; fnsku: string; quantity: number; refundedAt: string }
export interface InboundTruth extends Outcome { shipmentId: string; sku: string; fnsku: string; shipped: number; received: number; missing: number; closedAt: string; deliveredAt: string | null }

export interface ClaimsTruth { sellerId: string; marketplaceId: string; asOf: string; warehouse: WarehouseTruth[]; customerReturns: RefundTruth[]; inbound: InboundTruth[] }

/** A fate as of `now`: one Amazon settles later has not happened yet, so it is still open. */
function outcome(f: AdjustmentFate | RefundFate, now: number, returnedMs?: number): Outcome {
  if (f.kind === "open") return { fate: "open", resolvedAt: null, reimbursementId: null };
  const ms = f.kind === "returned" ? returnedMs : f.ms;
  if (ms === undefined || ms > now) return { fate: "open", resolvedAt: null, reimbursementId: null };
  return { fate: f.kind, resolvedAt: isoZ(ms), reimbursementId: f.kind === "reimbursed" ? f.reimbursementId : null };
}

function warehouse(world: World, seller: Seller, mp: Marketplace, from: number, to: number, now: number): WarehouseTruth[] {
  const out: Array<[number, WarehouseTruth]> = [];
  const last = localDay(to - 1, mp.timezone);
  for (let d = localDay(from, mp.timezone); d <= last; d = addDays(d, 1)) {
    for (const a of adjustmentsMadeOnDay(world.seed, seller, mp, world.catalog(seller), d)) {
      if (!a.fate || a.ms < from || a.ms >= to) continue;
      out.push([a.ms, {
        kind: a.reason === "M" ? "lost" : "damaged", at: isoZ(a.ms), day: localDay(a.ms, mp.timezone), referenceId: a.referenceId,
        sku: a.product.sku, fnsku: a.product.fnsku, quantity: Math.abs(a.qty), fc: a.fc, ...outcome(a.fate, now),
      }]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]).map((x) => x[1]);
}

function refunds(world: World, seller: Seller, mp: Marketplace, from: number, to: number, now: number): RefundTruth[] {
  const out: Array<[number, RefundTruth]> = [];
  for (const o of world.ordersPurchasedBetween(seller, mp, from - MAX_REFUND_LAG_MS, to)) {
    const rf = o.refund;
    const f = refundFate(world.seed, o);
    const line = rf ? o.lines[rf.lineIndex] : undefined;
    if (!rf || !f || !line || rf.postedMs < from || rf.postedMs >= to) continue;
    out.push([rf.postedMs, {
      amazonOrderId: o.amazonOrderId, sku: line.product.sku, fnsku: line.product.fnsku, quantity: rf.quantity, refundedAt: isoZ(rf.postedMs),
      ...outcome(f, now, returnScannedMs(rf)),
    }]);
  }
  return out.sort((x, y) => x[0] - y[0]).map((x) => x[1]);
}

function inbound(world: World, seller: Seller, mp: Marketplace, from: number, to: number, now: number): InboundTruth[] {
  const out: Array<[number, InboundTruth]> = [];
  const first = DateTime.fromMillis(from - LONGEST_INBOUND_MS, { zone: mp.timezone }).startOf("month");
  const last = DateTime.fromMillis(to - 1, { zone: mp.timezone }).startOf("month");
  for (let m = first; m <= last; m = m.plus({ months: 1 })) {
    const month = m.toFormat("yyyy-MM");
    if (month < world.config.historyStart.slice(0, 7)) continue;
    for (const s of inboundShipmentsInMonth(world.seed, seller, mp, world.catalog(seller), month)) {
      const closed = statusMs(s, "CLOSED");
      if (s.cancelled || closed === undefined || closed < from || closed >= to) continue;
      const delivered = statusMs(s, "DELIVERED");
      for (const it of s.items) {
        if (!it.fate) continue;
        out.push([closed, {
          shipmentId: s.shipmentId, sku: it.product.sku, fnsku: it.product.fnsku, shipped: it.shipped, received: it.received, missing: it.shipped - it.received,
          closedAt: isoZ(closed), deliveredAt: delivered === undefined ? null : isoZ(delivered), ...outcome(it.fate, now),
        }]);
      }
    }
  }
  return out.sort((x, y) => x[0] - y[0]).map((x) => x[1]);
}

/** The claims truth of one marketplace for events in [from, to), as of `now`. */
export function claimsTruth(world: World, seller: Seller, mp: Marketplace, from: number, to: number, now: number): ClaimsTruth {
  return {
    sellerId: seller.sellerId,
    marketplaceId: mp.id,
    asOf: isoZ(now),
    warehouse: warehouse(world, seller, mp, from, to, now),
    customerReturns: refunds(world, seller, mp, from, to, now),
    inbound: inbound(world, seller, mp, from, to, now),
  };
}
