/*
 * Exact decimal arithmetic on Amazon's amounts (strings with up to 4 decimals, as the tables store them):
 * scaled to integers in units of 10^-4, never through a float.
 */
const SCALE = 10_000n;

export function toScaled(amount: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,4})\d*)?$/.exec(amount.trim());
  if (!m) throw new Error(`not an amount: "${amount}"`);
  const whole = BigInt(m[2]!) * SCALE + BigInt((m[3] ?? "").padEnd(4, "0"));
  return m[1] ? -whole : whole;
}

export function fromScaled(v: bigint): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  return `${neg ? "-" : ""}${String(abs / SCALE)}.${String(abs % SCALE).padStart(4, "0")}`;
}

/** amount × units / of, rounded half away from zero to 10^-4. */
export function share(amount: string, units: number, of: number): string {
  if (of <= 0) return "0.0000";
  const n = toScaled(amount) * BigInt(units);
  const d = BigInt(of);
  const q = n / d;
  const r = n % d;
  return fromScaled(2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q);
}

export function sum(amounts: string[]): string {
  return fromScaled(amounts.reduce((a, b) => a + toScaled(b), 0n));
}
