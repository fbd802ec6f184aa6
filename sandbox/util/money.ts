// Amounts live as integer minor units; documents get decimal strings so no
// binary float ever reaches a report or a JSON payload as money.

const DECIMALS: Record<string, number> = { JPY: 0 };

export function currencyDecimals(currency: string): number {
  return DECIMALS[currency] ?? 2;
}

/** 12345 (USD) -> "123.45"; -5 -> "-0.05"; 1234 (JPY) -> "1234". */
export function formatMinor(minor: number, currency: string): string {
  const dp = currencyDecimals(currency);
  const neg = minor < 0;
  const abs = Math.abs(Math.round(minor));
  if (dp === 0) return (neg ? "-" : "") + String(abs);
  const unit = 10 ** dp;
  const whole = Math.floor(abs / unit);
  const frac = String(abs % unit).padStart(dp, "0");
  return `${neg ? "-" : ""}${whole}.${frac}`;
}

/** For JSON APIs whose schema says number (Ads reports, some SP-API fields). */
export function minorToNumber(minor: number, currency: string): number {
  return Number(formatMinor(minor, currency));
}

export function money(minor: number, currency: string): { CurrencyCode: string; Amount: string } {
  return { CurrencyCode: currency, Amount: formatMinor(minor, currency) };
}
