import type { Region } from "./endpoints";

/**
 * Amazon's marketplaces with their region and the time zone that defines their days. SP-API publishes no
 * zone per marketplace; these are the zones Amazon Ads uses for the same marketplaces' profiles.
 */
export interface MarketplaceInfo {
  id: string;
  countryCode: string;
  region: Region;
  timeZone: string;
}

const rows: [string, string, Region, string][] = [
  ["ATVPDKIKX0DER", "US", "na", "America/Los_Angeles"],
  ["A2EUQ1WTGCTBG2", "CA", "na", "America/Los_Angeles"],
  ["A1AM78C64UM0Y8", "MX", "na", "America/Los_Angeles"],
  ["A2Q3Y263D00KWC", "BR", "na", "America/Sao_Paulo"],
  ["A1F83G8C2ARO7P", "GB", "eu", "Europe/London"],
  ["A1PA6795UKMFR9", "DE", "eu", "Europe/Paris"],
  ["A13V1IB3VIYZZH", "FR", "eu", "Europe/Paris"],
  ["APJ6JRA9NG5V4", "IT", "eu", "Europe/Paris"],
  ["A1RKKUPIHCS9HS", "ES", "eu", "Europe/Paris"],
  ["A1805IZSGTT6HS", "NL", "eu", "Europe/Amsterdam"],
  ["AMEN7PMS3EDWL", "BE", "eu", "Europe/Brussels"],
  ["A28R8C7NBKEWEA", "IE", "eu", "Europe/Dublin"],
  ["A2NODRKZP88ZB9", "SE", "eu", "Europe/Stockholm"],
  ["A1C3SOZRARQ6R3", "PL", "eu", "Europe/Warsaw"],
  ["A33AVAJ2PDY3EV", "TR", "eu", "Europe/Istanbul"],
  ["A2VIGQ35RCS4UG", "AE", "eu", "Asia/Dubai"],
  ["A17E79C6D8DWNP", "SA", "eu", "Asia/Riyadh"],
  ["ARBP9OOSHTCHU", "EG", "eu", "Africa/Cairo"],
  ["A21TJRUUN4KGV", "IN", "eu", "Asia/Kolkata"],
  ["AE08WJ6YKNBMC", "ZA", "eu", "Africa/Johannesburg"],
  ["A1VC38T7YXB528", "JP", "fe", "Asia/Tokyo"],
  ["A39IBJ37TRP1C6", "AU", "fe", "Australia/Sydney"],
  ["A19VAU5U5O7RUS", "SG", "fe", "Asia/Singapore"],
];

export const MARKETPLACES: ReadonlyMap<string, MarketplaceInfo> = new Map(
  rows.map(([id, countryCode, region, timeZone]) => [id, { id, countryCode, region, timeZone }]),
);

/** The zone of a marketplace; an unknown (new or non-retail) marketplace falls back to UTC. */
export function marketplaceTimeZone(marketplaceId: string): string {
  return MARKETPLACES.get(marketplaceId)?.timeZone ?? "UTC";
}

/**
 * The zone a whole seller account's days are counted in, for data Amazon reports per account rather than
 * per marketplace (FBA reimbursements): the region's home marketplace (US, UK, JP).
 */
const REGION_TIME_ZONES: Record<Region, string> = { na: "America/Los_Angeles", eu: "Europe/London", fe: "Asia/Tokyo" };
export function regionTimeZone(region: Region): string {
  return REGION_TIME_ZONES[region];
}

/**
 * The character set of a marketplace's flat files when Amazon does not declare one (`text/plain`): Cp1252
 * in North America and Europe, windows-31j (Shift_JIS) in Japan. Per account: its region's home.
 */
export function flatFileCharset(scope: { marketplaceId?: string; region: Region }): "Cp1252" | "windows-31j" {
  if (scope.marketplaceId) return scope.marketplaceId === "A1VC38T7YXB528" ? "windows-31j" : "Cp1252";
  return scope.region === "fe" ? "windows-31j" : "Cp1252";
}
