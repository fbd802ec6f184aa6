import { describe, expect, it } from "vitest";
import { ABSENT, FALSE, FlatJsonArrayScanner, NULL, NUMBER, STRING, TRUE, type FlatRow } from "./json-array";

const KIND = { [ABSENT]: "absent", [STRING]: "string", [NUMBER]: "number", [TRUE]: "true", [FALSE]: "false", [NULL]: "null" } as Record<number, string>;

/** Scans `chunks` and returns every row as { field: [kind, exact text] } (absent fields left out). */
function scan(fields: string[], chunks: (string | Buffer)[]) {
  const rows: Record<string, [string, string, boolean?]>[] = [];
  const scanner = new FlatJsonArrayScanner(fields, (row: FlatRow) => {
    const out: Record<string, [string, string, boolean?]> = {};
    fields.forEach((f, i) => {
      if (row.kind[i] === ABSENT) return;
      // A literal's kind is its value; only strings and numbers point at bytes.
      const text = row.kind[i] === STRING || row.kind[i] === NUMBER ? row.src[i]!.toString("utf8", row.start[i], row.end[i]) : "";
      out[f] = row.special[i] ? [KIND[row.kind[i]!]!, text, true] : [KIND[row.kind[i]!]!, text];
    });
    rows.push(out);
  });
  for (const c of chunks) scanner.write(typeof c === "string" ? Buffer.from(c) : c);
  expect(scanner.end()).toBe(rows.length);
  return rows;
}

/** Every way of cutting the bytes in two, and one byte at a time. */
function cuts(text: string): Buffer[][] {
  const b = Buffer.from(text);
  const ways: Buffer[][] = [];
  for (let i = 1; i < b.length; i++) ways.push([b.subarray(0, i), b.subarray(i)]);
  ways.push([...b].map((byte) => Buffer.from([byte])));
  return ways;
}

const REPORT = ` [ {"date":"2026-06-01","cost":1e-7,"sales":-0.50,"name":"Tente \\"2 places\\" \\u00e9t\\u00e9 \\ud83c\\udfd5 a\\\\b\\/c",
  "id" : 12345678901234567890 , "on":true,"off":false,"none":null,"extra":"ignored"} ,
  {"name":"tab\\there","date":"2026-06-02","cost":0,"sales":123456789.1234E+2, "id":"007"}
]  `;
const FIELDS = ["date", "cost", "sales", "name", "id", "on", "off", "none"];
const EXPECTED = [
  {
    date: ["string", "2026-06-01"],
    cost: ["number", "1e-7"],
    sales: ["number", "-0.50"],
    name: ["string", 'Tente "2 places" été 🏕 a\\b/c', true],
    id: ["number", "12345678901234567890"],
    on: ["true", ""],
    off: ["false", ""],
    none: ["null", ""],
  },
  { name: ["string", "tab\there", true], date: ["string", "2026-06-02"], cost: ["number", "0"], sales: ["number", "123456789.1234E+2"], id: ["string", "007"] },
];

describe("scanning Amazon's JSON arrays of flat objects", () => {
  it("reads strings (escapes, unicode, surrogate pairs), numbers as their exact text, literals, whitespace anywhere", () => {
    expect(scan(FIELDS, [REPORT])).toEqual(EXPECTED);
  });

  it("gives the same rows wherever the input is cut, even inside every token", () => {
    for (const chunks of cuts(REPORT)) expect(scan(FIELDS, chunks)).toEqual(EXPECTED);
  });

  it("reads an empty array, a lone surrogate as U+FFFD, rows whose keys come in another order, a repeated key's last value", () => {
    expect(scan(["a"], ["[\n]"])).toEqual([]);
    expect(scan(["a"], ['[{"a":"x\\ud800y"}]'])).toEqual([{ a: ["string", "x\uFFFDy"] }]);
    expect(scan(["a"], ['[{"a":"\\ud800\\n\\udc00"}]'])).toEqual([{ a: ["string", "\uFFFD\n\uFFFD", true] }]);
    // A raw control character is not JSON, but Amazon's writers never emit one; it is kept (and flagged).
    expect(scan(["a"], ['[{"a":"x\ty"}]'])).toEqual([{ a: ["string", "x\ty", true] }]);
    for (const chunks of cuts('[{"a":"\\ud800"}]')) expect(scan(["a"], chunks)).toEqual([{ a: ["string", "\uFFFD"] }]);
    expect(scan(["a", "b"], ['[{"a":1,"b":2},{"b":3,"a":4},{"c":5},{"a":6,"a":7}]'])).toEqual([
      { a: ["number", "1"], b: ["number", "2"] },
      { a: ["number", "4"], b: ["number", "3"] },
      {},
      { a: ["number", "7"] },
    ]);
  });

  it("keeps a multibyte character split across chunks, and refuses bytes that are not UTF-8", () => {
    const text = Buffer.from('[{"a":"Café ☕ 東京"}]');
    for (let i = 1; i < text.length; i++) expect(scan(["a"], [text.subarray(0, i), text.subarray(i)])).toEqual([{ a: ["string", "Café ☕ 東京"] }]);
    expect(() => scan(["a"], [Buffer.from([0x5b, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x5d])])).toThrow(/not UTF-8/);
    expect(() => scan(["a"], [Buffer.from([0x5b, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3])])).toThrow(/not UTF-8|cut short/);
  });

  it("says plainly when the file was cut short, wherever that happened", () => {
    const full = '[{"a":"x\\"y","b":-1.5e3,"c":null},{"a":"z"}]';
    for (let i = 0; i < full.length; i++) expect(() => scan(["a", "b", "c"], [full.slice(0, i)]), full.slice(0, i)).toThrow(/cut short/);
    expect(() => scan(["a"], [])).toThrow(/cut short/);
  });

  it("refuses what is not an array of flat objects, naming the place", () => {
    const bad: [string, RegExp][] = [
      ['{"a":1}', /no opening \[/],
      ["[1]", /a row that is not an object/],
      ['[{"a":{"b":1}}]', /nested value/],
      ['[{"a":[1]}]', /nested value/],
      ['[{"a":01}]', /expected , or \}/],
      ['[{"a":1.}]', /malformed number/],
      ['[{"a":-}]', /malformed number/],
      ['[{"a":1e}]', /malformed number/],
      ['[{"a":"\\x"}]', /unknown escape/],
      ['[{"a":"\\u12G4"}]', /bad \\u escape/],
      ['[{"a":tru}]', /unknown literal/],
      ['[{"a" 1}]', /expected :/],
      ['[{a:1}]', /expected a field name/],
      ['[{"a":1,}]', /expected a field name/],
      ['[{"a":1},]', /comma before the closing \]/],
      ['[{"a":1} {"a":2}]', /expected , or \] after a row/],
      ['[{"a":1}] x', /more data after the closing \]/],
    ];
    for (const [text, message] of bad) expect(() => scan(["a"], [text]), text).toThrow(message);
    expect(() => scan(["a"], ['[{"a":1},{"a":2}, 7]'])).toThrow(/at byte 18 \(row 3\)/);
  });
});
