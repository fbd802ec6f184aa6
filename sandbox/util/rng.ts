// Seeded, order-independent randomness: every generated fact is derived from
// hash(seed, ...coordinates) so a day can be generated without its history.

/** 32-bit FNV-1a over the joined parts, then avalanche-mixed. */
export function hash32(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  const s = parts.join("\u0001");
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(...parts: Array<string | number>) {
    this.a = hash32("a", ...parts);
    this.b = hash32("b", ...parts);
    this.c = hash32("c", ...parts);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Cheap generator from an already-hashed 32-bit seed (hot loops: one hash, no string joins). */
  static fromHash(h: number): Rng {
    const r = Object.create(Rng.prototype) as Rng;
    r.a = h >>> 0;
    r.b = Math.imul(h ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
    r.c = Math.imul(h ^ 0x7f4a7c15, 0xc2b2ae35) >>> 0;
    r.d = 1;
    for (let i = 0; i < 8; i++) r.next();
    return r;
  }

  /** sfc32: uniform in [0, 1). */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    const t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const r = (t + this.d) | 0;
    this.c = (this.c + r) | 0;
    return (r >>> 0) / 4294967296;
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const v = items[Math.floor(this.next() * items.length)];
    if (v === undefined) throw new Error("pick from empty list");
    return v;
  }
  /** Poisson-ish count around mean (normal approximation, never negative). */
  around(mean: number, spread = 0.25): number {
    const u = this.next() + this.next() + this.next() - 1.5; // ~N(0, 0.25)
    return Math.max(0, Math.round(mean * (1 + u * spread * 2)));
  }
  /** Upper-case alphanumeric string of length n. */
  alnum(n: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}
