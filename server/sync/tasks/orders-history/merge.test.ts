import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore } from "~/test/factories";
import type { CopyValue } from "../../replace-days";
import { sumAmounts } from "./amounts";
import { STAGING_COLUMNS } from "./lines";
import { mergeOrderHistory } from "./merge";

/*
 * A report's orders that are not stored yet are COPY'd as built in memory (fresh.ts); stored ones are
 * merged in SQL (merge.ts). Both must write the very same rows, and an order the incremental sync stores
 * while a report loads must not make the load fail or lose the rest.
 */

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

type Line = Partial<Record<(typeof STAGING_COLUMNS)[number], string | null>>;
const line = (n: number, values: Line): CopyValue[] => {
  const base: Line = {
    purchase_date: "2025-03-09T09:30:00+00:00", last_update_date: "2025-03-10T12:00:00+00:00", status: "Shipped", fulfillment_channel: "Amazon",
    sales_channel: "Amazon.com", sku: "SKU-A", asin: "B000000001", title: "Kettle", item_status: "Shipped", quantity: "1", currency: "USD",
    item_price: "19.99", item_tax: "1.60", shipping_price: null, shipping_tax: null, gift_wrap_price: null, gift_wrap_tax: null,
    item_promotion_discount: null, ship_promotion_discount: null, is_business_order: "false",
  };
  const all = { ...base, ...values };
  return STAGING_COLUMNS.map((c) => (c === "line" ? n : (all[c] ?? null)));
};

/** Every kind of line the file holds: several lines and a repeated SKU, every status, discounts, odd scales, local midnight across DST. */
const LINES: CopyValue[][] = [
  line(1, { amazon_order_id: "111-0000001-0000001" }),
  line(2, { amazon_order_id: "111-0000002-0000002", sku: "SKU-B", quantity: "2", item_price: "40.00", item_promotion_discount: "-5.00", shipping_price: "4.99", ship_promotion_discount: "-4.99" }),
  line(3, { amazon_order_id: "111-0000002-0000002", sku: "SKU-B", quantity: "1", item_price: "20.00", item_status: "Unshipped", last_update_date: "2025-03-11T01:00:00+00:00" }),
  line(4, { amazon_order_id: "111-0000002-0000002", sku: "SKU-C", asin: null, title: "Tea, \"green\"\tloose", item_price: "3.3333", item_tax: "0.26667" }),
  line(5, { amazon_order_id: "111-0000003-0000003", status: "Pending", item_status: null, item_price: null, item_tax: null, currency: null }),
  line(6, { amazon_order_id: "111-0000004-0000004", status: "Cancelled", item_status: "Cancelled", fulfillment_channel: "Merchant" }),
  line(7, { amazon_order_id: "111-0000005-0000005", status: "Shipping", item_status: "Unshipped", purchase_date: "2025-03-09T07:59:59+00:00" }),
  line(8, { amazon_order_id: "111-0000006-0000006", purchase_date: "2025-03-09T08:00:00+00:00", gift_wrap_price: "2.50", gift_wrap_tax: "0.20", is_business_order: "true" }),
  line(9, { amazon_order_id: "111-0000007-0000007", purchase_date: "2025-11-02T07:30:00+00:00", fulfillment_channel: null, sales_channel: null }),
];

async function scope() {
  const m = await createMemberOf(t.db, "owner");
  const store = await createStore(t.db, m.organizationId);
  return { organizationId: m.organizationId, scopeId: store.marketplace.id, timeZone: "America/Los_Angeles", placedBefore: "2026-01-01T00:00:00Z" };
}
const feedOf = (lines: CopyValue[][]) => async (push: (rows: CopyValue[][]) => Promise<void>) => {
  await push(lines.slice(0, 4));
  await push(lines.slice(4));
};
/** The scope's orders and items, without what differs by scope or by run. */
async function stored(scopeId: string) {
  const orders = await t.sql`select amazon_order_id, purchase_date, purchase_day, last_update_date, status, fulfillment_channel, sales_channel, order_total,
      currency_code, number_of_items_shipped, number_of_items_unshipped, is_business_order, items_synced_for
    from orders where store_marketplace_id = ${scopeId} order by amazon_order_id`;
  const items = await t.sql`select amazon_order_id, order_item_id, asin, seller_sku, title, quantity_ordered, quantity_shipped, item_price, item_tax,
      shipping_price, promotion_discount, currency_code from order_items where store_marketplace_id = ${scopeId} order by amazon_order_id, order_item_id`;
  return { orders: orders.map((r) => ({ ...r })), items: items.map((r) => ({ ...r })) };
}
/** An older version of an order, as the incremental sync could have stored it. */
const olderVersion = (s: Awaited<ReturnType<typeof scope>>, id: string) =>
  [s.organizationId, s.scopeId, id, "2025-03-09T09:30:00Z", "2025-03-09", "2025-03-09T10:00:00Z", "Pending", new Date().toISOString()] as const;
const INSERT_OLDER = `insert into orders (organization_id, store_marketplace_id, amazon_order_id, purchase_date, purchase_day, last_update_date, status, synced_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8)`;

describe("merging a report of historical orders", () => {
  it("writes the same orders and items whether none or all of them are stored", async () => {
    const fresh = await scope();
    const written = await mergeOrderHistory(t.sql, fresh, feedOf(LINES));
    expect(written).toEqual({ lines: 9, orders: 7, items: 9 });

    const known = await scope();
    for (const id of new Set(LINES.map((l) => l[1] as string))) await t.sql.unsafe(INSERT_OLDER, [...olderVersion(known, id)]);
    expect(await mergeOrderHistory(t.sql, known, feedOf(LINES))).toEqual({ lines: 9, orders: 7, items: 9 });

    const a = await stored(fresh.scopeId);
    expect(a).toEqual(await stored(known.scopeId));
    const byId = new Map(a.orders.map((o) => [o.amazon_order_id as string, o]));
    // 40 + 1.60 + 4.99 − 5 − 4.99, 20 + 1.60, 3.3333 + 0.26667: 61.79997, rounded to the column's 4 places.
    expect(byId.get("111-0000002-0000002")).toMatchObject({ order_total: "61.8000", number_of_items_shipped: 3, number_of_items_unshipped: 1, purchase_day: "2025-03-09" });
    expect(byId.get("111-0000003-0000003")).toMatchObject({ status: "Pending", order_total: null, currency_code: null });
    expect(byId.get("111-0000004-0000004")).toMatchObject({ status: "Canceled", order_total: null, fulfillment_channel: "MFN", number_of_items_unshipped: 0 });
    expect(byId.get("111-0000005-0000005")).toMatchObject({ status: "Unshipped", purchase_day: "2025-03-08" });
    expect(byId.get("111-0000006-0000006")).toMatchObject({ purchase_day: "2025-03-09", order_total: "24.2900", is_business_order: "true" });
    expect(byId.get("111-0000007-0000007")).toMatchObject({ purchase_day: "2025-11-02", fulfillment_channel: null });
    expect(a.items.filter((i) => i.amazon_order_id === "111-0000002-0000002").map((i) => [i.order_item_id, i.asin, i.promotion_discount])).toEqual([
      ["flat:SKU-B", "B000000001", "5.0000"],
      ["flat:SKU-B:2", "B000000001", null],
      ["flat:SKU-C", "", null],
    ]);

    // Once stored, the same report changes nothing.
    expect(await mergeOrderHistory(t.sql, fresh, feedOf(LINES))).toEqual({ lines: 9, orders: 0, items: 0 });
    expect(await stored(fresh.scopeId)).toEqual(a);
  });

  it("merges the whole report when the incremental sync stores one of its orders while it loads", { timeout: 60_000 }, async () => {
    const expected = await scope();
    await mergeOrderHistory(t.sql, expected, feedOf(LINES));
    const racing = await scope();
    const other = postgres(t.url, { max: 1, onnotice: () => {} });
    try {
      // The incremental sync's transaction holds an older version of one order, not yet committed: the
      // load cannot see it, and its COPY waits on the key until that transaction commits.
      let commit!: () => void;
      let inserted!: () => void;
      const insertedOne = new Promise<void>((r) => (inserted = r));
      const incremental = other.begin(async (tx) => {
        await tx.unsafe(INSERT_OLDER, [...olderVersion(racing, "111-0000006-0000006")]);
        inserted();
        await new Promise<void>((r) => (commit = r));
      });
      await insertedOne;
      const loading = mergeOrderHistory(t.sql, racing, feedOf(LINES));
      for (let waited = 0; ; waited += 50) {
        const [{ n }] = (await t.sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'copy orders%'`) as unknown as [{ n: number }];
        if (n > 0) break;
        if (waited > 30_000) throw new Error("the load's COPY never waited on the uncommitted order");
        await new Promise((r) => setTimeout(r, 50));
      }
      commit();
      await incremental;
      expect(await loading).toEqual({ lines: 9, orders: 7, items: 9 });
      expect(await stored(racing.scopeId)).toEqual(await stored(expected.scopeId));
    } finally {
      await other.end();
    }
  });

  it("merges the whole report when a stored order is not under the local day the report gives it", async () => {
    const expected = await scope();
    await mergeOrderHistory(t.sql, expected, feedOf(LINES));
    const elsewhere = await scope();
    const [org, mp, id, purchase, , updated, status, synced] = olderVersion(elsewhere, "111-0000001-0000001");
    await t.sql.unsafe(INSERT_OLDER, [org, mp, id, purchase, "2024-01-01", updated, status, synced]);
    expect(await mergeOrderHistory(t.sql, elsewhere, feedOf(LINES))).toEqual({ lines: 9, orders: 7, items: 9 });
    expect(await stored(elsewhere.scopeId)).toEqual(await stored(expected.scopeId));
  });

  it("leaves orders placed from the cutoff on to the incremental sync", async () => {
    const s = { ...(await scope()), placedBefore: "2025-03-09T08:00:00Z" };
    expect(await mergeOrderHistory(t.sql, s, feedOf(LINES))).toEqual({ lines: 9, orders: 1, items: 1 });
    expect((await stored(s.scopeId)).orders.map((o) => o.amazon_order_id)).toEqual(["111-0000005-0000005"]);
  });
});

describe("summing amounts", () => {
  it("is exact at the finest scale, and null for no amounts", () => {
    expect(sumAmounts(["0.1", "0.2"])).toBe("0.3");
    expect(sumAmounts(["19.99", "-5", null, "0.005"])).toBe("14.995");
    expect(sumAmounts(["-1.25", "0.25"])).toBe("-1.00");
    expect(sumAmounts(["-0.05"])).toBe("-0.05");
    expect(sumAmounts(["99999999999999.99", "0.01"])).toBe("100000000000000.00");
    expect(sumAmounts([null, undefined])).toBeNull();
    expect(() => sumAmounts(["1,5"])).toThrow('"1,5" is not an amount');
  });
});
