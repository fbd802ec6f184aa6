import { CsvError, parse } from "csv-parse/sync";
import { EARLIEST_DAY, LATEST_DAY, localDay } from "~/server/validation/day";
import { isCurrencyCode } from "./input";
import { parseAmount } from "./money";
import type { CostRow } from "./periods";

/*
 * A cost upload read and checked row by row, before anything is written: every problem is collected with
 * its line (as a text editor or spreadsheet numbers it, the header being line 1), its column and what is
 * wrong in plain words, so the seller fixes the whole file at once.
 */

/** The template's columns, in its order; the upload needs the first, second and fourth, the rest may be left out. */
export const COST_CSV_COLUMNS = ["sku", "valid_from", "currency", "purchase_cost", "inbound_shipping_cost", "other_cost", "note"] as const;
type Column = (typeof COST_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ["sku", "valid_from", "purchase_cost"];

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_UPLOAD_ROWS = 50_000;

export interface RowProblem {
  /** The file's line; null for a problem of the whole file. */
  line: number | null;
  column: string | null;
  problem: string;
}

export interface ParsedCostCsv {
  rows: (CostRow & { line: number })[];
  problems: RowProblem[];
  /** Rows with a SKU and no cost at all: the template lists every SKU, the seller fills in those they know. */
  skipped: number;
  /** Columns the upload does not read (an export's ASIN and title, say). */
  ignoredColumns: string[];
}

const fileProblem = (problem: string): ParsedCostCsv => ({ rows: [], problems: [{ line: null, column: null, problem }], skipped: 0, ignoredColumns: [] });

/** "Purchase cost" and "purchase-cost" are the template's purchase_cost. */
const columnName = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** A spreadsheet set to a European locale saves with semicolons (and decimal commas); tabs come from pasting. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function describeCsvError(error: CsvError): RowProblem {
  const line = typeof error.lines === "number" ? error.lines : null;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return { line, column: null, problem: "A quote (\") is opened and never closed; the rest of the file cannot be read." };
    case "CSV_INVALID_CLOSING_QUOTE":
      return { line, column: null, problem: "A quote (\") is followed by more text in the same cell; put the whole cell in quotes and double any quote inside it." };
    default:
      return { line, column: null, problem: `The file is not readable as CSV: ${error.message}` };
  }
}

function checkDay(text: string): string | null {
  if (!text) return "The date is empty: write the day this cost starts as YYYY-MM-DD.";
  if (localDay.safeParse(text).success) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && (text < EARLIEST_DAY || text > LATEST_DAY)) return `"${text}" is outside ${EARLIEST_DAY} to ${LATEST_DAY}.`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `"${text}" is not a real date.`;
  return `"${text}" is not a date as YYYY-MM-DD (a spreadsheet may have reformatted it: format the column as text).`;
}

/** Reads the upload's text; `defaultCurrency` fills an empty currency cell. */
export function parseCostCsv(text: string, defaultCurrency: string): ParsedCostCsv {
  const delimiter = delimiterOf(text.replace(/^\uFEFF/, ""));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) return { rows: [], problems: [describeCsvError(error)], skipped: 0, ignoredColumns: [] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return fileProblem("The file is empty: download the template, fill it in and upload it.");
  if (body.length > MAX_UPLOAD_ROWS) return fileProblem(`The file has ${body.length.toLocaleString("en")} rows; upload at most ${MAX_UPLOAD_ROWS.toLocaleString("en")} at a time (split it into several files).`);

  const names = header.record.map(columnName);
  const index = new Map<string, number>();
  const problems: RowProblem[] = [];
  names.forEach((name, i) => {
    if (index.has(name) && COST_CSV_COLUMNS.includes(name as Column)) problems.push({ line: 1, column: name, problem: `The column ${name} appears twice.` });
    if (!index.has(name)) index.set(name, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length)
    problems.push({ line: 1, column: null, problem: `The header lacks ${missing.join(", ")}. The first line must name the columns: ${COST_CSV_COLUMNS.join(", ")}.` });
  if (problems.length) return { rows: [], problems, skipped: 0, ignoredColumns: [] };
  const ignoredColumns = names.filter((n) => n && !COST_CSV_COLUMNS.includes(n as Column));

  const rows: ParsedCostCsv["rows"] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const { record, info } of body) {
    // The line the row starts on: where it ends, less the line breaks inside its quoted cells.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const cell = (c: Column) => (index.has(c) ? (record[index.get(c)!] ?? "").trim() : "");
    if (record.every((c) => !c.trim())) continue;
    const here = (column: Column, problem: string) => problems.push({ line, column, problem });
    const sku = cell("sku");
    const costs = { purchase: cell("purchase_cost"), inbound: cell("inbound_shipping_cost"), other: cell("other_cost") };
    if (sku && !costs.purchase && !costs.inbound && !costs.other) {
      skipped += 1;
      continue;
    }
    const before = problems.length;
    if (!sku) here("sku", "The SKU is empty.");
    else if (sku.length > 100) here("sku", "The SKU is longer than 100 characters.");
    const validFrom = cell("valid_from");
    const dayProblem = checkDay(validFrom);
    if (dayProblem) here("valid_from", dayProblem);
    const currency = cell("currency").toUpperCase() || defaultCurrency;
    if (!/^[A-Z]{3}$/.test(currency)) here("currency", `"${cell("currency")}" is not a 3-letter currency code such as USD or EUR.`);
    else if (!isCurrencyCode(currency)) here("currency", `"${currency}" is not a currency code we know (ISO 4217, such as USD or EUR).`);
    const money = (column: Column, text: string, required: boolean) => {
      if (!text) {
        if (required) here(column, "The purchase cost is empty; write 0 if buying the unit costs nothing.");
        return "0.0000";
      }
      const parsed = parseAmount(text, { decimalComma: delimiter === ";" });
      if (!parsed.ok) here(column, parsed.problem);
      return parsed.ok ? parsed.value : "0.0000";
    };
    const purchaseCost = money("purchase_cost", costs.purchase, true);
    const inboundShippingCost = money("inbound_shipping_cost", costs.inbound, false);
    const otherCost = money("other_cost", costs.other, false);
    const note = cell("note");
    if (note.length > 500) here("note", "The note is longer than 500 characters.");
    if (sku && !dayProblem) {
      const key = `${sku}\u0000${validFrom}`;
      const first = seen.get(key);
      if (first !== undefined) here("valid_from", `Line ${first} already sets ${sku} from ${validFrom}; keep one of the two.`);
      else seen.set(key, line);
    }
    if (problems.length === before) rows.push({ line, sku, validFrom, currency, purchaseCost, inboundShippingCost, otherCost, note: note || null });
  }
  if (!rows.length && !problems.length && !skipped) return fileProblem("The file has a header and no rows: add a line per SKU under it.");
  return { rows, problems, skipped, ignoredColumns };
}
