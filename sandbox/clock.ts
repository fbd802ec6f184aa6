// Sandbox time: real elapsed time scaled by timeScale, plus manual advances.
// Every expiry, delay, quota refill and "today" reads this clock.

export interface ClockOptions {
  /** Sandbox time at start (default: real now). */
  start?: Date;
  /** Sandbox seconds per real second (default 1; 0 freezes time). */
  timeScale?: number;
  /** Real-time source, injectable for tests. */
  realNow?: () => number;
}

export class SandboxClock {
  private anchorReal: number;
  private anchorSandbox: number;
  private scale: number;
  private readonly realNow: () => number;

  constructor(opts: ClockOptions = {}) {
    this.realNow = opts.realNow ?? (() => Date.now());
    this.anchorReal = this.realNow();
    this.anchorSandbox = opts.start ? opts.start.getTime() : this.anchorReal;
    this.scale = opts.timeScale ?? 1;
  }

  now(): number {
    return this.anchorSandbox + (this.realNow() - this.anchorReal) * this.scale;
  }

  get timeScale(): number {
    return this.scale;
  }

  /** Re-anchor so changing the scale never makes time jump. */
  setTimeScale(scale: number): void {
    const n = this.now();
    this.anchorReal = this.realNow();
    this.anchorSandbox = n;
    this.scale = scale;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error("sandbox time cannot go backwards");
    this.anchorSandbox += ms;
  }

  /** Real milliseconds to wait for `sandboxMs` of sandbox time to pass. */
  realDelay(sandboxMs: number): number {
    return this.scale > 0 ? sandboxMs / this.scale : Number.POSITIVE_INFINITY;
  }
}
