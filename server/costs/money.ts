/*
 * Unit costs as exact decimals: strings in, strings out, arithmetic in ten-thousandths (bigint), the
 * columns' scale. A cost of 3.3333 × 3 units is 9.9999, never 9.999900000000001.
 */

const SCALE = 10_000n;

/** "1.2345" → 12345n. Only plain decimals with up to 4 places, as the database stores them. */
export function toScaled(value: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(value.trim());
  if (!m) throw new Error(`Not an amount: "${value}"`);
  const whole = BigInt(m[2]!) * SCALE + BigInt((m[3] ?? "").padEnd(4, "0"));
  return m[1] ? -whole : whole;
}

/** 12345n → "1.2345": always four places, as numeric(18,4) returns it, so equal amounts are equal strings. */
export function fromScaled(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? "-" : ""}${String(abs / SCALE)}.${String(abs % SCALE).padStart(4, "0")}`;
}

export const addAmounts = (...amounts: string[]) => fromScaled(amounts.reduce((sum, a) => sum + toScaled(a), 0n));

export const timesUnits = (amount: string, units: number) => fromScaled(toScaled(amount) * BigInt(units));

/** numeric(18,4) holds at most 14 digits before the point. */
const MAX_WHOLE_DIGITS = 14;

export type ParsedAmount = { ok: true; value: string } | { ok: false; problem: string };

/**
 * What a seller typed as a cost, checked: a non-negative decimal with a point and at most 4 places.
 * `decimalComma` accepts "12,50" too (a semicolon-separated file from a European spreadsheet).
 */
export function parseAmount(text: string, options: { decimalComma?: boolean } = {}): ParsedAmount {
  let value = text.trim();
  if (options.decimalComma && /^-?\d+,\d+$/.test(value)) value = value.replace(",", ".");
  if (/^-\d/.test(value)) return { ok: false, problem: `"${text}" is negative; a cost is 0 or more.` };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) return { ok: false, problem: `"${text}" has a thousands separator; write it without (1234.50).` };
  if (/^\d+,\d+$/.test(value)) return { ok: false, problem: `"${text}" uses a comma; write the decimal point as "." (12.50).` };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return { ok: false, problem: `"${text}" is not a number; write a plain amount such as 12.50, without a currency sign.` };
  if (m[2] && m[2].length > 4) return { ok: false, problem: `"${text}" has more than 4 decimal places.` };
  const whole = m[1]!.replace(/^0+(?=\d)/, "");
  if (whole.length > MAX_WHOLE_DIGITS) return { ok: false, problem: `"${text}" is too large.` };
  return { ok: true, value: fromScaled(toScaled(`${whole}${m[2] ? `.${m[2]}` : ""}`)) };
}

/** "12.5000" → "12.5", "3.0000" → "3": how a form field shows a stored amount. */
export function plainAmount(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}
