import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore, createSyncedData } from "~/test/factories";
import { urlShapeOf } from "./definition";
import { exportList } from "./export";
import { listFilters } from "./input";
import { listDistinctValues, listPage } from "./query";
import { refundsList } from "./refunds";
import { listFiltersFromUrl } from "./url";

/*
 * The Refunds list: a view of the synced refunds joined with their orders (only a synced order's refund
 * shows), with the product from the order's items, the return's reason and status, and exact sums; its
 * reason and status filters offer the values the organization's returns have and accept any of Amazon's.
 */

let t: TestDatabase;
let mine: { organizationId: string; userId: string; tag: string; orderId: string };
let theirs: { markers: string[] };

beforeAll(async () => {
  t = await createTestDatabase();
  const a = await createMemberOf(t.db, "viewer");
  const synced = await createSyncedData(t.db, await createStore(t.db, a.organizationId), 3);
  const [tag] = synced.markers;
  mine = { organizationId: a.organizationId, userId: a.user.id, tag: tag!, orderId: synced.ids[1]! };
  const b = await createMemberOf(t.db, "owner");
  theirs = { markers: (await createSyncedData(t.db, await createStore(t.db, b.organizationId), 7)).markers };
});
afterAll(async () => t.drop());

const page = (f: Partial<Parameters<typeof listPage>[3]> = {}) => listPage(t.db, refundsList, mine.organizationId, { page: 1, pageSize: 50, days: 30, ...f });

describe("the refunds list", () => {
  it("shows a synced order's refund with its product, its return's reason and status, and exact sums", async () => {
    const p = await page();
    expect(p.count).toBe(1);
    expect(p.rows[0]).toMatchObject({
      amazonOrderId: mine.orderId,
      sellerSku: `SKU-${mine.tag}`,
      asin: `B0${mine.tag}`,
      title: `Product ${mine.tag}`,
      reason: `DEFECTIVE-${mine.tag}`,
      status: "Unit returned to inventory",
      principal: "-31.0000",
      commission: "3.1500",
      refundCommission: "-0.3000",
      // -31.00 - 3.10 back to the buyer; +3.15 - 0.30 from Amazon.
      refundAmount: "-34.1000",
      refundFees: "2.8500",
      payable: "-31.2500",
      currency: "USD",
    });
    expect(p.totals).toEqual([{ currency: "USD", count: 1, values: expect.objectContaining({ payable: "-31.2500", quantity: "3" }) }]);
  });

  it("filters by reason and return status, offering the organization's own values and accepting any of Amazon's", async () => {
    expect(await listDistinctValues(t.db, refundsList, mine.organizationId)).toEqual({ reason: [`DEFECTIVE-${mine.tag}`], status: ["Unit returned to inventory"] });
    expect((await page({ filters: { reason: `DEFECTIVE-${mine.tag}`, status: "Unit returned to inventory" } })).count).toBe(1);
    expect((await page({ filters: { reason: "NOT_AS_DESCRIBED" } })).count).toBe(0);
    expect((await page({ filters: { reason: `DEFECTIVE-${theirs.markers[0]}` } })).count).toBe(0);
    expect(listFilters.safeParse({ list: "refunds", filters: { reason: "SWITCHEROO" } }).success).toBe(true);
    expect(listFilters.safeParse({ list: "refunds", filters: { reason: "x".repeat(61) } }).success).toBe(false);
    expect(listFiltersFromUrl({ reason: " DEFECTIVE ", status: "Reimbursed" }, undefined, urlShapeOf(refundsList)).filters).toEqual({ reason: "DEFECTIVE", status: "Reimbursed" });
  });

  it("searches order id, SKU and ASIN, and never shows another organization's refunds", async () => {
    for (const q of [mine.orderId, `sku-${mine.tag.toLowerCase()}`, `B0${mine.tag}`]) expect((await page({ search: q })).count, q).toBe(1);
    for (const marker of theirs.markers) expect((await page({ search: marker })).count).toBe(0);
  });

  it("exports what it shows, with the definitions' columns", async () => {
    const response = await exportList({ db: t.db, userId: mine.userId, requestedOrganizationId: undefined }, "refunds", new URLSearchParams({ range: "30d", reason: `DEFECTIVE-${mine.tag}` }));
    const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${mine.orderId},SKU-${mine.tag},B0${mine.tag},Product ${mine.tag},3,DEFECTIVE-${mine.tag},Unit returned to inventory,-31.0000,`);
    expect(lines[1]).toMatch(/,-34\.1000,2\.8500,-31\.2500,USD$/);
  });

  it("leaves out a refund until its order is synced", async () => {
    const [order] = await t.db.select().from(orders).where(eq(orders.amazonOrderId, mine.orderId));
    await t.db.delete(orders).where(eq(orders.amazonOrderId, mine.orderId));
    expect((await page()).count).toBe(0);
    await t.db.insert(orders).values(order!);
    expect((await page()).count).toBe(1);
  });
});
