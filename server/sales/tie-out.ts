/*
 * The tie-out of one marketplace day: Amazon's own figures (Sales API) beside the product's order totals,
 * the gap, and why they differ where that can be told from what both sides hold. Pure: the summary query
 * gathers the facts, this says what they mean.
 */

export interface TieOutFacts {
  /** Amazon − ours, exact: counts as numbers, sales as a decimal's sign (-1, 0, 1). */
  orderGap: number;
  unitGap: number;
  salesGapSign: number;
  /** When Amazon's figure of the day was last fetched; null if that run is no longer on record. */
  amazonFetchedAt: Date | null;
  /** When an order sync last covered the day; null: none has yet. */
  oursSyncedAt: Date | null;
  /** Our orders of the day still Pending: Amazon counts their value, the Orders API gives none until payment clears. */
  pendingOrders: number;
  /** Orders whose items are not loaded yet: their units and sales are missing on our side. */
  itemsPendingOrders: number;
  /** Orders cancelled after Amazon's figure was fetched: Amazon still counted them then. */
  cancelledAfterFetch: number;
  /** Orders placed after Amazon's figure was fetched: ours counts them, Amazon's figure could not. */
  placedAfterFetch: number;
  /** The neighbouring day's order gap is the opposite of this one's: an order counted on the other side of midnight. */
  oppositeNeighbourGap: boolean;
}

export type TieOutReasonKind = "not-synced" | "ours-behind" | "placed-after-fetch" | "cancelled-after-fetch" | "pending" | "items-pending" | "day-boundary";

export interface TieOutReason {
  kind: TieOutReasonKind;
  text: string;
}

export type TieOutStatus = "matches" | "explained" | "unexplained";

export interface TieOut {
  status: TieOutStatus;
  reasons: TieOutReason[];
}

const orders = (n: number) => `${n} order${n === 1 ? "" : "s"}`;

/** Whether the day's figures differ, and every reason the facts give for it. */
export function tieOut(f: TieOutFacts): TieOut {
  if (f.orderGap === 0 && f.unitGap === 0 && f.salesGapSign === 0) return { status: "matches", reasons: [] };
  const reasons: TieOutReason[] = [];
  if (!f.oursSyncedAt) {
    reasons.push({ kind: "not-synced", text: "Your orders of this day are not synchronized yet (historical orders load day by day after authorization)." });
    return { status: "explained", reasons };
  }
  // Amazon's side is ahead: orders placed (or items loaded) after our last order sync.
  if (f.amazonFetchedAt && f.oursSyncedAt < f.amazonFetchedAt && (f.orderGap > 0 || f.unitGap > 0 || f.salesGapSign > 0))
    reasons.push({ kind: "ours-behind", text: "Your orders were last synchronized before Amazon's figure was fetched: orders placed in between are in Amazon's figure only." });
  if (f.placedAfterFetch > 0 && (f.orderGap < 0 || f.unitGap < 0 || f.salesGapSign < 0))
    reasons.push({ kind: "placed-after-fetch", text: `${orders(f.placedAfterFetch)} placed after Amazon's figure was fetched: counted here, not yet by Amazon.` });
  if (f.cancelledAfterFetch > 0 && (f.orderGap > 0 || f.unitGap > 0 || f.salesGapSign > 0))
    reasons.push({ kind: "cancelled-after-fetch", text: `${orders(f.cancelledAfterFetch)} cancelled after Amazon's figure was fetched: Amazon still counted them then.` });
  if (f.pendingOrders > 0 && f.salesGapSign > 0)
    reasons.push({ kind: "pending", text: `${orders(f.pendingOrders)} pending: Amazon counts their value, the Orders API gives no amount until payment clears.` });
  if (f.itemsPendingOrders > 0 && (f.unitGap > 0 || f.salesGapSign > 0))
    reasons.push({ kind: "items-pending", text: `${orders(f.itemsPendingOrders)} without items loaded yet: their units and sales are missing here until the next order sync.` });
  if (!reasons.length && f.orderGap !== 0 && f.oppositeNeighbourGap)
    reasons.push({ kind: "day-boundary", text: "The next or previous day differs by the opposite amount: an order probably counted on the other side of midnight." });
  return { status: reasons.length ? "explained" : "unexplained", reasons };
}
