import type { DocumentCharset, DocumentForm } from "./spapi/document-forms";
import { Rng } from "./util/rng";

// Per-operation fault knobs. "*" applies to every operation without its own entry.
export interface FaultConfig {
  /** Probability of a 500/503 answer. */
  errorRate?: number;
  /** Added latency in real milliseconds. */
  latencyMs?: number;
  /** Probability that the request hangs and the socket is destroyed. */
  timeoutRate?: number;
  /** Probability that an answer comes without `x-amzn-RateLimit-Limit` (default 0.1, as Amazon's "best-effort"). */
  rateHeaderMissingRate?: number;
  /** (lwaToken) Probability that an access token stops working 5–55 minutes after it is issued (default 0.02). */
  earlyExpiryRate?: number;
  /** The next N requests get 429 regardless of the bucket. */
  force429?: number;
  /** Reports created while set end in this state instead of DONE. */
  reportOutcome?: "FATAL" | "CANCELLED";
  /**
   * Reports created while set are forgotten at once: their id is returned, but polling it answers 404, as
   * Amazon answers for a report id it no longer knows (purged, or lost on its side).
   */
  reportLost?: boolean;
  /** Number of malformed rows to inject in report documents. */
  malformedRows?: number;
  /** Flat-file documents of reports created while set are sent in this form (sandbox/spapi/document-forms.ts). */
  documentForm?: DocumentForm;
  /** …and in this character set. */
  documentCharset?: DocumentCharset;
}

export class Faults {
  private byOp = new Map<string, FaultConfig>();
  private rng: Rng;
  constructor(seed: string) {
    this.rng = new Rng(seed, "faults");
  }

  set(operation: string, cfg: FaultConfig | null): void {
    if (cfg === null) this.byOp.delete(operation);
    else this.byOp.set(operation, { ...(this.byOp.get(operation) ?? {}), ...cfg });
  }

  get(operation: string): FaultConfig {
    return this.byOp.get(operation) ?? this.byOp.get("*") ?? {};
  }

  all(): Record<string, FaultConfig> {
    return Object.fromEntries(this.byOp);
  }

  clear(): void {
    this.byOp.clear();
  }

  roll(p: number | undefined): boolean {
    return p !== undefined && p > 0 && this.rng.next() < p;
  }

  /** A number in [0, 1) from the faults' own sequence. */
  random(): number {
    return this.rng.next();
  }

  /** Consumes one forced 429 if any remain for this operation. */
  takeForced429(operation: string): boolean {
    const own = this.byOp.get(operation) ? operation : this.byOp.get("*") ? "*" : undefined;
    if (!own) return false;
    const cfg = this.byOp.get(own);
    if (!cfg?.force429 || cfg.force429 <= 0) return false;
    cfg.force429 -= 1;
    return true;
  }
}
