import { describe, expect, it } from "vitest";
import { backfillProgress } from "./backfill-progress";

describe("backfill progress", () => {
  it("counts short backfills in days and a year in whole months, never claiming a month early", () => {
    expect(backfillProgress(41, 60)).toEqual({ done: 41, total: 60, unit: "days" });
    expect(backfillProgress(0, 363)).toEqual({ done: 0, total: 12, unit: "months" });
    expect(backfillProgress(29, 363)).toEqual({ done: 0, total: 12, unit: "months" });
    expect(backfillProgress(31, 363)).toEqual({ done: 1, total: 12, unit: "months" });
    expect(backfillProgress(362, 363)).toEqual({ done: 11, total: 12, unit: "months" });
    expect(backfillProgress(363, 363)).toEqual({ done: 12, total: 12, unit: "months" });
    expect(backfillProgress(200, 548)).toEqual({ done: 6, total: 18, unit: "months" });
  });
});
