import { columnName } from "./header-names";

/**
 * Splits Amazon's flat files (tab-separated, lines ending in "\n" or "\r\n", never quoted: a `"` is an
 * ordinary character) into arrays of fields, from decoded text arriving in pieces. The first non-empty
 * line is the header; every later line must have as many fields; empty lines are skipped.
 */
export class TsvLineReader {
  header: string[] | null = null;
  /** Physical lines read so far (the header is line 1), for error messages. */
  line = 0;
  private carry = "";
  private started = false;

  constructor(private readonly onRow: (fields: string[]) => void) {}

  write(text: string): void {
    let s = this.carry + text;
    if (!this.started && s.length) {
      this.started = true;
      // A byte-order mark some tools put before the header is not part of the first column's name.
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    let pos = 0;
    for (let nl = s.indexOf("\n"); nl >= 0; nl = s.indexOf("\n", pos)) {
      this.take(s, pos, nl);
      pos = nl + 1;
    }
    this.carry = pos ? s.slice(pos) : s;
    if (this.carry.length > MAX_LINE)
      throw new Error(`The report file has a malformed line (line ${this.line + 1}): it is longer than ${MAX_LINE / 2 ** 20} MiB.`);
  }

  /** The text is complete: a last line without its newline still counts. */
  end(): void {
    if (this.carry.length) this.take(this.carry, 0, this.carry.length);
    this.carry = "";
  }

  private take(s: string, from: number, to: number) {
    this.line += 1;
    const end = to > from && s.charCodeAt(to - 1) === 13 ? to - 1 : to;
    if (end === from) return;
    const fields = s.slice(from, end).split("\t");
    // Columns by Amazon's English names, whatever language the seller's files are in.
    if (!this.header) this.header = fields.map(columnName);
    else if (fields.length !== this.header.length)
      throw new Error(
        `The report file has a malformed line (line ${this.line}): it has ${fields.length} columns where the header has ${this.header.length}.`,
      );
    else this.onRow(fields);
  }
}

/** Nothing Amazon writes has lines this long; a file that does would otherwise be read whole into memory. */
const MAX_LINE = 16 * 2 ** 20;
