import { hash32, Rng } from "./rng";

/** How Amazon's report times spread, and how often a report fails on its own (sandbox options). */
export interface ReportTimingOptions {
  /** Reports take a long-tailed time around the usual delay (else exactly the delay). */
  tail: boolean;
  /** Probability that a report fails on its own (SP-API FATAL, Ads FAILED). */
  failureRate: number;
}

export interface ReportTiming {
  startAfterMs: number;
  doneAfterMs: number;
  fails: boolean;
}

/**
 * How long one report takes and whether it fails, as Amazon's do: most about the usual delay, one in seven
 * several times it, one in a hundred 15 to 60 times it (an hour at Amazon's usual minute), and a few fail for
 * no reason the seller can act on. Drawn from `key` (the report's identity and how many times it was asked
 * for), so a world with the same seed meets the same slow and failed reports whatever order they come in.
 */
export function reportTiming(key: string, delayMs: number, options: ReportTimingOptions): ReportTiming {
  const rng = Rng.fromHash(hash32("report-timing", key));
  const u = rng.next();
  const spread = rng.next();
  const factor = !options.tail ? 1 : u < 0.85 ? 0.5 + spread : u < 0.99 ? 1.5 + spread * 8.5 : 15 + spread * 45;
  const doneAfterMs = Math.round(delayMs * factor);
  return { startAfterMs: Math.round(doneAfterMs * 0.3), doneAfterMs, fails: rng.next() < options.failureRate };
}
