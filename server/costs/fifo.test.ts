import { describe, expect, it } from "vitest";
import { fifoUnitCosts, type CostBatch } from "./fifo";
import { periodCostOn } from "./periods";

const batch = (b: Partial<CostBatch> & Pick<CostBatch, "batch" | "receivedOn" | "units" | "purchaseCost">): CostBatch => ({
  currency: "USD",
  inboundShippingCost: "0.0000",
  otherCost: "0.0000",
  ...b,
});

const period = (validFrom: string, purchaseCost: string) => ({ validFrom, currency: "USD", purchaseCost, inboundShippingCost: "0.5000", otherCost: "0.0000" });

describe("periodCostOn: the cost of a unit sold on a day", () => {
  const periods = [period("2025-06-01", "4.0000"), period("2025-01-01", "3.0000"), period("2025-09-15", "5.0000")];

  it("is the period with the latest start on or before the day", () => {
    expect(periodCostOn(periods, "2025-01-01")?.validFrom).toBe("2025-01-01");
    expect(periodCostOn(periods, "2025-05-31")?.validFrom).toBe("2025-01-01");
    expect(periodCostOn(periods, "2025-06-01")).toEqual({ ...period("2025-06-01", "4.0000"), total: "4.5000" });
    expect(periodCostOn(periods, "2026-02-01")?.validFrom).toBe("2025-09-15");
  });

  it("reaches back before the first period, and is null without any", () => {
    expect(periodCostOn(periods, "2019-12-31")?.validFrom).toBe("2025-01-01");
    expect(periodCostOn([], "2025-01-01")).toBeNull();
  });
});

describe("fifoUnitCosts", () => {
  const batches = [
    // Given out of order: FIFO goes by the day received, then by label.
    batch({ batch: "FBA-B", receivedOn: "2025-02-01", units: 3, purchaseCost: "2.0000", inboundShippingCost: "0.3333" }),
    batch({ batch: "FBA-A", receivedOn: "2025-01-10", units: 2, purchaseCost: "1.5000", otherCost: "0.0001" }),
  ];

  it("consumes batches oldest received first, splitting a sale across them, with exact totals", () => {
    const [first, second, third] = fifoUnitCosts(batches, [
      { units: 1, day: "2025-03-01" },
      { units: 3, day: "2025-03-02" },
      { units: 1, day: "2025-03-03" },
    ]);
    expect(first).toEqual({
      units: 1,
      portions: [{ source: "batch", from: "FBA-A", units: 1, currency: "USD", unitCost: "1.5001", cost: "1.5001" }],
      costs: [{ currency: "USD", amount: "1.5001" }],
      missingUnits: 0,
    });
    expect(second!.portions).toEqual([
      { source: "batch", from: "FBA-A", units: 1, currency: "USD", unitCost: "1.5001", cost: "1.5001" },
      { source: "batch", from: "FBA-B", units: 2, currency: "USD", unitCost: "2.3333", cost: "4.6666" },
    ]);
    expect(second!.costs).toEqual([{ currency: "USD", amount: "6.1667" }]);
    expect(third!.costs).toEqual([{ currency: "USD", amount: "2.3333" }]);
  });

  it("falls back to the period cost of the sale's day once the batches run out, or marks the units missing", () => {
    const periods = [period("2025-01-01", "9.0000")];
    const [sale] = fifoUnitCosts(batches, [{ units: 7, day: "2025-03-01" }], periods);
    expect(sale!.portions.map((p) => [p.source, p.from, p.units, p.cost])).toEqual([
      ["batch", "FBA-A", 2, "3.0002"],
      ["batch", "FBA-B", 3, "6.9999"],
      ["period", "2025-01-01", 2, "19.0000"],
    ]);
    expect(sale!.costs).toEqual([{ currency: "USD", amount: "29.0001" }]);
    const [unknown] = fifoUnitCosts([], [{ units: 2, day: "2025-03-01" }]);
    expect(unknown).toEqual({ units: 2, portions: [{ source: "missing", from: null, units: 2, currency: null, unitCost: null, cost: null }], costs: [], missingUnits: 2 });
  });

  it("never takes a unit from a batch received after the sale", () => {
    const [early, late] = fifoUnitCosts(batches, [{ units: 1, day: "2025-01-05" }, { units: 1, day: "2025-01-10" }], [period("2024-01-01", "1.0000")]);
    expect(early!.portions).toEqual([{ source: "period", from: "2024-01-01", units: 1, currency: "USD", unitCost: "1.5000", cost: "1.5000" }]);
    expect(late!.portions[0]).toMatchObject({ source: "batch", from: "FBA-A" });
  });

  it("keeps currencies apart and leaves the batches given untouched", () => {
    const mixed = [batch({ batch: "EU-1", receivedOn: "2025-01-01", units: 1, purchaseCost: "2.0000", currency: "EUR" })];
    const [sale] = fifoUnitCosts(mixed, [{ units: 2, day: "2025-02-01" }], [period("2025-01-01", "1.0000")]);
    expect(sale!.costs).toEqual([
      { currency: "EUR", amount: "2.0000" },
      { currency: "USD", amount: "1.5000" },
    ]);
    expect(mixed[0]!.units).toBe(1);
  });

  it("refuses a sale of a fractional or negative number of units", () => {
    expect(() => fifoUnitCosts(batches, [{ units: 1.5, day: "2025-03-01" }])).toThrow(/whole number/);
    expect(() => fifoUnitCosts(batches, [{ units: -1, day: "2025-03-01" }])).toThrow(/whole number/);
  });
});
