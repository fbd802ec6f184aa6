import { isUtf8 } from "node:buffer";

/**
 * Checks that a byte stream is UTF-8, chunk by chunk (a character may span two chunks). Report bytes go
 * into COPY as they are, and PostgreSQL would refuse a bad sequence with a message nobody can act on.
 */
export class Utf8Check {
  private tail: Buffer | null = null;

  /** False as soon as the bytes so far cannot be UTF-8. */
  write(chunk: Buffer): boolean {
    const bytes = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    const cut = bytes.length - unfinished(bytes);
    this.tail = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
    return isUtf8(bytes.subarray(0, cut));
  }

  /** False if the stream ended inside a character. */
  end(): boolean {
    return this.tail === null;
  }
}

/** How many bytes at the end begin a character that the next chunk completes (0 to 3). */
function unfinished(b: Buffer): number {
  const n = b.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const c = b[n - k]!;
    if ((c & 0xc0) === 0x80) continue;
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
}
