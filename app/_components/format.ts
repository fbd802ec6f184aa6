const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats a decimal string as money without passing it through a float (Intl formats numeric strings
 * exactly).
 */
export function formatMoney(value: string | null | undefined, currency: string): string {
  if (value === null || value === undefined) return "—";
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en", { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(currency, format);
  }
  return format.format(value as unknown as number);
}

const integer = new Intl.NumberFormat("en");
export function formatCount(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return integer.format(value as number);
}

export function formatPercent(value: string | null | undefined): string {
  return value === null || value === undefined ? "—" : `${value}%`;
}

/** Clicks ÷ impressions as a percentage with two decimals, from integer strings. */
export function ratioPercent(part: string | null, whole: string | null): string {
  if (!part || !whole || whole === "0") return "—";
  return `${((Number(part) * 100) / Number(whole)).toFixed(2)}%`;
}
