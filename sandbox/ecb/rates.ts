import { DateTime } from "luxon";
import { hash32 } from "../util/rng";

/*
 * The European Central Bank's euro foreign exchange reference rates, as a deterministic world: one rate per
 * currency and TARGET working day, published at about 16:00 CET, a pure function of (seed, currency, day)
 * like everything else the sandbox holds. Values wander around realistic levels (weeks-long swings and a
 * little daily noise), written with as many decimals as the ECB writes each currency.
 */

/** The currencies of the ECB's feed (its order), with a realistic level and the decimals it publishes. */
const CURRENCIES: readonly { code: string; level: number; decimals: number; until?: string }[] = [
  { code: "USD", level: 1.09, decimals: 4 },
  { code: "JPY", level: 162.5, decimals: 2 },
  // Bulgaria adopted the euro on 1 January 2026; its lev (pegged) left the feed then.
  { code: "BGN", level: 1.9558, decimals: 4, until: "2025-12-31" },
  { code: "CZK", level: 25.1, decimals: 3 },
  { code: "DKK", level: 7.4605, decimals: 4 },
  { code: "GBP", level: 0.853, decimals: 5 },
  { code: "HUF", level: 392.4, decimals: 2 },
  { code: "PLN", level: 4.27, decimals: 4 },
  { code: "RON", level: 4.977, decimals: 4 },
  { code: "SEK", level: 11.35, decimals: 4 },
  { code: "CHF", level: 0.945, decimals: 4 },
  { code: "ISK", level: 148.9, decimals: 1 },
  { code: "NOK", level: 11.62, decimals: 4 },
  { code: "TRY", level: 38.4, decimals: 4 },
  { code: "AUD", level: 1.66, decimals: 4 },
  { code: "BRL", level: 6.12, decimals: 4 },
  { code: "CAD", level: 1.5, decimals: 4 },
  { code: "CNY", level: 7.83, decimals: 4 },
  { code: "HKD", level: 8.49, decimals: 4 },
  { code: "IDR", level: 17650, decimals: 2 },
  { code: "ILS", level: 3.98, decimals: 4 },
  { code: "INR", level: 92.6, decimals: 4 },
  { code: "KRW", level: 1512, decimals: 2 },
  { code: "MXN", level: 20.9, decimals: 4 },
  { code: "MYR", level: 4.86, decimals: 4 },
  { code: "NZD", level: 1.84, decimals: 4 },
  { code: "PHP", level: 62.4, decimals: 3 },
  { code: "SGD", level: 1.455, decimals: 4 },
  { code: "THB", level: 37.9, decimals: 3 },
  { code: "ZAR", level: 20.1, decimals: 4 },
];

/** The first day of the ECB's historical series. */
export const ECB_FIRST_DAY = "1999-01-04";
const ZONE = "Europe/Berlin";
const PUBLISHED_AT_HOUR = 16;

/** Easter Sunday of a year (the Gregorian computus). */
function easter(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone: "UTC" });
}

const easterHolidays = new Map<number, [string, string]>();

/** TARGET2 closing days (no reference rates): weekends, New Year, Good Friday, Easter Monday, 1 May, 25–26 December. */
export function isTargetDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const md = day.slice(5);
  if (md === "01-01" || md === "05-01" || md === "12-25" || md === "12-26") return false;
  const year = Number(day.slice(0, 4));
  let holidays = easterHolidays.get(year);
  if (!holidays) {
    const e = easter(year);
    holidays = [e.minus({ days: 2 }).toISODate()!, e.plus({ days: 1 }).toISODate()!];
    easterHolidays.set(year, holidays);
  }
  return day !== holidays[0] && day !== holidays[1];
}

/** The last day whose rates are published at `nowMs` (rates of a day appear at about 16:00 CET). */
export function latestPublishedDay(nowMs: number): string {
  let d = DateTime.fromMillis(nowMs, { zone: ZONE });
  if (d.hour < PUBLISHED_AT_HOUR) d = d.minus({ days: 1 });
  let day = d.toISODate()!;
  while (!isTargetDay(day)) day = DateTime.fromISO(day, { zone: "UTC" }).minus({ days: 1 }).toISODate()!;
  return day;
}

const BY_CODE = new Map(CURRENCIES.map((c) => [c.code, c]));
const TURN = 2 * Math.PI;
const phaseCache = new Map<string, [number, number, number, number]>();

/**
 * A currency's three swing phases and its noise key under a seed, computed once: the whole series asks for
 * some 7,000 days of 30 currencies.
 */
function phases(seed: string, code: string): [number, number, number, number] {
  const key = `${seed}|${code}`;
  let p = phaseCache.get(key);
  if (!p) {
    p = [...[1, 2, 3].map((n) => (hash32(seed, "ecb", code, n) / 0x1_0000_0000) * TURN), hash32(seed, "ecb-noise", code)] as [number, number, number, number];
    phaseCache.set(key, p);
  }
  return p;
}

/** A day's noise in [0, 1): the noise key and the day number mixed (murmur3's finalizer). */
function noise(key: number, n: number): number {
  let h = (key ^ Math.imul(n, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

/** One currency's rate per euro on a day, as the ECB writes it ("1.0921"); undefined when it is not quoted then. */
export function rateOn(seed: string, code: string, day: string): string | undefined {
  const c = BY_CODE.get(code);
  if (!c || (c.until && day > c.until)) return undefined;
  if (code === "BGN") return c.level.toFixed(c.decimals);
  const n = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
  const [p1, p2, p3, noiseKey] = phases(seed, code);
  // Swings over a year, a quarter and a month, plus a little noise of the day: never far from its level.
  const swing =
    0.05 * Math.sin((TURN * n) / 365 + p1) +
    0.025 * Math.sin((TURN * n) / 97 + p2) +
    0.01 * Math.sin((TURN * n) / 23 + p3) +
    0.004 * (noise(noiseKey, n) - 0.5);
  return (c.level * Math.exp(swing)).toFixed(c.decimals);
}

/** Every rate of one day, in the feed's order. */
export function ratesOn(seed: string, day: string): { currency: string; rate: string }[] {
  return CURRENCIES.flatMap((c) => {
    const rate = rateOn(seed, c.code, day);
    return rate ? [{ currency: c.code, rate }] : [];
  });
}

/** The published days from `from` to `to` (inclusive), newest first as the ECB lists them. */
export function publishedDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${to}T00:00:00Z`); ; ms -= 86_400_000) {
    const day = new Date(ms).toISOString().slice(0, 10);
    if (day < from) return out;
    if (isTargetDay(day)) out.push(day);
  }
}
