import { describe, expect, it } from "vitest";
import { tieOut, type TieOutFacts } from "./tie-out";

const at = (hhmm: string) => new Date(`2026-12-06T${hhmm}:00Z`);
const facts = (overrides: Partial<TieOutFacts>): TieOutFacts => ({
  orderGap: 0,
  unitGap: 0,
  salesGapSign: 0,
  amazonFetchedAt: at("12:00"),
  oursSyncedAt: at("12:00"),
  pendingOrders: 0,
  itemsPendingOrders: 0,
  cancelledAfterFetch: 0,
  placedAfterFetch: 0,
  oppositeNeighbourGap: false,
  ...overrides,
});
const kinds = (f: Partial<TieOutFacts>) => tieOut(facts(f)).reasons.map((r) => r.kind);

describe("tie-out of a marketplace day", () => {
  it("equal figures match, with nothing to explain", () => {
    expect(tieOut(facts({}))).toEqual({ status: "matches", reasons: [] });
  });

  it("a day our order syncs have not reached is said to be not synchronized, nothing else", () => {
    expect(tieOut(facts({ orderGap: 12, unitGap: 15, salesGapSign: 1, oursSyncedAt: null, pendingOrders: 2 }))).toMatchObject({ status: "explained", reasons: [{ kind: "not-synced" }] });
  });

  it("pending orders explain a sales gap (Amazon counts their value), not an order gap", () => {
    expect(kinds({ salesGapSign: 1, pendingOrders: 2 })).toEqual(["pending"]);
    expect(tieOut(facts({ salesGapSign: 1, pendingOrders: 1 })).reasons[0]!.text).toMatch(/^1 order pending/);
    // More orders on Amazon's side are not explained by our pending ones (they are counted on both sides).
    expect(tieOut(facts({ orderGap: 1, pendingOrders: 3 })).status).toBe("unexplained");
  });

  it("timing: our sync before Amazon's fetch, orders placed after it, cancellations after it", () => {
    expect(kinds({ orderGap: 2, unitGap: 2, salesGapSign: 1, oursSyncedAt: at("11:00") })).toEqual(["ours-behind"]);
    expect(kinds({ orderGap: -1, unitGap: -1, salesGapSign: -1, placedAfterFetch: 1 })).toEqual(["placed-after-fetch"]);
    expect(kinds({ orderGap: 1, unitGap: 1, salesGapSign: 1, cancelledAfterFetch: 1 })).toEqual(["cancelled-after-fetch"]);
    // A cancellation cannot explain our side being higher.
    expect(tieOut(facts({ orderGap: -1, cancelledAfterFetch: 1 })).status).toBe("unexplained");
  });

  it("orders whose items are still loading explain missing units and sales", () => {
    expect(kinds({ unitGap: 3, salesGapSign: 1, itemsPendingOrders: 1 })).toEqual(["items-pending"]);
    expect(kinds({ unitGap: 3, salesGapSign: 1, itemsPendingOrders: 1, pendingOrders: 1 })).toEqual(["pending", "items-pending"]);
  });

  it("an opposite gap on the neighbouring day reads as a day boundary, only when nothing else explains it", () => {
    expect(kinds({ orderGap: 1, unitGap: 1, salesGapSign: 1, oppositeNeighbourGap: true })).toEqual(["day-boundary"]);
    expect(kinds({ orderGap: 1, unitGap: 1, salesGapSign: 1, oppositeNeighbourGap: true, cancelledAfterFetch: 1 })).toEqual(["cancelled-after-fetch"]);
  });

  it("a gap no fact explains is said to be unexplained", () => {
    expect(tieOut(facts({ orderGap: 1, unitGap: 1, salesGapSign: 1 }))).toEqual({ status: "unexplained", reasons: [] });
  });
});
