import { formatMoney } from "~/app/_components/format";
import { BIDDING_STRATEGY_LABELS, labelOf, MONEY_FIELDS, PERCENT_FIELDS, STATE_LABELS } from "~/server/advertising/vocabulary";

/** A bid adjustment of a placement ("+50%"), or a dash when the campaign has none. */
export const placement = (percent: number | null) => (percent === null ? "—" : `${String(percent)}%`);

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
