import { formatMoney } from "~/app/_components/format";
import { BIDDING_STRATEGY_LABELS, labelOf, MONEY_FIELDS, PERCENT_FIELDS, STATE_LABELS } from "~/server/advertising/vocabulary";

/**
 * A placement's bid adjustment. Amazon lists only the placements a campaign adjusts, so a synced campaign
 * without one is at 0%, as Seller Central shows it; an unsynced campaign's is not known.
 */
export const placement = (percent: number | null, synced: boolean) => (percent !== null ? `${String(percent)}%` : synced ? "0%" : "—");

/** A percentage or ratio the server computed as exact text, or a dash when it is undefined (nothing to divide by). */
export const ratio = (value: string | null, suffix = "") => (value === null ? "—" : `${value}${suffix}`);

/** A value of the history in the seller's words: money in the profile's currency, states and strategies by name. */
export function changeValue(field: string, value: string | null, currency: string): string {
  if (value === null || value === "") return "—";
  if (MONEY_FIELDS.has(field)) return formatMoney(value, currency);
  if (PERCENT_FIELDS.has(field)) return `${value}%`;
  // A new entity's row holds the state it was created in.
  if (field === "state" || field === "created") return labelOf(STATE_LABELS, value) ?? value;
  if (field === "biddingStrategy") return labelOf(BIDDING_STRATEGY_LABELS, value) ?? value;
  return value;
}
