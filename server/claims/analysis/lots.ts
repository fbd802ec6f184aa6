import { share, sum } from "./money";
import type { ReimbursementRow } from "./types";

/** How some of a lot's units were settled. */
export interface Settlement {
  by: "found" | "reimbursed" | "returned";
  at: string;
  units: number;
  /** The reimbursement or ledger row that settled them. */
  reference: string;
  amount?: string;
}

/** Units lost at one moment (an adjustment, a short shipment item), and what has settled them since. */
export interface Lot {
  /** The case's natural key ("kind/marketplace/source"). */
  key: string;
  storeMarketplaceId: string;
  fnsku: string | null;
  sku: string | null;
  at: string;
  /** What kind of settlement fits it best ("lost", "damaged", "inbound"). */
  tag: string;
  units: number;
  remaining: number;
  settlements: Settlement[];
  /**
   * Units Amazon's ledger says it settled (found or reimbursed), not yet attributed to a settlement; null when
   * the ledger does not say. Settlements go to these first; the units the ledger still shows missing take
   * only settlements Amazon made after the row was read (`readAt`).
   */
  reconciled?: number | null;
  unreconciled?: number | null;
  readAt?: string | null;
}

/**
 * Takes `units` from the lots a settlement may cover: first the lot still missing exactly that many (Amazon
 * settles a loss as it was reported: same FNSKU, same quantity), else lot by lot — in both, the latest loss
 * before the settlement first. Amazon reimburses a loss and finds a unit soon after it is reported, so the
 * nearest loss is the likeliest one; which of two equal losses it settled, its reports do not say. Returns
 * the units it could not place.
 */
export function settle(lots: Lot[], units: number, fits: (lot: Lot) => boolean, settlement: Omit<Settlement, "units" | "amount">, amountFor?: (units: number) => string): number {
  const open = lots.filter((l) => l.remaining > 0 && fits(l)).sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : a.key < b.key ? -1 : 1));
  const exact = open.find((l) => l.remaining === units);
  let left = units;
  for (const lot of exact ? [exact] : open) {
    if (left === 0) break;
    const n = Math.min(left, lot.remaining);
    lot.remaining -= n;
    left -= n;
    lot.settlements.push({ ...settlement, units: n, ...(amountFor ? { amount: amountFor(n) } : {}) });
  }
  return left;
}

/** A reimbursement's value for some of its units (its total shared by units, exact). */
export const reimbursedAmount = (r: ReimbursementRow) => (n: number) => (r.units > 0 ? share(r.amountTotal, n, r.units) : "0.0000");

export const byTime = <T>(at: (x: T) => string) => (a: T, b: T) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0);

/** The lot's settlement summary: what resolved it (if all of it), the reimbursements and their amount. */
export function outcome(lot: Lot): { resolution: "reimbursed" | "found" | "returned" | null; resolvedAt: string | null; reimbursementId: string | null; reimbursedAmount: string | null } {
  const reimbursed = lot.settlements.filter((s) => s.by === "reimbursed");
  const ids = [...new Set(reimbursed.map((s) => s.reference))];
  const amount = reimbursed.length ? sum(reimbursed.map((s) => s.amount ?? "0")) : null;
  if (lot.remaining > 0) return { resolution: null, resolvedAt: null, reimbursementId: ids.join(", ") || null, reimbursedAmount: amount };
  // Settled with no settlement seen: Amazon's ledger shows the units reconciled (found, or reimbursed before
  // the reimbursements the product holds).
  const last = lot.settlements.length ? lot.settlements.reduce((a, b) => (a.at > b.at ? a : b)) : null;
  return {
    resolution: reimbursed.length ? "reimbursed" : (last?.by ?? "found"),
    resolvedAt: last?.at ?? lot.readAt ?? lot.at,
    reimbursementId: ids.join(", ") || null,
    reimbursedAmount: amount,
  };
}
