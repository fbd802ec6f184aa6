import { MalformedReportRowError } from "../../load/malformed-row";
import type { CopyValue } from "../../replace-days";

/** The order report's columns the merge reads, by Amazon's header names. */
const FIELDS = [
  "amazon-order-id", "purchase-date", "last-updated-date", "order-status", "fulfillment-channel", "sales-channel", "sku", "asin",
  "product-name", "item-status", "quantity", "currency", "item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price",
  "gift-wrap-tax", "item-promotion-discount", "ship-promotion-discount", "is-business-order",
] as const;
const REQUIRED = new Set(["amazon-order-id", "purchase-date", "last-updated-date", "order-status", "sku", "quantity"]);
const MONEY = new Set(["item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "item-promotion-discount", "ship-promotion-discount"]);

/** The staging table's columns, in the order `orderLine` gives them. */
export const STAGING_COLUMNS = [
  "line", "amazon_order_id", "purchase_date", "last_update_date", "status", "fulfillment_channel", "sales_channel", "sku", "asin",
  "title", "item_status", "quantity", "currency", "item_price", "item_tax", "shipping_price", "shipping_tax", "gift_wrap_price",
  "gift_wrap_tax", "item_promotion_discount", "ship_promotion_discount", "is_business_order",
] as const;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const WHOLE = /^\d+$/;
const AMOUNT = /^-?\d+(\.\d+)?$/;

/** Where each field is in the file's rows: Amazon's columns vary by marketplace and over time. */
export function orderColumns(header: readonly string[]): number[] {
  const at = FIELDS.map((f) => header.indexOf(f));
  const missing = FIELDS.filter((f, i) => REQUIRED.has(f) && at[i]! < 0);
  if (missing.length)
    throw new MalformedReportRowError(
      `The orders report has no ${missing.join(", ")} column (its first line reads "${header.join(" ").slice(0, 120)}"); the report was not loaded.`,
    );
  return at;
}

type Kind = "text" | "instant" | "whole" | "amount";
const KINDS: readonly Kind[] = FIELDS.map((f) =>
  f === "purchase-date" || f === "last-updated-date" ? "instant" : f === "quantity" ? "whole" : MONEY.has(f) ? "amount" : "text",
);
const REQUIRED_AT: readonly boolean[] = FIELDS.map((f) => REQUIRED.has(f));
const EXPECTED: Record<Kind, string> = { text: "a value", instant: "a date and time", whole: "a whole number", amount: "an amount" };

function malformed(line: number, field: number, value: string): never {
  const expected = value ? EXPECTED[KINDS[field]!] : "a value";
  throw new MalformedReportRowError(`Row ${line} of the orders report is malformed (${FIELDS[field]}: expected ${expected}, got "${value}"); the report was not loaded.`);
}

/**
 * One line of the orders file → a staging row (exact strings; amounts never pass through a float). A big
 * seller's year is a million lines: this runs once per field, so it allocates nothing it does not return.
 */
export function orderLine(fields: readonly string[], columns: readonly number[], line: number): CopyValue[] {
  const out: CopyValue[] = new Array<CopyValue>(FIELDS.length + 1);
  out[0] = line;
  for (let i = 0; i < FIELDS.length; i++) {
    const at = columns[i]!;
    const raw = at < 0 ? undefined : fields[at];
    const v = raw === undefined ? "" : raw.trim();
    if (!v) {
      if (REQUIRED_AT[i]) malformed(line, i, v);
      out[i + 1] = null;
      continue;
    }
    const kind = KINDS[i]!;
    if (kind === "instant" ? !INSTANT.test(v) || Number.isNaN(Date.parse(v)) : kind === "whole" ? !WHOLE.test(v) : kind === "amount" && !AMOUNT.test(v))
      malformed(line, i, v);
    out[i + 1] = v;
  }
  return out;
}
