import { DateTime } from "luxon";
import type { SpReportRow } from "~/server/amazon/sp-reports";
import { MalformedReportRowError } from "../load/malformed-row";

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const WHOLE = /^-?\d+$/;
/** Listing files' local times: "2024-03-15 09:12:33 PDT", "15/03/2024 09:12:33 GMT", "2024/03/15 09:12:33 JST". */
const LOCAL_TIMES = ["yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "dd.MM.yyyy HH:mm:ss"];
const AMOUNT = /^-?\d+(\.\d+)?$/;

/**
 * Reads the fields of one flat-file row by Amazon's header names, refusing a value that is not what the
 * column holds with a message that names the report, the row and the field. Values stay exact strings:
 * amounts never pass through a float. (A class, not closures: a big report builds one per row.)
 */
class ReportRowReader {
  constructor(
    private readonly row: SpReportRow,
    private readonly index: number,
    private readonly report: string,
  ) {}

  fail(field: string, expected: string): never {
    throw new MalformedReportRowError(
      `Row ${this.index} of the ${this.report} report is malformed (${field}: expected ${expected}, got "${this.row[field] ?? ""}"); the report was not loaded.`,
    );
  }

  text(field: string): string {
    const v = this.row[field];
    return v === undefined ? "" : v.trim();
  }

  optional(field: string): string | null {
    return this.text(field) || null;
  }

  required(field: string): string {
    return this.text(field) || this.fail(field, "a value");
  }

  instant(field: string): string {
    const v = this.text(field);
    if (!INSTANT.test(v)) return this.fail(field, "a date and time");
    const at = new Date(v);
    return Number.isNaN(at.getTime()) ? this.fail(field, "a date and time") : at.toISOString();
  }

  optionalInstant(field: string): string | null {
    return this.text(field) ? this.instant(field) : null;
  }

  /**
   * A marketplace-local date and time followed by a zone abbreviation (PDT, JST, GMT+09:00…), as listing
   * files write them. Abbreviations are ambiguous (IST, CST) and not all parse: the marketplace's own zone,
   * which they abbreviate, is what counts.
   */
  optionalLocalInstant(field: string, zone: string): string | null {
    const v = this.text(field);
    if (!v) return null;
    const local = v.slice(0, 19);
    for (const format of LOCAL_TIMES) {
      const at = DateTime.fromFormat(local, format, { zone });
      if (at.isValid) return at.toUTC().toISO()!;
    }
    return INSTANT.test(v) ? this.instant(field) : this.fail(field, "a date and time");
  }

  /** A count that may be blank (Amazon's "not applicable"), kept as null. */
  optionalWhole(field: string): number | null {
    return this.text(field) ? this.whole(field) : null;
  }

  /** An empty count is 0: Amazon leaves zero quantities blank in some files. */
  whole(field: string): number {
    const v = this.text(field) || "0";
    return WHOLE.test(v) ? Number(v) : this.fail(field, "a whole number");
  }

  amount(field: string, optional = false): string | null {
    const v = this.text(field);
    if (!v) return optional ? null : this.fail(field, "an amount");
    return AMOUNT.test(v) ? v : this.fail(field, "an amount");
  }
}

export function reportRowReader(row: SpReportRow, index: number, report: string) {
  return new ReportRowReader(row, index, report);
}
