import { describe, expect, it } from "vitest";
import { orderColumns, orderLine } from "./lines";

const HEADER = ["amazon-order-id", "purchase-date", "last-updated-date", "order-status", "sku", "asin", "quantity", "currency", "item-price"];

describe("the orders report's lines", () => {
  it("refuses a document that is not the report, quoting its first line", () => {
    expect(() => orderColumns(["Date range exceeded. Report can be requested only upto 30 days"])).toThrow(
      'The orders report has no amazon-order-id, purchase-date, last-updated-date, order-status, sku, quantity column (its first line reads "Date range exceeded. Report can be requested only upto 30 days"); the report was not loaded.',
    );
  });

  it("reads a line by the header's names, whatever the columns' order, and refuses a bad value with its row", () => {
    const columns = orderColumns([...HEADER].reverse());
    const fields = ["12.50", "USD", "2", "B0X", "SKU-1", "Shipped", "2026-05-02T10:00:00+00:00", "2026-05-01T09:00:00+00:00", "111-1"];
    const row = orderLine(fields, columns, 7);
    expect(row.slice(0, 5)).toEqual([7, "111-1", "2026-05-01T09:00:00+00:00", "2026-05-02T10:00:00+00:00", "Shipped"]);
    expect(row).toContain("12.50");
    expect(() => orderLine(fields.map((f) => (f === "2" ? "two" : f)), columns, 8)).toThrow(
      'Row 8 of the orders report is malformed (quantity: expected a whole number, got "two"); the report was not loaded.',
    );
  });
});
