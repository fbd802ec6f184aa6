import { hash32, Rng } from "../util/rng";
import { DAY } from "../util/time";
import { demandFactor } from "../world/orders";
import type { Entity, State } from "./entities";

export interface Metrics {
  impressions: number;
  clicks: number;
  /** Minor units. */
  cost: number;
  purchases1d: number; purchases7d: number; purchases14d: number; purchases30d: number;
  units1d: number; units7d: number; units14d: number; units30d: number;
  sales1d: number; sales7d: number; sales14d: number; sales30d: number;
  /** Share of 7d/14d purchases that were the advertised SKU. */
  sameSkuShare: number;
}

export const ZERO: Metrics = { impressions: 0, clicks: 0, cost: 0, purchases1d: 0, purchases7d: 0, purchases14d: 0, purchases30d: 0, units1d: 0, units7d: 0, units14d: 0, units30d: 0, sales1d: 0, sales7d: 0, sales14d: 0, sales30d: 0, sameSkuShare: 0.8 };

/**
 * How much of a day's final conversions Amazon has booked `ageDays` after the
 * day ended: conversions restate at 1, 7 and 28 days after the click, so a
 * 14-day window can still move until day 42.
 */
export function conversionShare(ageDays: number): number {
  if (ageDays < 0) return 0.5;
  if (ageDays < 1) return 0.6;
  if (ageDays < 7) return 0.6 + 0.3 * (ageDays / 7);
  if (ageDays < 28) return 0.9 + 0.08 * ((ageDays - 7) / 21);
  if (ageDays < 42) return 0.98 + 0.02 * ((ageDays - 28) / 14);
  return 1;
}

/** Invalid-click filtering removes up to 6% of traffic over the first 3 days. */
export function trafficShare(ageDays: number): number {
  if (ageDays >= 3) return 1;
  return 1 + 0.06 * (1 - Math.max(0, ageDays) / 3);
}

/** Final (fully restated) metrics of a keyword/target on a local day. */
export function finalMetrics(seed: string, e: Entity, day: string, avgPriceMinor: number): Metrics {
  const rng = Rng.fromHash(hash32(seed, e.id, day));
  if (rng.chance(0.35)) return ZERO;
  const impressions = Math.round(e.weight * demandFactor(day) * rng.int(40, 900));
  const ctr = 0.002 + rng.next() * 0.012;
  const clicks = Math.floor(impressions * ctr + rng.next());
  const bid = e.money ?? 75;
  const cost = Math.round(clicks * bid * (0.55 + rng.next() * 0.4));
  const cvr = 0.04 + rng.next() * 0.12;
  const p14 = Math.floor(clicks * cvr + rng.next() * 0.7);
  const p7 = Math.round(p14 * 0.92);
  const p1 = Math.round(p14 * 0.7);
  const p30 = p14 + (rng.chance(0.2) ? 1 : 0) * Math.min(1, p14);
  const extra = rng.next() * 0.2;
  const price = avgPriceMinor;
  return {
    impressions, clicks, cost,
    purchases1d: p1, purchases7d: p7, purchases14d: p14, purchases30d: p30,
    units1d: p1 + Math.floor(p1 * extra), units7d: p7 + Math.floor(p7 * extra), units14d: p14 + Math.floor(p14 * extra), units30d: p30 + Math.floor(p30 * extra),
    sales1d: p1 * price, sales7d: p7 * price, sales14d: p14 * price, sales30d: p30 * price,
    sameSkuShare: 0.7 + rng.next() * 0.3,
  };
}

/**
 * Whether an entity serves on the local day starting at `start`: from its first impression day on, on a day it
 * was enabled at least for a while (enabled when the day began, or enabled during it). A pause or archive thus
 * stops traffic from the next day, and a state change never moves a day before it.
 */
export function servesOn(e: Entity, day: string, start: number): boolean {
  if (day < e.firstImpressionDay) return false;
  const log = e.stateLog;
  // Never changed since creation: its state has held all along, until its last update for a paused one.
  if (!log) return e.state === "ENABLED" || e.updatedMs >= start;
  return enabledDuring(log, 0, log[0]?.state ?? e.state, start);
}

/**
 * Whether a campaign or ad group lets its keywords and targets serve on the day starting at `start`. Only the
 * changes made to it count: the seeded account's paused campaigns have always had traffic, and keeping that keeps
 * their metrics; a pause made later (console or API) stops its children from the next day, like their own.
 */
export function parentServes(e: Entity | undefined, start: number): boolean {
  const log = e?.stateLog;
  return !log || enabledDuring(log, 1, "ENABLED", start);
}

/**
 * Walks a state log from entry `from` (the state before it being `initial`): enabled when the day began, or
 * enabled during it. A day is taken as 24 hours here; on a daylight-saving day the hour of difference only
 * matters to a change made in it.
 */
function enabledDuring(log: Array<{ ms: number; state: State }>, from: number, initial: State, start: number): boolean {
  const end = start + DAY;
  let state = initial;
  for (let i = from; i < log.length; i++) {
    const x = log[i];
    if (!x || x.ms >= end) break;
    if (x.ms <= start) state = x.state;
    else if (x.state === "ENABLED") return true;
  }
  return state === "ENABLED";
}

/** Metrics as Amazon reports them at `now`: partial today, restated past days. */
export function observedMetrics(seed: string, e: Entity, day: string, start: number, now: number, avgPriceMinor: number): Metrics {
  if (!servesOn(e, day, start)) return ZERO;
  if (start > now) return ZERO;
  const f = finalMetrics(seed, e, day, avgPriceMinor);
  if (f.impressions === 0) return f;
  const end = start + DAY;
  const age = (now - end) / DAY;
  const elapsed = now < end ? (now - start) / DAY : 1;
  const t = trafficShare(age) * elapsed;
  const c = conversionShare(age) * elapsed;
  const impressions = Math.round(f.impressions * t);
  if (impressions === 0) return ZERO;
  const r = Math.round;
  const out: Metrics = { ...ZERO, impressions, clicks: r(f.clicks * t), cost: r(f.cost * t), sameSkuShare: f.sameSkuShare };
  // Each purchase is booked once its own delay has passed: a share `c` of the day's conversions booked means
  // the purchases whose draw is below `c` (the same draws at every read, so a later read only adds).
  const draws = Rng.fromHash(hash32(seed, e.id, day, "booked"));
  const booked = Array.from({ length: f.purchases30d }, () => draws.next() < c);
  for (const w of WINDOWS) {
    const purchases = booked.slice(0, f[`purchases${w}`]).filter(Boolean).length;
    out[`purchases${w}`] = purchases;
    // Sales and units are those of the purchases booked so far: a window with no purchase has no sales.
    out[`sales${w}`] = f[`purchases${w}`] ? Math.round((f[`sales${w}`] * purchases) / f[`purchases${w}`]) : 0;
    out[`units${w}`] = purchases ? Math.max(purchases, r(f[`units${w}`] * c)) : 0;
  }
  return out;
}

export function addMetrics(a: Metrics, b: Metrics): Metrics {
  const out = { ...a };
  for (const k of Object.keys(a) as Array<keyof Metrics>) if (k !== "sameSkuShare") out[k] = a[k] + b[k];
  out.sameSkuShare = a.impressions === 0 ? b.sameSkuShare : a.sameSkuShare;
  return out;
}

/** Split metrics into n deterministic parts (product ads, search terms). */
export function splitMetrics(seed: string, key: string, m: Metrics, n: number): Metrics[] {
  if (n <= 1) return [m];
  const rng = new Rng(seed, "split", key);
  const w = Array.from({ length: n }, () => 0.2 + rng.next());
  const parts: Metrics[] = w.map(() => ({ ...ZERO, sameSkuShare: m.sameSkuShare }));
  const put = (k: keyof Metrics, values: number[]) => values.forEach((v, i) => { parts[i]![k] = v; });
  for (const k of ["impressions", "clicks", "cost"] as const) put(k, apportion(m[k], w));
  for (const x of WINDOWS) {
    const purchases = apportion(m[`purchases${x}`], w);
    put(`purchases${x}`, purchases);
    // Sales and the units beyond one per purchase go where the purchases went, so no part has sales or units
    // without a purchase (Amazon's rows never do).
    put(`sales${x}`, apportion(m[`sales${x}`], purchases));
    const extra = apportion(m[`units${x}`] - m[`purchases${x}`], purchases);
    put(`units${x}`, purchases.map((p, i) => p + (extra[i] ?? 0)));
  }
  return parts;
}

/** The attribution windows Amazon reports purchases, units and sales for. */
const WINDOWS = ["1d", "7d", "14d", "30d"] as const;

/**
 * Whole parts of `total` in proportion to `weights`, summing to `total` exactly (the remainder goes to the last
 * part with a weight); all zeros when no part has a weight.
 */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const parts = weights.map((x) => Math.floor((total * x) / sum));
  let last = -1;
  weights.forEach((x, i) => { if (x > 0) last = i; });
  parts[last] = (parts[last] ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}
