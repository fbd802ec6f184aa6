/*
 * Bids and budgets as exact decimals: strings in, strings out, arithmetic in ten-thousandths (bigint).
 * A bid raised by 10% is computed as the seller would on paper, never through a float.
 */

const SCALE = 10_000n;

/** "1.2345" → 12345n (ten-thousandths). Refuses anything but a plain non-negative decimal. */
export function toUnits(value: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(value.trim());
  if (!m) throw new Error(`Not an amount: "${value}"`);
  return BigInt(m[1]!) * SCALE + BigInt((m[2] ?? "").padEnd(4, "0"));
}

/** 12345n → "1.2345", trailing zeros dropped ("1.5", "2"). */
export function fromUnits(units: bigint): string {
  const whole = units / SCALE;
  const fraction = (units % SCALE).toString().padStart(4, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** Rounds half up to the currency's smallest unit (2 decimals; none for JPY). */
export function roundTo(units: bigint, decimals: number): bigint {
  const step = 10n ** BigInt(4 - decimals);
  return ((units + step / 2n) / step) * step;
}

/** A currency's decimals for bids and budgets. */
export const currencyDecimals = (currency: string) => (currency === "JPY" ? 0 : 2);

/**
 * The amount changed by a percentage (−99.99…+900, up to two decimals), rounded to the currency's unit:
 * 0.75 + 10% = 0.83 (0.825 rounded half up).
 */
export function changeByPercent(amount: string, percent: number, currency: string): string {
  const basisPoints = BigInt(Math.round(percent * 100));
  const changed = (toUnits(amount) * (10_000n + basisPoints)) / 10_000n;
  return fromUnits(roundTo(changed, currencyDecimals(currency)));
}

/** Two amounts are the same value ("0.7500" = "0.75"); null only equals null. */
export function sameAmount(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return toUnits(a) === toUnits(b);
}
