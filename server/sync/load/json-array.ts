import { Utf8Check } from "./utf8-check";

/**
 * A scanner for what Amazon's reports are: one JSON array of flat objects (values are strings, numbers,
 * booleans or null). It reads bytes as they arrive and hands each object over as positions into those
 * bytes, so no row ever becomes a JS object and numbers stay their exact source text (money never passes
 * through a float). A general JSON parser spends most of a load's time building values we only copy on.
 */

export const ABSENT = 0;
export const STRING = 1;
export const NUMBER = 2;
export const TRUE = 3;
export const FALSE = 4;
export const NULL = 5;

/** One object of the array, field by field (in the order given to the scanner); valid only during onRow. */
export interface FlatRow {
  /** ABSENT, STRING, NUMBER, TRUE, FALSE or NULL. */
  readonly kind: Uint8Array;
  /** The bytes holding each value: the input itself, or for a string with escapes its decoded UTF-8. */
  readonly src: Buffer[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 1 when a string's bytes hold a backslash or a control character (COPY must escape those). */
  readonly special: Uint8Array;
}

/** Every row must fit in memory at once; nothing Amazon writes comes near this. */
const MAX_ROW_BYTES = 16 * 2 ** 20;
/** Bytes that end the fast path through a string: quote, backslash, control characters. */
const SPECIAL = new Uint8Array(256);
SPECIAL[0x22] = 1;
SPECIAL[0x5c] = 1;
for (let c = 0; c < 0x20; c++) SPECIAL[c] = 1;

const BEFORE = 0;
const FIRST = 1;
const NEXT = 2;
const AFTER = 3;
const DONE = 4;
/** Returned by the token readers when the bytes end inside the token: wait for more. */
const MORE = -1;

const WORD_TRUE = Buffer.from("true");
const WORD_FALSE = Buffer.from("false");
const WORD_NULL = Buffer.from("null");

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

export class FlatJsonArrayScanner {
  /** Objects handed to onRow so far. */
  rows = 0;
  private readonly row: { kind: Uint8Array; src: Buffer[]; start: Int32Array; end: Int32Array; special: Uint8Array };
  private readonly names: Buffer[];
  private readonly byName: Map<string, number>;
  /** The field seen at each key position of the previous object: Amazon writes keys in the same order. */
  private readonly order: number[] = [];
  private state = BEFORE;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** An unfinished object is scanned again only once this many bytes wait, so a long one costs linear time. */
  private retryAt = 0;
  /** Stream offset of the first pending byte, for error messages. */
  private offset = 0;
  private scratch = Buffer.allocUnsafe(4096);
  private scratchAt = 0;
  private readonly utf8 = new Utf8Check();
  // The string just read: where its bytes are.
  private vSrc: Buffer = this.scratch;
  private vStart = 0;
  private vEnd = 0;
  private vSpecial = 0;

  constructor(
    fields: readonly string[],
    private readonly onRow: (row: FlatRow) => void,
  ) {
    this.names = fields.map((f) => Buffer.from(f));
    this.byName = new Map(fields.map((f, i) => [f, i]));
    const n = fields.length;
    this.row = { kind: new Uint8Array(n), src: new Array<Buffer>(n).fill(this.scratch), start: new Int32Array(n), end: new Int32Array(n), special: new Uint8Array(n) };
  }

  write(chunk: Buffer): void {
    if (!chunk.length) return;
    if (!this.utf8.write(chunk)) this.fail("text that is not UTF-8", this.pendingBytes);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.retryAt) this.scanPending(false);
  }

  /** The input is complete: returns the number of rows, or throws if the array did not end. */
  end(): number {
    if (!this.utf8.end()) this.fail("text that is not UTF-8", this.pendingBytes);
    this.scanPending(true);
    if (this.state !== DONE)
      throw new Error(`The report file ends in the middle of its JSON (after ${this.rows} rows): it was cut short.`);
    return this.rows;
  }

  private scanPending(final: boolean) {
    const buf = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    const stop = this.scan(buf, final);
    const rest = buf.length - stop;
    if (rest > MAX_ROW_BYTES) this.fail(`a row longer than ${MAX_ROW_BYTES / 2 ** 20} MiB`, stop);
    this.offset += stop;
    this.pending = rest ? [buf.subarray(stop)] : [];
    this.pendingBytes = rest;
    this.retryAt = rest * 2;
  }

  private fail(what: string, at: number): never {
    throw new Error(`The report file is not a JSON array of flat objects: ${what} at byte ${this.offset + at} (row ${this.rows + 1}).`);
  }

  /** Scans whole objects; returns where the unscanned rest (an unfinished object, or nothing) begins. */
  private scan(b: Buffer, final: boolean): number {
    const n = b.length;
    let i = 0;
    for (;;) {
      while (i < n && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
      if (i >= n) return i;
      const c = b[i]!;
      if (this.state === BEFORE) {
        if (c !== 0x5b) this.fail("no opening [", i);
        this.state = FIRST;
        i++;
      } else if (this.state === AFTER) {
        if (c === 0x2c) this.state = NEXT;
        else if (c === 0x5d) this.state = DONE;
        else this.fail("expected , or ] after a row", i);
        i++;
      } else if (this.state === DONE) {
        this.fail("more data after the closing ]", i);
      } else if (c === 0x5d) {
        if (this.state === NEXT) this.fail("a comma before the closing ]", i);
        this.state = DONE;
        i++;
      } else {
        if (c !== 0x7b) this.fail("a row that is not an object", i);
        const j = this.object(b, i, n);
        if (j === MORE) {
          if (final) throw new Error(`The report file ends in the middle of its JSON (after ${this.rows} rows): it was cut short.`);
          return i;
        }
        this.rows += 1;
        this.onRow(this.row);
        this.state = AFTER;
        i = j;
      }
    }
  }

  /** One object from its "{" to past its "}", filling `row`; MORE if the bytes end first. */
  private object(b: Buffer, at: number, n: number): number {
    const { kind, src, start, end, special } = this.row;
    kind.fill(ABSENT);
    this.scratchAt = 0;
    let i = at + 1;
    for (let k = 0; ; k++) {
      while (i < n && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
      if (i >= n) return MORE;
      if (b[i] === 0x7d && k === 0) return i + 1;
      if (b[i] !== 0x22) this.fail("expected a field name", i);
      i = this.string(b, i, n);
      if (i === MORE) return MORE;
      const f = this.field(k);
      while (i < n && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
      if (i >= n) return MORE;
      if (b[i] !== 0x3a) this.fail("expected : after a field name", i);
      i++;
      while (i < n && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
      if (i >= n) return MORE;
      const c = b[i]!;
      let type: number;
      if (c === 0x22) {
        i = this.string(b, i, n);
        if (i === MORE) return MORE;
        type = STRING;
      } else if (c === 0x2d || isDigit(c)) {
        this.vSrc = b;
        this.vStart = i;
        this.vSpecial = 0;
        i = this.number(b, i, n);
        if (i === MORE) return MORE;
        this.vEnd = i;
        type = NUMBER;
      } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
        const word = c === 0x74 ? WORD_TRUE : c === 0x66 ? WORD_FALSE : WORD_NULL;
        if (i + word.length > n) return MORE;
        for (let k = 1; k < word.length; k++) if (b[i + k] !== word[k]) this.fail("an unknown literal", i);
        i += word.length;
        type = c === 0x74 ? TRUE : c === 0x66 ? FALSE : NULL;
      } else if (c === 0x7b || c === 0x5b) {
        this.fail("a nested value (Amazon's report rows are flat)", i);
      } else {
        this.fail("expected a value", i);
      }
      if (f >= 0) {
        kind[f] = type;
        src[f] = this.vSrc;
        start[f] = this.vStart;
        end[f] = this.vEnd;
        special[f] = this.vSpecial;
      }
      while (i < n && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
      if (i >= n) return MORE;
      if (b[i] === 0x7d) return i + 1;
      if (b[i] !== 0x2c) this.fail("expected , or } after a value", i);
      i++;
    }
  }

  /** The field index of the key just read (its bytes in vSrc), or -1 for a field nobody asked for. */
  private field(position: number): number {
    const guess = this.order[position];
    if (guess !== undefined && guess >= 0) {
      const name = this.names[guess]!;
      const len = this.vEnd - this.vStart;
      if (name.length === len) {
        let k = 0;
        const s = this.vSrc;
        const at = this.vStart;
        while (k < len && s[at + k] === name[k]) k++;
        if (k === len) return guess;
      }
    }
    const found = this.byName.get(this.vSrc.toString("utf8", this.vStart, this.vEnd)) ?? -1;
    if (position < 256) this.order[position] = found;
    return found;
  }

  /** A string from its opening quote; sets vSrc/vStart/vEnd/vSpecial and returns past the closing quote. */
  private string(b: Buffer, at: number, n: number): number {
    let i = at + 1;
    while (i < n && SPECIAL[b[i]!] === 0) i++;
    if (i >= n) return MORE;
    if (b[i] === 0x22) {
      this.vSrc = b;
      this.vStart = at + 1;
      this.vEnd = i;
      this.vSpecial = 0;
      return i + 1;
    }
    return this.escapedString(b, at + 1, n);
  }

  /** The slow path: decodes escapes into the scratch buffer (raw control characters are kept, flagged). */
  private escapedString(b: Buffer, from: number, n: number): number {
    // Decoded UTF-8 is never longer than its JSON source.
    const need = this.scratchAt + (n - from);
    if (need > this.scratch.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.scratch.length * 2));
      this.scratch.copy(grown, 0, 0, this.scratchAt);
      this.scratch = grown;
    }
    const out = this.scratch;
    const first = this.scratchAt;
    let o = first;
    let special = 0;
    let i = from;
    for (;;) {
      if (i >= n) return MORE;
      const c = b[i]!;
      if (c === 0x22) break;
      if (c !== 0x5c) {
        if (c < 0x20) special = 1;
        out[o++] = c;
        i++;
        continue;
      }
      if (i + 1 >= n) return MORE;
      const e = b[i + 1]!;
      i += 2;
      if (e === 0x75) {
        if (i + 4 > n) return MORE;
        let code = this.hex4(b, i);
        i += 4;
        if (code >= 0xd800 && code <= 0xdbff) {
          // A high surrogate pairs with a \u escape right after it; wait for enough bytes to know.
          if (i >= n || (b[i] === 0x5c && i + 1 >= n) || (b[i] === 0x5c && b[i + 1] === 0x75 && i + 6 > n)) return MORE;
          const low = b[i] === 0x5c && b[i + 1] === 0x75 ? this.hex4(b, i + 2) : -1;
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            i += 6;
          } else code = 0xfffd;
        } else if (code >= 0xdc00 && code <= 0xdfff) code = 0xfffd;
        if (code < 0x20 || code === 0x5c) special = 1;
        o = utf8(out, o, code);
      } else {
        const ch = e === 0x22 ? 0x22 : e === 0x5c ? 0x5c : e === 0x2f ? 0x2f : e === 0x62 ? 0x08 : e === 0x66 ? 0x0c : e === 0x6e ? 0x0a : e === 0x72 ? 0x0d : e === 0x74 ? 0x09 : -1;
        if (ch < 0) this.fail("an unknown escape in a string", i - 2);
        if (ch === 0x5c || ch < 0x20) special = 1;
        out[o++] = ch;
      }
    }
    this.scratchAt = o;
    this.vSrc = out;
    this.vStart = first;
    this.vEnd = o;
    this.vSpecial = special;
    return i + 1;
  }

  private hex4(b: Buffer, at: number): number {
    let v = 0;
    for (let k = at; k < at + 4; k++) {
      const c = b[k]!;
      const d = isDigit(c) ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
      if (d < 0) this.fail("a bad \\u escape", k);
      v = v * 16 + d;
    }
    return v;
  }

  /** JSON's number grammar, checked; returns past the number (which keeps its exact text). */
  private number(b: Buffer, at: number, n: number): number {
    let i = at;
    if (b[i] === 0x2d) i++;
    if (i >= n) return MORE;
    if (b[i] === 0x30) i++;
    else if (isDigit(b[i]!)) while (i < n && isDigit(b[i]!)) i++;
    else this.fail("a malformed number", at);
    if (i >= n) return MORE;
    if (b[i] === 0x2e) {
      const digits = ++i;
      while (i < n && isDigit(b[i]!)) i++;
      if (i >= n) return MORE;
      if (i === digits) this.fail("a malformed number", at);
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++;
      if (i >= n) return MORE;
      if (b[i] === 0x2b || b[i] === 0x2d) i++;
      const digits = i;
      while (i < n && isDigit(b[i]!)) i++;
      if (i >= n) return MORE;
      if (i === digits) this.fail("a malformed number", at);
    }
    return i;
  }
}

function utf8(out: Buffer, o: number, code: number): number {
  if (code < 0x80) out[o++] = code;
  else if (code < 0x800) {
    out[o++] = 0xc0 | (code >> 6);
    out[o++] = 0x80 | (code & 0x3f);
  } else if (code < 0x10000) {
    out[o++] = 0xe0 | (code >> 12);
    out[o++] = 0x80 | ((code >> 6) & 0x3f);
    out[o++] = 0x80 | (code & 0x3f);
  } else {
    out[o++] = 0xf0 | (code >> 18);
    out[o++] = 0x80 | ((code >> 12) & 0x3f);
    out[o++] = 0x80 | ((code >> 6) & 0x3f);
    out[o++] = 0x80 | (code & 0x3f);
  }
  return o;
}
