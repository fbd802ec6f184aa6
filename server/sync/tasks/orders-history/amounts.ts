const SAFE_DIGITS = 15;

type Units = number | bigint;
// Integer arithmetic in a Number while it stays exact, in a BigInt beyond (a big seller's year is a
// million amounts: BigInt for each would cost more than the rest of the line together).
const safe = (n: number) => Number.isSafeInteger(n);
const plus = (a: Units, b: Units): Units => {
  if (typeof a === "number" && typeof b === "number" && safe(a + b)) return a + b;
  return BigInt(a) + BigInt(b);
};
const shifted = (a: Units, places: number): Units => {
  if (typeof a === "number" && safe(a * 10 ** places) && places <= SAFE_DIGITS) return a * 10 ** places;
  return BigInt(a) * 10n ** BigInt(places);
};

/**
 * The exact sum of decimal amounts as the file writes them ("12.99", "-1.5"), nulls ignored: digits are
 * summed as integers at the finest scale seen, so an amount never passes through a float.
 */
export class AmountSum {
  private units: Units = 0;
  private scale = 0;
  private any = false;

  add(amount: string | null | undefined): void {
    if (amount == null) return;
    // Read digit by digit (no match array, no string per amount): this runs for every amount of every line.
    let units = 0;
    let digits = 0;
    let places = -1;
    const negative = amount.charCodeAt(0) === 45;
    for (let i = negative ? 1 : 0; i < amount.length; i++) {
      const c = amount.charCodeAt(i);
      if (c === 46 && places < 0 && digits > 0) places = 0;
      else if (c >= 48 && c <= 57) {
        units = units * 10 + (c - 48);
        digits += 1;
        if (places >= 0) places += 1;
      } else throw new Error(`"${amount}" is not an amount`);
    }
    if (digits === 0 || places === 0) throw new Error(`"${amount}" is not an amount`);
    places = Math.max(places, 0);
    this.any = true;
    if (places > this.scale) {
      this.units = shifted(this.units, places - this.scale);
      this.scale = places;
    }
    const n: Units = digits <= SAFE_DIGITS ? shifted(units, this.scale - places) : shifted(BigInt(amount.replace(/[-.]/g, "")), this.scale - places);
    this.units = plus(this.units, negative ? -n : n);
  }

  /** The sum as a decimal string; null when no amount was added. */
  total(): string | null {
    if (!this.any) return null;
    const negative = this.units < 0;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, "0");
    const whole = digits.slice(0, digits.length - this.scale);
    return `${negative ? "-" : ""}${whole}${this.scale ? `.${digits.slice(digits.length - this.scale)}` : ""}`;
  }
}

export function sumAmounts(amounts: readonly (string | null | undefined)[]): string | null {
  const sum = new AmountSum();
  for (const a of amounts) sum.add(a);
  return sum.total();
}
