// Real marketplace ids and the time zones Amazon Ads uses for each profile
// (notes §j). Days in reports and metrics are these zones' local days.

export type Region = "NA" | "EU" | "FE";

export interface Marketplace {
  id: string;
  countryCode: string;
  name: string;
  currency: string;
  language: string;
  domain: string;
  timezone: string;
  region: Region;
  /** Rough price multiplier vs USD so catalogs look local. */
  priceFactor: number;
  /** Share of a seller's order volume landing in this marketplace. */
  weight: number;
  salesChannel: string;
}

const mk = (
  id: string, countryCode: string, name: string, currency: string, language: string,
  domain: string, timezone: string, region: Region, priceFactor: number, weight: number,
): Marketplace => ({ id, countryCode, name, currency, language, domain, timezone, region, priceFactor, weight, salesChannel: `Amazon.${domain.replace(/^www\.amazon\./, "")}` });

export const MARKETPLACES: readonly Marketplace[] = [
  mk("ATVPDKIKX0DER", "US", "Amazon.com", "USD", "en_US", "www.amazon.com", "America/Los_Angeles", "NA", 1, 1),
  mk("A2EUQ1WTGCTBG2", "CA", "Amazon.ca", "CAD", "en_CA", "www.amazon.ca", "America/Los_Angeles", "NA", 1.35, 0.15),
  mk("A1AM78C64UM0Y8", "MX", "Amazon.com.mx", "MXN", "es_MX", "www.amazon.com.mx", "America/Los_Angeles", "NA", 17, 0.08),
  mk("A1F83G8C2ARO7P", "GB", "Amazon.co.uk", "GBP", "en_GB", "www.amazon.co.uk", "Europe/London", "EU", 0.8, 0.5),
  mk("A1PA6795UKMFR9", "DE", "Amazon.de", "EUR", "de_DE", "www.amazon.de", "Europe/Paris", "EU", 0.92, 0.6),
  mk("A13V1IB3VIYZZH", "FR", "Amazon.fr", "EUR", "fr_FR", "www.amazon.fr", "Europe/Paris", "EU", 0.92, 0.3),
  mk("APJ6JRA9NG5V4", "IT", "Amazon.it", "EUR", "it_IT", "www.amazon.it", "Europe/Paris", "EU", 0.92, 0.25),
  mk("A1RKKUPIHCS9HS", "ES", "Amazon.es", "EUR", "es_ES", "www.amazon.es", "Europe/Paris", "EU", 0.92, 0.2),
  mk("A1VC38T7YXB528", "JP", "Amazon.co.jp", "JPY", "ja_JP", "www.amazon.co.jp", "Asia/Tokyo", "FE", 150, 1),
  mk("A39IBJ37TRP1C6", "AU", "Amazon.com.au", "AUD", "en_AU", "www.amazon.com.au", "Australia/Sydney", "FE", 1.5, 0.3),
];

const BY_ID = new Map(MARKETPLACES.map((m) => [m.id, m]));

export function marketplace(id: string): Marketplace | undefined {
  return BY_ID.get(id);
}

export function mustMarketplace(id: string): Marketplace {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`unknown marketplace ${id}`);
  return m;
}
