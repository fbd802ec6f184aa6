/**
 * PostgreSQL COPY text, written straight into large byte buffers: few big socket writes instead of one
 * string per row, and report bytes copied as they are (no decoding, no re-encoding).
 */
export class CopyTextBuffer {
  /** Complete lines written since the last take(). */
  rows = 0;
  pos = 0;
  buf: Buffer;

  constructor(private readonly size = 2 ** 20) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Room for `bytes` more; a full buffer is replaced by a bigger one (the loader takes it once per chunk). */
  reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  /** Bytes already in COPY form (a tab, a newline, a pre-escaped constant). */
  raw(bytes: Uint8Array): void {
    const n = bytes.length;
    const out = this.buf;
    let o = this.pos;
    for (let k = 0; k < n; k++) out[o++] = bytes[k]!;
    this.pos = o;
  }

  byte(c: number): void {
    this.buf[this.pos++] = c;
  }

  /**
   * A value's bytes; with `special`, backslashes and control characters are escaped. Returns false for a
   * NUL, which PostgreSQL text cannot hold. Needs reserve(2 × length) first.
   */
  value(src: Uint8Array, start: number, end: number, special: number): boolean {
    const out = this.buf;
    let o = this.pos;
    if (!special) {
      if (end - start > 32) o += (src as Buffer).copy(out, o, start, end);
      else for (let k = start; k < end; k++) out[o++] = src[k]!;
    } else {
      for (let k = start; k < end; k++) {
        const c = src[k]!;
        if (c === 0) return false;
        if (c === 0x5c) {
          out[o++] = 0x5c;
          out[o++] = 0x5c;
        } else if (c === 0x09 || c === 0x0a || c === 0x0d) {
          out[o++] = 0x5c;
          out[o++] = c === 0x09 ? 0x74 : c === 0x0a ? 0x6e : 0x72;
        } else out[o++] = c;
      }
    }
    this.pos = o;
    return true;
  }

  /** The lines written so far (ready for COPY); writing continues in a fresh buffer. */
  take(): Buffer {
    const full = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
    this.rows = 0;
    return full;
  }
}

/** A constant value in COPY text form, escaped once. */
export function copyConstant(value: string | null): Buffer {
  return Buffer.from(value === null ? "\\N" : value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r"));
}

const digit = (c: number) => c >= 0x30 && c <= 0x39;

/** /^\d+$/ */
export function isWholeNumber(b: Uint8Array, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let k = start; k < end; k++) if (!digit(b[k]!)) return false;
  return true;
}

/** /^-?\d+(\.\d+)?(e-?\d+)?$/i: a decimal amount as Amazon writes it, possibly with an exponent. */
export function isAmount(b: Uint8Array, start: number, end: number): boolean {
  let k = start;
  if (b[k] === 0x2d) k++;
  const int = k;
  while (k < end && digit(b[k]!)) k++;
  if (k === int) return false;
  if (k < end && b[k] === 0x2e) {
    const frac = ++k;
    while (k < end && digit(b[k]!)) k++;
    if (k === frac) return false;
  }
  if (k < end && (b[k] === 0x65 || b[k] === 0x45)) {
    k++;
    if (k < end && b[k] === 0x2d) k++;
    const exp = k;
    while (k < end && digit(b[k]!)) k++;
    if (k === exp) return false;
  }
  return k === end;
}

/** /^\d{4}-\d{2}-\d{2}$/ */
export function isDay(b: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 10) return false;
  for (let k = 0; k < 10; k++) {
    const c = b[start + k]!;
    if (k === 4 || k === 7 ? c !== 0x2d : !digit(c)) return false;
  }
  return true;
}

/** Orders a 10-byte day against another (YYYY-MM-DD compares as bytes). */
export function compareDay(b: Uint8Array, start: number, day: Uint8Array): number {
  for (let k = 0; k < 10; k++) {
    const d = b[start + k]! - day[k]!;
    if (d) return d;
  }
  return 0;
}
