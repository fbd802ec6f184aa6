import { describe, expect, it } from "vitest";
import { followUpBatches } from "./paged-api-task";

describe("follow-up batches", () => {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it("cut what the pages named into batches in order, as before, when there is one kind", () => {
    expect(followUpBatches(ids("o", 5), 2)).toEqual([["o0", "o1"], ["o2", "o3"], ["o4"]]);
    expect(followUpBatches([], 20)).toEqual([]);
  });

  it("keep each kind to batches of its own (no call wasted on a half batch of each) and take the kinds in turn", () => {
    const kindOf = (id: string) => id[0]!;
    // 25 ASINs and 45 SKUs: 2 + 3 batches, the least their counts allow, alternating while both last.
    const batches = followUpBatches([...ids("a", 25), ...ids("s", 45)], 20, kindOf);
    expect(batches.map((b) => `${b[0]![0]}${b.length}`)).toEqual(["a20", "s20", "a5", "s20", "s5"]);
    expect(batches.every((b) => new Set(b.map(kindOf)).size === 1)).toBe(true);
    expect(batches.flat().sort()).toEqual([...ids("a", 25), ...ids("s", 45)].sort());
  });
});
