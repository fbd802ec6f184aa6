import type { ClaimEvidence } from "~/db/schema/claims";
import { outcome, type Lot } from "./lots";
import { share } from "./money";
import type { CaseDraft, LedgerAdjustment, RefundedItem, ShortInboundItem, StoreFacts } from "./types";

const LEDGER = "Inventory ledger (GET_LEDGER_DETAIL_VIEW_DATA)";
const REIMBURSEMENTS = "Reimbursements report";
const INBOUND = "Fulfillment Inbound shipment";
const FINANCES = "Finances (refund event)";
const RETURNS = "FBA customer returns report and ledger";

const line = (label: string, value: string | number | null | undefined, source: string): ClaimEvidence[] =>
  value === null || value === undefined || value === "" ? [] : [{ label, value: String(value), source }];

/** What settled some of the units so far, as evidence lines. */
function settledLines(lot: Lot): ClaimEvidence[] {
  return lot.settlements.map((s) => {
    const when = s.at.slice(0, 10);
    if (s.by === "found") return { label: "Found since", value: `${String(s.units)} unit(s) on ${when} (ledger ${s.reference})`, source: LEDGER };
    if (s.by === "returned") return { label: "Returned", value: `${String(s.units)} unit(s) on ${when}`, source: RETURNS };
    return { label: "Reimbursed since", value: `${String(s.units)} unit(s) on ${when} (reimbursement ${s.reference}${s.amount ? `, ${s.amount}` : ""})`, source: REIMBURSEMENTS };
  });
}

function value(facts: StoreFacts, storeMarketplaceId: string, sku: string | null) {
  const v = sku ? facts.unitValues.get(`${storeMarketplaceId}/${sku}`) : undefined;
  return { unitValue: v?.value ?? null, valueBasis: v?.basis ?? null };
}

const currencyOf = (facts: StoreFacts, storeMarketplaceId: string) => facts.marketplaces.find((m) => m.id === storeMarketplaceId)?.currency ?? null;

function common(lot: Lot) {
  const o = outcome(lot);
  return { units: lot.remaining > 0 ? lot.remaining : lot.units, ...o };
}

export function warehouseDraft(facts: StoreFacts, a: LedgerAdjustment, lot: Lot, w: { eligibleFrom: string; deadline: string }): CaseDraft {
  return {
    storeMarketplaceId: a.storeMarketplaceId,
    kind: a.reason === "M" ? "warehouse_lost" : "warehouse_damaged",
    sourceRef: lot.key.split("/").slice(2).join("/"),
    sku: a.sku, fnsku: a.fnsku, asin: a.asin, title: a.title,
    eventAt: a.at, eventDay: a.day, ...w,
    currency: currencyOf(facts, a.storeMarketplaceId),
    ...value(facts, a.storeMarketplaceId, a.sku),
    evidence: [
      ...line("Date", a.day, LEDGER),
      ...line("Event", a.reason === "M" ? "Adjustment, reason M (misplaced/lost)" : "Adjustment, reason E (damaged at Amazon)", LEDGER),
      ...line("Reference ID", a.referenceId, LEDGER),
      ...line("FNSKU", a.fnsku, LEDGER),
      ...line("MSKU", a.sku, LEDGER),
      ...line("ASIN", a.asin, LEDGER),
      ...line("Fulfillment center", a.fulfillmentCenter, LEDGER),
      ...line("Units", a.units, LEDGER),
      ...(a.unreconciled === null ? [] : line("Reconciled by Amazon (found or reimbursed)", `${String(a.reconciled)} of ${String(a.units)}, as of ${a.readAt?.slice(0, 10) ?? "the last read"}`, LEDGER)),
      ...settledLines(lot),
      ...line("Units still owed", lot.remaining, "Analysis"),
    ],
    ...common(lot),
  };
}

export function customerReturnDraft(r: RefundedItem, lot: Lot, w: { eligibleFrom: string; deadline: string }): CaseDraft {
  return {
    storeMarketplaceId: r.storeMarketplaceId,
    kind: "customer_return",
    sourceRef: lot.key.split("/").slice(2).join("/"),
    sku: r.sku, fnsku: r.fnsku, asin: r.asin, title: r.title,
    eventAt: r.refundedAt, eventDay: r.refundedDay, ...w,
    currency: r.currency,
    unitValue: r.units > 0 ? share(r.principal, 1, r.units) : null,
    valueBasis: "the item price refunded to the buyer",
    evidence: [
      ...line("Order ID", r.amazonOrderId, FINANCES),
      ...line("Refund date", r.refundedDay, FINANCES),
      ...line("SKU", r.sku, FINANCES),
      ...line("FNSKU", r.fnsku, RETURNS),
      ...line("Units refunded", r.units, FINANCES),
      ...line("Item price refunded", `${r.principal} ${r.currency}`, FINANCES),
      ...line("Units returned to a fulfillment center", r.returnedUnits, RETURNS),
      ...settledLines(lot).filter((l) => l.label !== "Returned"),
      ...line("Units still owed", lot.remaining, "Analysis"),
    ],
    ...common(lot),
  };
}

export function inboundDraft(facts: StoreFacts, i: ShortInboundItem, lot: Lot, w: { eligibleFrom: string; deadline: string }): CaseDraft {
  return {
    storeMarketplaceId: i.storeMarketplaceId,
    kind: "inbound_shortage",
    sourceRef: lot.key.split("/").slice(2).join("/"),
    sku: i.sku, fnsku: i.fnsku, asin: null, title: null,
    eventAt: i.deliveredAt, eventDay: i.deliveredDay, ...w,
    currency: currencyOf(facts, i.storeMarketplaceId),
    ...value(facts, i.storeMarketplaceId, i.sku),
    evidence: [
      ...line("Shipment ID", i.shipmentId, INBOUND),
      ...line("Shipment name", i.shipmentName, INBOUND),
      ...line("Status", "CLOSED", INBOUND),
      ...line("Destination", i.destination, INBOUND),
      ...line("SKU", i.sku, INBOUND),
      ...line("FNSKU", i.fnsku, INBOUND),
      ...line("Units shipped (declared)", i.shipped, INBOUND),
      ...line("Units received", i.received, INBOUND),
      ...line("Units missing", i.shipped - i.received, INBOUND),
      ...line("Delivered (first receipt)", i.deliveredDay, LEDGER),
      ...line("Closed", i.closedDay, INBOUND),
      ...settledLines(lot),
      ...line("Units still owed", lot.remaining, "Analysis"),
    ],
    ...common(lot),
  };
}
