import { describe, expect, it } from "vitest";
import { World } from "../world/world";
import { orderStatusAt, lastUpdateAt } from "../world/orders";
import { addDays } from "../util/time";
import { AdsState } from "../ads/state";

describe("world generation", () => {
  it("big volume: ≥ 2,000 orders every day and ≥ 50,000 keywords", () => {
    const w = new World({ seed: "vol", volume: "big", historyStart: "2025-01-01" });
    const s = w.sellers[0]!;
    for (const day of ["2025-01-06", "2025-03-04", "2025-07-15", "2025-11-28"]) {
      let n = 0;
      for (const mp of w.marketplaces(s)) n += w.ordersOnDay(s, mp, day).length;
      expect(n, day).toBeGreaterThanOrEqual(2000);
    }
    const ads = new AdsState(w, () => Date.parse("2025-06-01T00:00:00Z"));
    expect(ads.list(ads.allProfiles()[0]!, "keyword").size).toBeGreaterThanOrEqual(50000);
  });

  it("is deterministic and lazy: a day does not depend on its history", () => {
    const a = new World({ seed: "s", volume: "small", historyStart: "2025-01-01" });
    const b = new World({ seed: "s", volume: "small", historyStart: "2025-01-01" });
    const s = a.sellers[0]!;
    const mp = a.marketplaces(s)[0]!;
    // b generates the day cold, a after other days.
    for (let d = "2025-02-01"; d < "2025-02-10"; d = addDays(d, 1)) a.ordersOnDay(s, mp, d);
    const ids = (w: World) => w.ordersOnDay(w.sellers[0]!, mp, "2025-02-20").map((o) => `${o.amazonOrderId}:${o.lines.map((l) => l.product.sku + "x" + String(l.quantity)).join(",")}`);
    expect(ids(a)).toEqual(ids(b));
    const ordersIds = new Set<string>();
    for (let d = "2025-02-01"; d < "2025-03-01"; d = addDays(d, 1)) for (const o of a.ordersOnDay(s, mp, d)) ordersIds.add(o.amazonOrderId);
    let total = 0;
    for (let d = "2025-02-01"; d < "2025-03-01"; d = addDays(d, 1)) total += a.ordersOnDay(s, mp, d).length;
    expect(ordersIds.size).toBe(total);
  });

  it("orders move Pending → Unshipped/Shipped; some are cancelled; refunds exist; many have several items", () => {
    const w = new World({ seed: "s", volume: "small", historyStart: "2025-01-01" });
    const s = w.sellers[0]!;
    const mp = w.marketplaces(s)[0]!;
    const orders = w.ordersOnDay(s, mp, "2025-03-03");
    const o = orders.find((x) => x.shipMs !== undefined)!;
    expect(orderStatusAt(o, o.purchaseMs)).toBe("Pending");
    expect(orderStatusAt(o, o.shipMs! + 1)).toBe("Shipped");
    expect(lastUpdateAt(o, o.shipMs! + 1)).toBe(o.shipMs);
    const month: typeof orders = [];
    for (let d = "2025-03-01"; d < "2025-04-01"; d = addDays(d, 1)) month.push(...w.ordersOnDay(s, mp, d));
    expect(month.some((x) => x.cancelMs !== undefined)).toBe(true);
    expect(month.some((x) => x.refund !== undefined)).toBe(true);
    expect(month.filter((x) => x.lines.length > 1).length).toBeGreaterThan(month.length * 0.15);
    const parent = w.catalog(s).find((p) => p.isParent)!;
    expect(w.catalog(s).filter((p) => p.parentAsin === parent.asin).length).toBeGreaterThan(1);
  });
});
