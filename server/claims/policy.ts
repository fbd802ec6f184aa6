import type { ClaimKind } from "~/db/schema/claims";
import { addDays, type LocalDay } from "~/server/sync/windows";

/*
 * When Amazon accepts a claim, per its FBA lost and damaged inventory reimbursement policy as updated on
 * 23 October 2024 (Seller Central help G9N934L7Y4SFWPJ4 and the policy announcement):
 * - lost or damaged in a fulfillment center: no later than 60 days after the unit was reported lost or
 *   damaged. Amazon now reimburses most of these on its own, and a lost unit is often found again, so a case
 *   opens a month after the adjustment (the spec's "1 month before"), when neither has happened;
 * - customer returns: 60 to 120 days after the refund (Europe: 45 to 105), the time the buyer has to return;
 * - units missing from an inbound shipment: 15 to 60 days after delivery, and (spec ④) only once the
 *   shipment is closed.
 * Older policies allowed 18 months; a case past its deadline is shown as expired, with what it was worth.
 */

export type ClaimRegion = "na" | "eu" | "fe";

interface Window {
  fromDays: number;
  toDays: number;
}

const WINDOWS: Record<ClaimKind, Record<ClaimRegion, Window>> = {
  warehouse_lost: { na: { fromDays: 30, toDays: 60 }, eu: { fromDays: 30, toDays: 60 }, fe: { fromDays: 30, toDays: 60 } },
  warehouse_damaged: { na: { fromDays: 30, toDays: 60 }, eu: { fromDays: 30, toDays: 60 }, fe: { fromDays: 30, toDays: 60 } },
  customer_return: { na: { fromDays: 60, toDays: 120 }, eu: { fromDays: 45, toDays: 105 }, fe: { fromDays: 60, toDays: 120 } },
  inbound_shortage: { na: { fromDays: 15, toDays: 60 }, eu: { fromDays: 15, toDays: 60 }, fe: { fromDays: 15, toDays: 60 } },
};

/** A claim lapses when Amazon has not answered this many days after it was filed (spec ③). */
export const LAPSE_DAYS = 30;

/** The claim window of a case whose event (loss, refund, delivery) fell on `eventDay`. */
export function claimWindow(kind: ClaimKind, region: ClaimRegion, eventDay: LocalDay, closedDay?: LocalDay): { eligibleFrom: LocalDay; deadline: LocalDay } {
  const w = WINDOWS[kind][region];
  let eligibleFrom = addDays(eventDay, w.fromDays);
  if (closedDay && closedDay > eligibleFrom) eligibleFrom = closedDay;
  return { eligibleFrom, deadline: addDays(eventDay, w.toDays) };
}

/** The policy in words, for the page. */
export function policyText(kind: ClaimKind, region: ClaimRegion): string {
  const w = WINDOWS[kind][region];
  switch (kind) {
    case "warehouse_lost":
    case "warehouse_damaged":
      return `Amazon accepts a claim no later than ${String(w.toDays)} days after the adjustment; the case opens after ${String(w.fromDays)} days, when Amazon has neither found the units nor reimbursed them.`;
    case "customer_return":
      return `Amazon accepts a claim ${String(w.fromDays)} to ${String(w.toDays)} days after the refund, when the buyer has not returned the unit.`;
    case "inbound_shortage":
      return `Amazon accepts a claim ${String(w.fromDays)} to ${String(w.toDays)} days after delivery, once the shipment is closed with fewer units received than shipped.`;
  }
}
