import { describe, expect, it } from "vitest";
import { historySpanDays, MAX_SPAN_DAYS, ORDERS_PER_REPORT } from "./span";

describe("the historical orders span", () => {
  it("shrinks as the order volume grows, within Amazon's 30 days (29 local days, whatever the clocks do) and at least a day", () => {
    expect(historySpanDays(0)).toBe(MAX_SPAN_DAYS);
    expect(historySpanDays(Number.NaN)).toBe(MAX_SPAN_DAYS);
    expect(MAX_SPAN_DAYS).toBe(29);
    expect(historySpanDays(8)).toBe(29);
    expect(historySpanDays(120)).toBe(29);
    expect(historySpanDays(2150)).toBe(6);
    expect(historySpanDays(ORDERS_PER_REPORT)).toBe(1);
    expect(historySpanDays(10 * ORDERS_PER_REPORT)).toBe(1);
    const volumes = [1, 10, 100, 500, 1000, 2000, 5000, 20000];
    const spans = volumes.map(historySpanDays);
    for (let i = 1; i < spans.length; i++) expect(spans[i]).toBeLessThanOrEqual(spans[i - 1]!);
  });
});
