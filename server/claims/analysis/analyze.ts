import type { ClaimKind } from "~/db/schema/claims";
import { DateTime } from "luxon";
import { type LocalDay } from "~/server/sync/windows";
import { claimWindow } from "../policy";
import { customerReturnDraft, inboundDraft, warehouseDraft } from "./drafts";
import { share } from "./money";
import { byTime, reimbursedAmount, settle, type Lot } from "./lots";
import type { CaseDraft, LedgerAdjustment, RefundedItem, ReimbursementRow, ShortInboundItem, StoreFacts } from "./types";

/** How far back Amazon's data (and a claim) reaches: the ledger's and the reimbursements' 18 months. */
export const ANALYSIS_MONTHS = 18;

const WAREHOUSE_REASONS: Record<string, string> = { Lost_Warehouse: "lost", Damaged_Warehouse: "damaged" };
const INBOUND_REASONS = new Set(["Lost_Inbound"]);

export const caseKey = (kind: ClaimKind, storeMarketplaceId: string, sourceRef: string) => `${kind}/${storeMarketplaceId}/${sourceRef}`;
export const adjustmentRef = (a: Pick<LedgerAdjustment, "day" | "referenceId" | "fnsku">) => `${a.day}/${a.referenceId}/${a.fnsku}`;
export const refundRef = (r: Pick<RefundedItem, "amazonOrderId" | "sku">) => `${r.amazonOrderId}/${r.sku}`;
export const inboundRef = (i: Pick<ShortInboundItem, "shipmentId" | "sku">) => `${i.shipmentId}/${i.sku}`;

/** A found unit or a warehouse reimbursement, and its units not yet placed. */
type WarehouseEvent = { at: string; found?: LedgerAdjustment; reimbursement?: ReimbursementRow; left: number };

/** Same product: by FNSKU when both sides have one, else by seller SKU. */
const sameProduct = (lot: Lot, r: ReimbursementRow) => (lot.fnsku && r.fnsku ? lot.fnsku === r.fnsku : lot.sku === r.sku);

/**
 * What Amazon still owes the store, per case, from its own data: lost and damaged units the ledger shows and
 * no later "found" or reimbursement settled; FBA refunds whose units never came back and were not
 * reimbursed; closed inbound shipments short of what was shipped and not reimbursed. A reimbursement counts
 * once: first for the case whose Amazon case id it names, then by order id (returns), then by FNSKU and
 * quantity for the loss it most likely pays (same units, the latest such loss before its approval).
 */
export function analyzeStore(facts: StoreFacts, today: (storeMarketplaceId: string) => LocalDay): CaseDraft[] {
  const warehouse = facts.adjustments.filter((a) => a.reason !== "F").map((a): Lot => ({
    key: caseKey(a.reason === "M" ? "warehouse_lost" : "warehouse_damaged", a.storeMarketplaceId, adjustmentRef(a)),
    storeMarketplaceId: a.storeMarketplaceId, fnsku: a.fnsku, sku: a.sku, at: a.at, tag: a.reason === "M" ? "lost" : "damaged", units: a.units, remaining: a.units, settlements: [],
    reconciled: a.reconciled, unreconciled: a.unreconciled, readAt: a.readAt,
  }));
  const returns = facts.refunds.map((r): Lot => ({
    key: caseKey("customer_return", r.storeMarketplaceId, refundRef(r)),
    storeMarketplaceId: r.storeMarketplaceId, fnsku: r.fnsku, sku: r.sku, at: r.refundedAt, tag: r.amazonOrderId, units: r.units, remaining: r.units, settlements: [],
  }));
  const inbound = facts.inbound.map((i): Lot => ({
    key: caseKey("inbound_shortage", i.storeMarketplaceId, inboundRef(i)),
    storeMarketplaceId: i.storeMarketplaceId, fnsku: i.fnsku, sku: i.sku, at: i.deliveredAt, tag: "inbound", units: i.shipped - i.received, remaining: i.shipped - i.received, settlements: [],
  }));
  const all = new Map([...warehouse, ...returns, ...inbound].map((l) => [l.key, l]));

  // Units that came back: a return settles its refund before any reimbursement is considered.
  for (const r of facts.refunds) {
    const lot = all.get(caseKey("customer_return", r.storeMarketplaceId, refundRef(r)))!;
    if (r.returnedUnits > 0) settle([lot], Math.min(r.returnedUnits, lot.remaining), () => true, { by: "returned", at: r.returnedAt ?? r.refundedAt, reference: r.amazonOrderId });
  }

  const byCaseId = new Map([...facts.filedCaseIds].map(([key, caseId]) => [caseId, key]));
  const unplaced: ReimbursementRow[] = [];
  for (const r of [...facts.reimbursements].sort(byTime((x) => x.approvedAt))) {
    const filed = r.caseId ? all.get(byCaseId.get(r.caseId) ?? "") : undefined;
    const placed = filed ? Math.min(r.units, filed.remaining) : 0;
    if (filed && placed > 0) settle([filed], placed, () => true, { by: "reimbursed", at: r.approvedAt, reference: r.reimbursementId }, reimbursedAmount(r));
    // What the named case did not need is matched like any other reimbursement.
    if (r.units > placed) unplaced.push(placed ? { ...r, units: r.units - placed, amountTotal: share(r.amountTotal, r.units - placed, r.units) } : r);
  }

  // Reimbursements of returns (by order id) and of inbound shipments settle their own cases.
  const warehouseEvents: WarehouseEvent[] = [];
  for (const r of unplaced) {
    const settlement = { by: "reimbursed" as const, at: r.approvedAt, reference: r.reimbursementId };
    if (r.amazonOrderId) settle(returns, r.units, (l) => l.tag === r.amazonOrderId && sameProduct(l, r), settlement, reimbursedAmount(r));
    else if (INBOUND_REASONS.has(r.reason)) settle(inbound, r.units, (l) => sameProduct(l, r) && l.at <= r.approvedAt, settlement, reimbursedAmount(r));
    else if (WAREHOUSE_REASONS[r.reason]) warehouseEvents.push({ at: r.approvedAt, reimbursement: r, left: r.units });
  }
  for (const f of facts.adjustments) if (f.reason === "F") warehouseEvents.push({ at: f.at, found: f, left: f.units });
  warehouseEvents.sort(byTime((e) => e.at));
  settleWarehouse(warehouse, warehouseEvents);

  const drafts: CaseDraft[] = [];
  const inWindow = (storeMarketplaceId: string, eventDay: LocalDay, eligibleFrom: LocalDay) => {
    const t = today(storeMarketplaceId);
    const oldest = DateTime.fromISO(t, { zone: "UTC" }).minus({ months: ANALYSIS_MONTHS }).toISODate()!;
    return eventDay >= oldest && eligibleFrom <= t;
  };
  for (const a of facts.adjustments) {
    if (a.reason === "F") continue;
    const kind = a.reason === "M" ? "warehouse_lost" : "warehouse_damaged";
    const w = claimWindow(kind, facts.region, a.day);
    if (!inWindow(a.storeMarketplaceId, a.day, w.eligibleFrom)) continue;
    drafts.push(warehouseDraft(facts, a, all.get(caseKey(kind, a.storeMarketplaceId, adjustmentRef(a)))!, w));
  }
  for (const r of facts.refunds) {
    const w = claimWindow("customer_return", facts.region, r.refundedDay);
    if (!inWindow(r.storeMarketplaceId, r.refundedDay, w.eligibleFrom)) continue;
    drafts.push(customerReturnDraft(r, all.get(caseKey("customer_return", r.storeMarketplaceId, refundRef(r)))!, w));
  }
  for (const i of facts.inbound) {
    const w = claimWindow("inbound_shortage", facts.region, i.deliveredDay, i.closedDay);
    if (!inWindow(i.storeMarketplaceId, i.deliveredDay, w.eligibleFrom)) continue;
    drafts.push(inboundDraft(facts, i, all.get(caseKey("inbound_shortage", i.storeMarketplaceId, inboundRef(i)))!, w));
  }
  return drafts;
}

/** The units an event may settle of a lot: a "found" only lost units of its own marketplace and FNSKU. */
function fitsEvent(e: WarehouseEvent, l: Lot, preferTag: boolean): boolean {
  if (e.found) return l.tag === "lost" && l.storeMarketplaceId === e.found.storeMarketplaceId && l.fnsku === e.found.fnsku && l.at <= e.at;
  const r = e.reimbursement!;
  return (!preferTag || l.tag === WAREHOUSE_REASONS[r.reason]) && sameProduct(l, r) && l.at <= r.approvedAt;
}

function apply(lots: Lot[], e: WarehouseEvent, extra: (l: Lot) => boolean) {
  const r = e.reimbursement;
  const settlement = r ? { by: "reimbursed" as const, at: r.approvedAt, reference: r.reimbursementId } : { by: "found" as const, at: e.at, reference: e.found!.referenceId };
  const amount = r ? reimbursedAmount(r) : undefined;
  e.left = settle(lots, e.left, (l) => fitsEvent(e, l, true) && extra(l), settlement, amount);
  if (e.left > 0 && r) e.left = settle(lots, e.left, (l) => fitsEvent(e, l, false) && extra(l), settlement, amount);
}

/**
 * Founds and reimbursements settle lost and damaged units in the order they happened. Where Amazon's ledger
 * says how many of a loss's units it reconciled (found or reimbursed), those units take the settlements
 * first, and the units it still shows missing only what Amazon did after the product read the row — so a
 * settlement is never counted for a loss Amazon itself shows open.
 */
function settleWarehouse(lots: Lot[], events: WarehouseEvent[]) {
  // Phase 1: the units Amazon reconciled, as capacity of their own.
  const reconciledParts = lots.map((l) => ({ ...l, remaining: l.reconciled ?? 0 }));
  for (const e of events) apply(reconciledParts, e, () => true);
  for (const [i, lot] of lots.entries()) {
    const attributed = (lot.reconciled ?? 0) - reconciledParts[i]!.remaining;
    // (A case-id match may already have settled units: what is left never grows.)
    lot.remaining = lot.unreconciled === null || lot.unreconciled === undefined ? lot.remaining - attributed : Math.min(lot.remaining, lot.unreconciled);
  }
  // Phase 2: what is left of each event, for units still missing when the row was read (or for any, where
  // the ledger does not say).
  for (const e of events) if (e.left > 0) apply(lots, e, (l) => !l.readAt || e.at > l.readAt);
}
