/**
 * Currencies an organization may choose as its base: the euro and every currency the European Central Bank
 * quotes a reference rate for (its feed, as of 2026). Amazon's marketplace currencies the ECB does not quote
 * (AED, SAR, EGP) cannot be converted; totals say so instead of guessing.
 */
export const BASE_CURRENCIES = [
  "EUR", "USD", "JPY", "GBP", "CAD", "MXN", "AUD", "BRL", "CHF", "CNY", "CZK", "DKK", "HKD", "HUF", "IDR",
  "ILS", "INR", "ISK", "KRW", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SEK", "SGD", "THB", "TRY", "ZAR",
] as const;

export type BaseCurrency = (typeof BASE_CURRENCIES)[number];

export const isBaseCurrency = (value: string): value is BaseCurrency => (BASE_CURRENCIES as readonly string[]).includes(value);
