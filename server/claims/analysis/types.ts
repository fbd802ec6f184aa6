import type { ClaimEvidence, ClaimKind, ClaimResolution } from "~/db/schema/claims";
import type { ClaimRegion } from "../policy";

/** A marketplace of the store, as the analysis needs it. */
export interface AnalysisMarketplace {
  id: string;
  marketplaceId: string;
  countryCode: string;
  currency: string;
  timeZone: string;
}

/** A lost (M), damaged (E) or found (F) adjustment of the inventory ledger. */
export interface LedgerAdjustment {
  storeMarketplaceId: string;
  day: string;
  /** The row's instant, or the start of its local day when the file gave only a date. */
  at: string;
  reason: "M" | "E" | "F";
  referenceId: string;
  fnsku: string;
  sku: string | null;
  asin: string | null;
  title: string | null;
  /** Units, positive. */
  units: number;
  fulfillmentCenter: string;
  /**
   * The ledger's own reconciliation of a lost or damaged row when the product last read it: units found or
   * reimbursed since (reconciled) and units still missing (unreconciled); null when the file has no such
   * columns. `readAt`: when that read began (events after it are not reflected).
   */
  reconciled: number | null;
  unreconciled: number | null;
  readAt: string | null;
}

/** A row of Amazon's reimbursements report (per seller account: it names no marketplace). */
export interface ReimbursementRow {
  reimbursementId: string;
  sku: string;
  fnsku: string;
  caseId: string | null;
  amazonOrderId: string | null;
  reason: string;
  approvedAt: string;
  currency: string;
  /** Units reimbursed, in cash and in inventory. */
  units: number;
  amountPerUnit: string | null;
  amountTotal: string;
}

/** An FBA order item refunded to the buyer (Finances), with what the returns report and ledger say came back. */
export interface RefundedItem {
  storeMarketplaceId: string;
  amazonOrderId: string;
  sku: string;
  fnsku: string | null;
  asin: string | null;
  title: string | null;
  refundedAt: string;
  refundedDay: string;
  units: number;
  /** Units Amazon's returns report or ledger shows returned to a fulfillment center. */
  returnedUnits: number;
  returnedAt: string | null;
  currency: string;
  /** The item price refunded, all units (positive). */
  principal: string;
}

/** An item of a CLOSED inbound shipment that Amazon counted short. */
export interface ShortInboundItem {
  storeMarketplaceId: string;
  shipmentId: string;
  shipmentName: string | null;
  destination: string | null;
  sku: string;
  fnsku: string | null;
  shipped: number;
  received: number;
  /** Delivery (the first receipt in the ledger, or the first time the shipment was seen delivered). */
  deliveredDay: string;
  deliveredAt: string;
  closedDay: string;
}

/** A case as the analysis finds it; written by its natural key (marketplace, kind, source reference). */
export interface CaseDraft {
  storeMarketplaceId: string;
  kind: ClaimKind;
  sourceRef: string;
  sku: string | null;
  fnsku: string | null;
  asin: string | null;
  title: string | null;
  /** Units still owed; when Amazon settled them all, the units it settled. */
  units: number;
  eventAt: string;
  eventDay: string;
  eligibleFrom: string;
  deadline: string;
  currency: string | null;
  unitValue: string | null;
  valueBasis: string | null;
  evidence: ClaimEvidence[];
  resolution: ClaimResolution | null;
  resolvedAt: string | null;
  reimbursementId: string | null;
  reimbursedAmount: string | null;
}

export interface StoreFacts {
  region: ClaimRegion;
  marketplaces: AnalysisMarketplace[];
  adjustments: LedgerAdjustment[];
  reimbursements: ReimbursementRow[];
  refunds: RefundedItem[];
  inbound: ShortInboundItem[];
  /** Amazon case ids the seller recorded, by the case they were filed for ("kind/marketplace/source"). */
  filedCaseIds: Map<string, string>;
  /** An estimate of one unit's value per marketplace and SKU, and what it rests on. */
  unitValues: Map<string, { value: string; basis: string }>;
}
