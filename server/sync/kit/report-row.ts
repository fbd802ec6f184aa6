import type { SpReportRow } from "~/server/amazon/sp-reports";
import { MalformedReportRowError } from "../load/malformed-row";

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const WHOLE = /^-?\d+$/;
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
