import type { ReportTimingOptions } from "./util/report-timing";
import { SandboxClock } from "./clock";
import type { SandboxCredentials } from "./credentials";
import { SANDBOX_CREDENTIALS } from "./credentials";
import { Faults } from "./faults";
import { LwaStore } from "./lwa/store";
import { Quotas } from "./quota";
import type { Volume } from "./world/config";
import { World } from "./world/world";
import { ReportStore } from "./spapi/report-store";
import { AdsState } from "./ads/state";
import { DocumentStore } from "./http/documents";
import { addDays, localDay } from "./util/time";

export interface SandboxOptions {
  /** 0 = random port. Default: SANDBOX_PORT or 8300. */
  port?: number;
  host?: string;
  seed?: string | number;
  /** Sandbox seconds per real second (default 1). */
  timeScale?: number;
  volume?: Volume;
  /** Real-time source (the sandbox clock starts at now()). */
  now?: () => Date;
  /** Days of business before the start instant (default 400). */
  historyDays?: number;
  /** Sandbox seconds a report usually takes from creation to DONE (default 60). */
  reportDelaySeconds?: number;
  /** Report times long-tailed around the usual delay, as Amazon's (default true; false: exactly the delay). */
  reportTail?: boolean;
  /** Probability that a report fails on its own, FATAL or FAILED (default 0.005). */
  reportFailureRate?: number;
  /**
   * How many times faster than Amazon's published rates SP-API quotas refill (default 1). A new store asks
   * for some seventy reports, and createReport refills one a minute: a browser test's world raises it.
   */
  quotaScale?: number;
  /** Used by Seller Central consent when no redirect_uri is given. */
  spRedirectUri?: string;
  /** Print request lines to stdout. */
  log?: boolean;
}

export interface ResolvedOptions {
  seed: string;
  volume: Volume;
  reportDelaySeconds: number;
  reportTiming: ReportTimingOptions;
  spRedirectUri: string;
  log: boolean;
}

/** Everything the sandbox holds: the world, time, grants, quotas, knobs. */
export class Sandbox {
  readonly clock: SandboxClock;
  readonly world: World;
  readonly credentials: SandboxCredentials = SANDBOX_CREDENTIALS;
  readonly lwa: LwaStore;
  readonly quotas = new Quotas();
  readonly faults: Faults;
  readonly reports: ReportStore;
  readonly ads: AdsState;
  readonly documents = new DocumentStore();
  readonly options: ResolvedOptions;
  origin = "";

  get seed(): string {
    return this.world.seed;
  }

  constructor(opts: SandboxOptions = {}) {
    const seed = String(opts.seed ?? "shelfwise");
    const volume = opts.volume ?? "small";
    const realNow = opts.now ? () => (opts.now as () => Date)().getTime() : () => Date.now();
    this.clock = new SandboxClock({ timeScale: opts.timeScale ?? 1, realNow });
    const historyStart = addDays(localDay(this.clock.now(), "UTC"), -(opts.historyDays ?? 400));
    this.world = new World({ seed, volume, historyStart });
    this.faults = new Faults(seed);
    this.lwa = new LwaStore(seed);
    this.options = {
      seed,
      volume,
      reportDelaySeconds: opts.reportDelaySeconds ?? 60,
      reportTiming: { tail: opts.reportTail ?? true, failureRate: opts.reportFailureRate ?? 0.005 },
      spRedirectUri: opts.spRedirectUri ?? "http://localhost:3000/api/amazon/store/callback",
      log: opts.log ?? false,
    };
    for (const limit of Object.values(this.quotas.spLimits)) limit.rate *= opts.quotaScale ?? 1;
    this.reports = new ReportStore();
    this.ads = new AdsState(this.world, () => this.clock.now());
  }
}
