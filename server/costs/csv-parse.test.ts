import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_ROWS, parseCostCsv } from "./csv-parse";

const HEADER = "sku,valid_from,currency,purchase_cost,inbound_shipping_cost,other_cost,note";

describe("parseCostCsv", () => {
  it("reads the template's rows, normalizing amounts and filling in what may be left out", () => {
    const parsed = parseCostCsv(`\uFEFF${HEADER}\r\nKETTLE-1,2025-01-01,usd,12.5,1,,"first, cheaper supplier"\r\nBOARD-2,2025-02-01,,3,0.25,0.0001,\r\n`, "EUR");
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { line: 2, sku: "KETTLE-1", validFrom: "2025-01-01", currency: "USD", purchaseCost: "12.5000", inboundShippingCost: "1.0000", otherCost: "0.0000", note: "first, cheaper supplier" },
      { line: 3, sku: "BOARD-2", validFrom: "2025-02-01", currency: "EUR", purchaseCost: "3.0000", inboundShippingCost: "0.2500", otherCost: "0.0001", note: null },
    ]);
  });

  it("reports every bad row with its line, column and problem in plain words", () => {
    const text = [
      HEADER,
      "A-1,2025-01-01,USD,1,,,",
      "A-2,01/02/2025,USD,1,,,",
      "A-3,2025-02-30,US,abc,-1,,",
      '"A-4 with a',
      'line break",2025-01-01,XYZ,1,,,',
      ",2025-01-01,USD,1,,,",
      "A-1,2025-01-01,USD,2,,,",
      "A-5,,USD,,1,,",
    ].join("\n");
    const parsed = parseCostCsv(text, "USD");
    expect(parsed.problems).toEqual([
      { line: 3, column: "valid_from", problem: expect.stringMatching(/"01\/02\/2025" is not a date as YYYY-MM-DD/) },
      { line: 4, column: "valid_from", problem: '"2025-02-30" is not a real date.' },
      { line: 4, column: "currency", problem: '"US" is not a 3-letter currency code such as USD or EUR.' },
      { line: 4, column: "purchase_cost", problem: expect.stringMatching(/"abc" is not a number/) },
      { line: 4, column: "inbound_shipping_cost", problem: '"-1" is negative; a cost is 0 or more.' },
      { line: 5, column: "currency", problem: expect.stringMatching(/"XYZ" is not a currency code we know/) },
      { line: 7, column: "sku", problem: "The SKU is empty." },
      { line: 8, column: "valid_from", problem: "Line 2 already sets A-1 from 2025-01-01; keep one of the two." },
      { line: 9, column: "valid_from", problem: expect.stringMatching(/date is empty/) },
      { line: 9, column: "purchase_cost", problem: expect.stringMatching(/purchase cost is empty/) },
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
  });

  it("skips blank lines and rows with a SKU and no cost (the template's unfilled rows), and ignores extra columns", () => {
    const parsed = parseCostCsv(`${HEADER},title\nA-1,2025-01-01,USD,,,,,Kettle\n,,,,,,,\n\nA-2,2025-01-01,USD,2,,,,Board\n`, "USD");
    expect(parsed).toMatchObject({ problems: [], skipped: 1, ignoredColumns: ["title"] });
    expect(parsed.rows).toEqual([expect.objectContaining({ line: 5, sku: "A-2" })]);
  });

  it("reads a semicolon-separated file with decimal commas, and headers as a person writes them", () => {
    const parsed = parseCostCsv("SKU;Valid from;Purchase cost;Other-cost\nA-1;2025-01-01;12,5;0,25\n", "EUR");
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ sku: "A-1", currency: "EUR", purchaseCost: "12.5000", otherCost: "0.2500" });
  });

  it("refuses the whole file when it cannot be read as the template", () => {
    expect(parseCostCsv("", "USD").problems).toEqual([{ line: null, column: null, problem: expect.stringMatching(/file is empty/) }]);
    expect(parseCostCsv(`${HEADER}\n`, "USD").problems[0]!.problem).toMatch(/header and no rows/);
    expect(parseCostCsv("sku,price\nA,1\n", "USD").problems).toEqual([{ line: 1, column: null, problem: expect.stringMatching(/header lacks valid_from, purchase_cost/) }]);
    expect(parseCostCsv(`${HEADER}\nA,2025-01-01,USD,"1,,,\n`, "USD").problems).toEqual([{ line: expect.any(Number), column: null, problem: expect.stringMatching(/never closed/) }]);
    const many = `${HEADER}\n${"A,2025-01-01,USD,1,,,\n".repeat(MAX_UPLOAD_ROWS + 1)}`;
    expect(parseCostCsv(many, "USD").problems).toEqual([{ line: null, column: null, problem: expect.stringMatching(/50,001 rows; upload at most 50,000/) }]);
  });
});
