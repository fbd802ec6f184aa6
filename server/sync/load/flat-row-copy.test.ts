import { describe, expect, it } from "vitest";
import { CopyTextBuffer, isAmount, isDay, isWholeNumber } from "./copy-text";
import { flatRowEncoder, type FlatColumn, type RowProblem } from "./flat-row-copy";
import { FlatJsonArrayScanner } from "./json-array";

/** Encodes every row of a JSON report; returns the COPY text, or the first row's problem. */
function encode(columns: FlatColumn[], json: string, options: Parameters<typeof flatRowEncoder>[1] = {}): string | RowProblem {
  const encoder = flatRowEncoder(columns, options);
  const out = new CopyTextBuffer(16);
  let problem: RowProblem | null = null;
  const scanner = new FlatJsonArrayScanner(encoder.fields, (row) => {
    problem ??= encoder.encode(row, out);
  });
  scanner.write(Buffer.from(json));
  scanner.end();
  return problem ?? out.take().toString("utf8");
}

const bytes = (s: string): [Buffer, number, number] => [Buffer.from(s), 0, Buffer.byteLength(s)];

describe("report rows → COPY lines with compiled checks", () => {
  it("writes constants, values as exact text, COPY escapes, NULL and empty text", () => {
    const columns: FlatColumn[] = [
      { constant: "org\t1" },
      { field: "day", check: "day" },
      { field: "id", check: "id" },
      { field: "name", check: "text" },
      { field: "match", check: "optionalText" },
      { field: "cost", check: "amount" },
      { field: "clicks", check: "whole" },
      { constant: null },
    ];
    const json = `[{"day":"2026-06-01","id":12,"name":"a\\\\b\\tc\\nd\\re","match":null,"cost":1e-7,"clicks":"7"},
      {"day":"2026-06-02","id":"x","cost":-0.50,"clicks":0,"match":"BROAD","name":"Café"}]`;
    expect(encode(columns, json)).toBe(
      "org\\t1\t2026-06-01\t12\ta\\\\b\\tc\\nd\\re\t\\N\t1e-7\t7\t\\N\n" + "org\\t1\t2026-06-02\tx\tCafé\tBROAD\t-0.50\t0\t\\N\n",
    );
  });

  it("refuses a missing or wrong-typed value with the field and what was expected", () => {
    const cases: [FlatColumn, string, RowProblem | string][] = [
      [{ field: "n", check: "whole" }, '{"n":"12"}', "12\n"],
      [{ field: "n", check: "whole" }, "{}", { field: "n", expected: "a whole number" }],
      [{ field: "n", check: "whole" }, '{"n":true}', { field: "n", expected: "a whole number" }],
      [{ field: "n", check: "whole" }, '{"n":-1}', { field: "n", expected: "a whole number" }],
      [{ field: "n", check: "whole" }, '{"n":"lots"}', { field: "n", expected: "a whole number" }],
      [{ field: "n", check: "amount" }, '{"n":"1,5"}', { field: "n", expected: "an amount" }],
      [{ field: "n", check: "amount" }, '{"n":null}', { field: "n", expected: "an amount" }],
      [{ field: "n", check: "id" }, '{"n":""}', { field: "n", expected: "an id" }],
      [{ field: "n", check: "id" }, '{"n":false}', { field: "n", expected: "an id" }],
      [{ field: "n", check: "text" }, '{"n":5}', { field: "n", expected: "text" }],
      [{ field: "n", check: "optionalText" }, '{"n":5}', { field: "n", expected: "text or null" }],
      [{ field: "n", check: "nonEmptyText" }, '{"n":""}', { field: "n", expected: "non-empty text" }],
      [{ field: "n", check: "day" }, '{"n":"2026-6-1"}', { field: "n", expected: "a YYYY-MM-DD date" }],
      [{ field: "n", check: "text" }, '{"n":"a\\u0000b"}', { field: "n", expected: "text without NUL characters" }],
    ];
    for (const [column, row, expected] of cases) expect(encode([column], `[${row}]`), row).toEqual(expected);
  });

  it("names the first problem in check order, and refuses a day outside the window once the row is valid", () => {
    const columns: FlatColumn[] = [
      { field: "date", check: "day" },
      { field: "id", check: "id" },
      { field: "clicks", check: "whole" },
    ];
    const options = { checkOrder: ["clicks", "date", "id"], within: { field: "date", start: "2026-06-01", end: "2026-06-02" } };
    expect(encode(columns, '[{"date":"x","clicks":"y"}]', options)).toEqual({ field: "clicks", expected: "a whole number" });
    expect(encode(columns, '[{"date":"x","clicks":1}]', options)).toEqual({ field: "date", expected: "a YYYY-MM-DD date" });
    expect(encode(columns, '[{"date":"2026-06-03","id":1,"clicks":1}]', options)).toEqual({ field: "date", outside: "2026-06-03" });
    expect(encode(columns, '[{"date":"2026-05-31","id":1,"clicks":1}]', options)).toEqual({ field: "date", outside: "2026-05-31" });
    expect(encode(columns, '[{"date":"2026-06-02","id":1,"clicks":1}]', options)).toBe("2026-06-02\t1\t1\n");
  });

  it("checks numbers byte by byte like the rules' regular expressions", () => {
    for (const s of ["0", "12", "0012"]) expect(isWholeNumber(...bytes(s)), s).toBe(true);
    for (const s of ["", "-1", "1.0", "1e3", " 1"]) expect(isWholeNumber(...bytes(s)), s).toBe(false);
    for (const s of ["0", "-0.50", "1e-7", "1E7", "123456789.1234", "-3.5e-2"]) expect(isAmount(...bytes(s)), s).toBe(true);
    for (const s of ["", "-", ".5", "1.", "1e", "1e+5", "1,5", "--1", "1.2.3"]) expect(isAmount(...bytes(s)), s).toBe(false);
    expect(isDay(...bytes("2026-06-01"))).toBe(true);
    for (const s of ["2026-6-01", "2026-06-011", "2026/06/01", "20260601xx"]) expect(isDay(...bytes(s)), s).toBe(false);
  });
});
