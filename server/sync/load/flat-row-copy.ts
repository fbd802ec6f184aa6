import { copyConstant, compareDay, isAmount, isDay, isWholeNumber, type CopyTextBuffer } from "./copy-text";
import { ABSENT, NULL, NUMBER, STRING, type FlatRow } from "./json-array";

/**
 * Turns scanned report rows into COPY lines with checks compiled once per load (one switch per value)
 * instead of a schema object per row. The rules are those of Amazon's report fields.
 */
export const CHECKS = {
  /** A count: digits only, as a JSON number or string. */
  whole: "a whole number",
  /** Money or a rate: an exact decimal (an exponent allowed), as a JSON number or string. */
  amount: "an amount",
  /** An id: a non-empty JSON string or number. */
  id: "an id",
  /** Free text; null or missing is stored as "". */
  text: "text",
  /** Free text; null or missing is stored as NULL. */
  optionalText: "text or null",
  nonEmptyText: "non-empty text",
  day: "a YYYY-MM-DD date",
} as const;
export type FieldCheck = keyof typeof CHECKS;

export type FlatColumn = { constant: string | null } | { field: string; check: FieldCheck };

export type RowProblem =
  | { field: string; expected: string }
  /** The row's day (in `within`'s field) falls outside the window. */
  | { field: string; outside: string };

const CODE: Record<FieldCheck, number> = { whole: 1, amount: 2, id: 3, text: 4, optionalText: 5, nonEmptyText: 6, day: 7 };
const EMPTY = Buffer.alloc(0);
const COPY_NULL = Buffer.from("\\N");

function valid(check: number, kind: number, src: Uint8Array, start: number, end: number): boolean {
  switch (check) {
    case 1:
      return (kind === NUMBER || kind === STRING) && isWholeNumber(src, start, end);
    case 2:
      return (kind === NUMBER || kind === STRING) && isAmount(src, start, end);
    case 3:
      return (kind === NUMBER || kind === STRING) && end > start;
    case 4:
    case 5:
      return kind === STRING || kind === NULL || kind === ABSENT;
    case 6:
      return kind === STRING && end > start;
    default:
      return kind === STRING && isDay(src, start, end);
  }
}

export interface FlatRowEncoder {
  /** The fields the scanner must capture, in its order. */
  fields: string[];
  /** Writes one COPY line, or returns why the row is refused (the line is then left unfinished). */
  encode(row: FlatRow, out: CopyTextBuffer): RowProblem | null;
}

/**
 * `checkOrder` decides which field a row with several problems is reported by; `within` refuses rows whose
 * day lies outside the window (after every field is valid).
 */
export function flatRowEncoder(
  columns: FlatColumn[],
  options: { checkOrder?: string[]; within?: { field: string; start: string; end: string } } = {},
): FlatRowEncoder {
  const fields: string[] = [];
  const fieldOf = (name: string) => (fields.includes(name) ? fields.indexOf(name) : fields.push(name) - 1);
  const colField = new Int32Array(columns.length);
  const colCheck = new Uint8Array(columns.length);
  const constants = columns.map((c, i) => {
    if ("constant" in c) {
      colField[i] = -1;
      return copyConstant(c.constant);
    }
    colField[i] = fieldOf(c.field);
    colCheck[i] = CODE[c.check];
    return EMPTY;
  });
  const checked = columns.flatMap((c) => ("field" in c ? [{ f: fieldOf(c.field), name: c.field, check: c.check }] : []));
  const order = options.checkOrder ?? [];
  checked.sort((a, b) => (order.includes(a.name) ? order.indexOf(a.name) : order.length) - (order.includes(b.name) ? order.indexOf(b.name) : order.length));
  const fixed = constants.reduce((n, c) => n + c.length, columns.length + 8);
  const within = options.within && { f: fieldOf(options.within.field), start: Buffer.from(options.within.start), end: Buffer.from(options.within.end) };
  const n = fields.length;

  /** The reported problem: the first invalid field in check order (only ever computed for a refused row). */
  function problem(row: FlatRow, fallback: RowProblem): RowProblem {
    for (const c of checked)
      if (!valid(CODE[c.check], row.kind[c.f]!, row.src[c.f]!, row.start[c.f]!, row.end[c.f]!)) return { field: c.name, expected: CHECKS[c.check] };
    return fallback;
  }

  return {
    fields,
    encode(row, out) {
      const { kind, src, start, end, special } = row;
      // Escaping at most doubles a value.
      let bytes = fixed;
      for (let f = 0; f < n; f++) if (kind[f] === STRING || kind[f] === NUMBER) bytes += 2 * (end[f]! - start[f]!);
      out.reserve(bytes);
      for (let c = 0; c < colField.length; c++) {
        if (c) out.byte(0x09);
        const f = colField[c]!;
        if (f < 0) {
          out.raw(constants[c]!);
          continue;
        }
        const k = kind[f]!;
        const check = colCheck[c]!;
        if (!valid(check, k, src[f]!, start[f]!, end[f]!)) return problem(row, { field: fields[f]!, expected: "valid data" });
        if (k === NULL || k === ABSENT) out.raw(check === 5 ? COPY_NULL : EMPTY);
        else if (!out.value(src[f]!, start[f]!, end[f]!, special[f]!)) return { field: fields[f]!, expected: "text without NUL characters" };
      }
      if (within) {
        const f = within.f;
        if (kind[f] !== STRING || !isDay(src[f]!, start[f]!, end[f]!)) return problem(row, { field: fields[f]!, expected: CHECKS.day });
        if (compareDay(src[f]!, start[f]!, within.start) < 0 || compareDay(src[f]!, start[f]!, within.end) > 0)
          return { field: fields[f]!, outside: Buffer.from(src[f]!.subarray(start[f]!, end[f]!)).toString("utf8") };
      }
      out.byte(0x0a);
      out.rows += 1;
      return null;
    },
  };
}
