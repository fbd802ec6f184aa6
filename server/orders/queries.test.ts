import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderItems, orders } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { localToday } from "~/server/sync/windows";
import { createMemberOf, createStore } from "~/test/factories";
import { listOrders } from "./queries";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("the orders list", () => {
  it("says an order's items are pending until they were loaded, and counts units once they are", async () => {
    const m = await createMemberOf(t.db, "owner");
    const { marketplace } = await createStore(t.db, m.organizationId);
    const now = new Date();
    const order = (amazonOrderId: string, itemsSyncedFor: Date | null) => ({
      organizationId: m.organizationId, storeMarketplaceId: marketplace.id, amazonOrderId, purchaseDate: now,
      purchaseDay: localToday(marketplace.timeZone, now), lastUpdateDate: now, status: "Unshipped", syncedAt: now, itemsSyncedFor,
    });
    await t.db.insert(orders).values([order("111-0000001-0000001", null), order("111-0000002-0000002", now), order("111-0000003-0000003", now)]);
    await t.db.insert(orderItems).values(
      [["111-0000002-0000002", "1", 2], ["111-0000002-0000002", "2", 1]].map(([amazonOrderId, orderItemId, quantityOrdered]) => ({
        organizationId: m.organizationId, storeMarketplaceId: marketplace.id, amazonOrderId: amazonOrderId as string, orderItemId: orderItemId as string,
        asin: "B000000001", quantityOrdered: quantityOrdered as number, syncedAt: now,
      })),
    );
    const { rows } = await listOrders(t.db, m.organizationId, { days: 7, page: 1, pageSize: 50 });
    const units = Object.fromEntries(rows.map((r) => [r.amazonOrderId, r.units]));
    // Not loaded yet: no figure, rather than "0 units". Loaded with no items (all cancelled): 0.
    expect(units).toEqual({ "111-0000001-0000001": null, "111-0000002-0000002": 3, "111-0000003-0000003": 0 });
  });
});
