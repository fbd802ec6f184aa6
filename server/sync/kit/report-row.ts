import type { SpReportRow } from "~/server/amazon/sp-reports";
import { MalformedReportRowError } from "../load/malformed-row";

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const WHOLE = /^-?\d+$/;
const AMOUNT = /^-?\d+(\.\d+)?$/;

/**
 * Reads the fields of one flat-file row by Amazon's header names, refusing a value that is not what the
 * column holds with a message that names the report, the row and the field. Values stay exact strings:
 * amounts never pass through a float.
 */
export function reportRowReader(row: SpReportRow, index: number, report: string) {
  const bad = (field: string, expected: string): never => {
    throw new MalformedReportRowError(
      `Row ${index} of the ${report} report is malformed (${field}: expected ${expected}, got "${row[field] ?? ""}"); the report was not loaded.`,
    );
  };
  const text = (field: string) => (row[field] ?? "").trim();
  return {
    fail: bad,
    text,
    optional: (field: string) => text(field) || null,
    required: (field: string) => text(field) || bad(field, "a value"),
    instant(field: string): string {
      const v = text(field);
      if (!INSTANT.test(v) || Number.isNaN(Date.parse(v))) return bad(field, "a date and time");
      return new Date(v).toISOString();
    },
    optionalInstant(field: string): string | null {
      return text(field) ? this.instant(field) : null;
    },
    /** An empty count is 0: Amazon leaves zero quantities blank in some files. */
    whole: (field: string) => (WHOLE.test(text(field) || "0") ? Number(text(field) || "0") : bad(field, "a whole number")),
    amount(field: string, optional = false): string | null {
      const v = text(field);
      if (!v) return optional ? null : bad(field, "an amount");
      return AMOUNT.test(v) ? v : bad(field, "an amount");
    },
  };
}
