import { describe, expect, it } from "vitest";
import { TsvLineReader } from "./tsv-lines";

function read(pieces: string[]) {
  const rows: string[][] = [];
  const reader = new TsvLineReader((fields) => rows.push(fields));
  for (const p of pieces) reader.write(p);
  reader.end();
  return { header: reader.header, rows };
}

const FILE = '\uFEFFsku\ttitle\tamount\r\nA-1\t"Big" tent, 2 "rooms"\t12.30\r\n\r\nB-2\t\t-0.01\nC-3\tCafé \\ crème\t0';

describe("reading Amazon's flat files line by line", () => {
  it("drops the BOM, splits on tabs, ends lines at LF or CRLF, skips empty lines, keeps a last line without newline", () => {
    const expected = {
      header: ["sku", "title", "amount"],
      rows: [
        ["A-1", '"Big" tent, 2 "rooms"', "12.30"],
        ["B-2", "", "-0.01"],
        ["C-3", "Café \\ crème", "0"],
      ],
    };
    expect(read([FILE])).toEqual(expected);
    // Cut anywhere (between \r and \n, right after the BOM, inside a value): the same rows.
    for (let i = 1; i < FILE.length; i++) expect(read([FILE.slice(0, i), FILE.slice(i)]), String(i)).toEqual(expected);
    expect(read([...FILE])).toEqual(expected);
  });

  it("fails on a line whose column count differs from the header's, with its line number", () => {
    expect(() => read(["sku\tqty\nA\t1\n\nB\n"])).toThrow(
      "The report file has a malformed line (line 4): it has 1 columns where the header has 2.",
    );
    expect(() => read(["sku\tqty\r\nA\t1\t\r\n"])).toThrow(/line 2\): it has 3 columns/);
  });

  it("reads an empty file and a header alone as no rows", () => {
    expect(read([])).toEqual({ header: null, rows: [] });
    expect(read(["sku\tqty\r\n"])).toEqual({ header: ["sku", "qty"], rows: [] });
  });
});
