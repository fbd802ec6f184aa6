import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncStates } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { exportList } from "~/server/lists/export";
import { listFilters } from "~/server/lists/input";
import { inventoryList } from "~/server/lists/inventory";
import { listPage, type ListFilters } from "~/server/lists/query";
import { listFiltersFromUrl, listUrlKeys } from "~/server/lists/url";
import { urlShapeOf } from "~/server/lists/definition";
import { createMemberOf, createStore } from "~/test/factories";
import { createInventorySku, createSkuOrder } from "~/test/inventory-factories";

/*
 * The Inventory page's figures from factories: units sold in the last 7, 14 and 30 complete local days
 * (cancelled orders, today and older days left out), days of supply, the restock suggestion with the
 * default and the seller's own lead time and cover, its filters, sorting, export — and nothing of another
 * organization's.
 */

let t: TestDatabase;
let mine: Awaited<ReturnType<typeof createMemberOf>>;
let store: Awaited<ReturnType<typeof createStore>>;

beforeAll(async () => {
  t = await createTestDatabase();
  mine = await createMemberOf(t.db, "viewer");
  store = await createStore(t.db, mine.organizationId);
  // A: 20 fulfillable, 10 on the way in (5 working, 3 shipped, 2 receiving).
  await createInventorySku(t.db, store, "SKU-A", [{ fulfillable: 25, totalQuantity: 25 }, { fulfillable: 20, inboundWorking: 5, inboundShipped: 3, inboundReceiving: 2, reserved: 1, totalQuantity: 31 }]);
  // B: out of stock, never sold. C: Amazon no longer lists it.
  await createInventorySku(t.db, store, "SKU-B", [{ fulfillable: 0, unfulfillable: 2, totalQuantity: 2 }]);
  await createInventorySku(t.db, store, "SKU-C", [{ fulfillable: 4, totalQuantity: 4 }, {}], { removed: true });
  // A's sales: 5 in the last 7 days, 9 in 14, 20 in 30 (the 30th day before today is the oldest counted).
  let n = 0;
  const order = (sku: string, quantity: number, daysAgo: number, status?: string) => createSkuOrder(t.db, store, { sku, quantity, daysAgo, status, id: `111-${String(++n).padStart(7, "0")}-0000001` });
  await order("SKU-A", 2, 1);
  await order("SKU-A", 3, 7);
  await order("SKU-A", 4, 10);
  await order("SKU-A", 6, 20);
  await order("SKU-A", 5, 30);
  // Not counted: today (not a whole day yet), 31 days ago, a cancelled order.
  await order("SKU-A", 50, 0);
  await order("SKU-A", 100, 31);
  await order("SKU-A", 7, 3, "Canceled");
  // C sold once last week; D sold but has no FBA inventory (no row).
  await order("SKU-C", 1, 2);
  await order("SKU-D", 9, 2);

  // Another organization sells and stocks the very same SKUs.
  const other = await createMemberOf(t.db, "owner");
  const theirs = await createStore(t.db, other.organizationId);
  await createInventorySku(t.db, theirs, "SKU-A", [{ fulfillable: 999, totalQuantity: 999 }], { productName: "Their A" });
  await createSkuOrder(t.db, theirs, { sku: "SKU-A", quantity: 500, daysAgo: 2, id: "999-0000001-0000001" });
});
afterAll(async () => t.drop());

const page = (f: Partial<ListFilters & { page: number; pageSize: number }> = {}) => listPage(t.db, inventoryList, mine.organizationId, { page: 1, pageSize: 50, ...f });
const bySku = async (f: Partial<ListFilters> = {}) => Object.fromEntries((await page(f)).rows.map((r) => [r.sellerSku, r]));

describe("the Inventory list", () => {
  it("counts units sold in the last 7, 14 and 30 complete local days, cancelled orders left out", async () => {
    const rows = await bySku();
    expect(rows["SKU-A"]).toMatchObject({ units7: 5, units14: 9, units30: 20, fulfillable: 20, inboundWorking: 5, inboundShipped: 3, inboundReceiving: 2, reserved: 1, totalQuantity: 31 });
    expect(rows["SKU-B"]).toMatchObject({ units7: 0, units14: 0, units30: 0 });
    expect(rows["SKU-C"]).toMatchObject({ units7: 1, fulfillable: 0, removedAt: expect.any(String) });
    // A SKU sold without FBA inventory has no row; another organization's SKU-A is not this one.
    expect(Object.keys(rows).sort()).toEqual(["SKU-A", "SKU-B", "SKU-C"]);
    expect(JSON.stringify(await page())).not.toContain("Their A");
  });

  it("days of supply: fulfillable ÷ the daily rate of the last 30 days, none without sales", async () => {
    const rows = await bySku();
    // 20 ÷ (20 / 30) = 30.0 days.
    expect(rows["SKU-A"]!.daysOfSupply).toBe("30.0");
    expect(rows["SKU-B"]!.daysOfSupply).toBeNull();
    expect(inventoryList.columns.find((c) => c.key === "daysOfSupply")!.empty).toBe("no sales");
    // 0 fulfillable, 1 sold in 30 days: nothing left.
    expect(rows["SKU-C"]!.daysOfSupply).toBe("0.0");
  });

  it("restock: ⌈rate × (lead time + cover)⌉ − (fulfillable + inbound), never below 0, with the seller's settings", async () => {
    // Defaults 30 + 30 days: ⌈20/30 × 60⌉ = 40, minus 20 + 10 on hand and on the way = 10.
    expect((await bySku())["SKU-A"]!.restock).toBe(10);
    // 60 + 30 days: 60 − 30 = 30; 10 + 20 days: 20 − 30 → 0.
    expect((await bySku({ settings: { lead: 60, cover: 30 } }))["SKU-A"]!.restock).toBe(30);
    expect((await bySku({ settings: { lead: 10, cover: 20 } }))["SKU-A"]!.restock).toBe(0);
    // A setting left out takes its default: 0 + 30 days: 20 − 30 → 0; an odd rate rounds up: ⌈20/30 × 50⌉ = 34 − 30 = 4.
    expect((await bySku({ settings: { lead: 0 } }))["SKU-A"]!.restock).toBe(0);
    expect((await bySku({ settings: { lead: 20 } }))["SKU-A"]!.restock).toBe(4);
    // C is gone from Amazon's listing but sold 1: ⌈1/30 × 60⌉ = 2 to restock.
    expect((await bySku())["SKU-C"]!.restock).toBe(2);
    expect((await page()).totals).toEqual([{ currency: null, count: 3, values: expect.objectContaining({ restock: "12", units30: "21", fulfillable: "20", totalQuantity: "33" }) }]);
  });

  it("filters by stock — needs restock (with the settings), out of stock, no longer listed — and searches SKU, ASIN, FNSKU and product", async () => {
    const skus = async (f: Partial<ListFilters>) => (await page(f)).rows.map((r) => r.sellerSku);
    expect(await skus({ filters: { stock: "restock" } })).toEqual(["SKU-A", "SKU-C"]);
    expect(await skus({ filters: { stock: "restock" }, settings: { lead: 10, cover: 20 } })).toEqual(["SKU-C"]);
    expect(await skus({ filters: { stock: "out" } })).toEqual(["SKU-B"]);
    expect(await skus({ filters: { stock: "gone" } })).toEqual(["SKU-C"]);
    expect(await skus({ search: "x0sku-b" })).toEqual(["SKU-B"]);
    expect(await skus({ search: "product sku-a" })).toEqual(["SKU-A"]);
    expect(await skus({ search: "Their A" })).toEqual([]);
  });

  it("sorts by computed columns on the server: restock first by default, days of supply, units sold", async () => {
    const skus = async (f: Partial<ListFilters>) => (await page(f)).rows.map((r) => r.sellerSku);
    expect(await skus({})).toEqual(["SKU-A", "SKU-C", "SKU-B"]);
    // No sales (no days of supply) last.
    expect(await skus({ sort: "daysOfSupply", dir: "asc" })).toEqual(["SKU-C", "SKU-A", "SKU-B"]);
    expect(await skus({ sort: "units7", dir: "desc" })).toEqual(["SKU-A", "SKU-C", "SKU-B"]);
  });

  it("refuses settings the list does not have, or out of range, in plain words; the page's URL leaves them out", () => {
    const issues = (settings: Record<string, number>) => listFilters.safeParse({ list: "inventory", settings }).error?.issues.map((i) => i.message);
    expect(issues({ lead: 400 })).toEqual(["Lead time must be a whole number of days from 0 to 365, not 400."]);
    expect(issues({ cover: 1.5 })).toEqual(["Days of cover must be a whole number of days from 1 to 365, not 1.5."]);
    expect(issues({ margin: 3 })).toEqual(['This list has no setting "margin".']);
    expect(listFilters.safeParse({ list: "products", settings: { lead: 3 } }).success).toBe(false);
    const shape = urlShapeOf(inventoryList);
    expect(listUrlKeys(shape)).toEqual(expect.arrayContaining(["lead", "cover", "stock"]));
    expect(listFiltersFromUrl({ lead: "45", cover: "many", stock: "restock" }, undefined, shape)).toMatchObject({ settings: { lead: 45 }, filters: { stock: "restock" } });
  });

  it("exports what the page shows, computed with the URL's settings, for the session's organization only", async () => {
    const exported = async (params: Record<string, string>) => {
      const response = await exportList({ db: t.db, userId: mine.user.id, requestedOrganizationId: undefined }, "inventory", new URLSearchParams(params));
      return { status: response.status, lines: (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n") };
    };
    const all = await exported({ sort: "sellerSku", dir: "asc" });
    expect(all.lines[0]).toBe(
      "Marketplace,SKU,ASIN,FNSKU,Product,Fulfillable,Inbound working,Inbound shipped,Inbound receiving,Reserved,Researching,Unfulfillable,Total,Sold 7 days,Sold 14 days,Sold 30 days,Days of supply,Restock,Quantities changed (local),No longer listed since (local)",
    );
    expect(all.lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["US,SKU-A", "US,SKU-B", "US,SKU-C"]);
    expect(all.lines[1]).toMatch(/^US,SKU-A,B0SKU-A,X0SKU-A,Product SKU-A,20,5,3,2,1,0,0,31,5,9,20,30\.0,10,\d{4}-\d{2}-\d{2} \d{2}:\d{2},$/);
    const longer = await exported({ stock: "restock", lead: "60" });
    expect(longer.lines.slice(1).map((l) => l.split(",")[1])).toEqual(["SKU-A", "SKU-C"]);
    expect(longer.lines[1]!.split(",")[17]).toBe("30");
    const bad = await exported({ lead: "soon" });
    expect(bad.status).toBe(400);
    expect(bad.lines[0]).toBe("The export was not accepted: settings.lead: Lead time must be a whole number of days from 0 to 365, not that.");
  });

  it("the page's tRPC procedures: each marketplace's last listing, and one SKU's changes, only of the caller's organization", async () => {
    const when = new Date("2026-06-10T10:00:00Z");
    await t.db.insert(syncStates).values({ organizationId: mine.organizationId, task: "inventory", window: "current", scopeKind: "store_marketplace", scopeId: store.marketplace.id, status: "idle", lastSucceededAt: when });
    const status = await mine.caller.inventory.status();
    expect(status).toEqual([expect.objectContaining({ storeMarketplaceId: store.marketplace.id, countryCode: "US", lastFetchedAt: when, skus: 2 })]);

    const a = await mine.caller.inventory.history({ storeMarketplaceId: store.marketplace.id, sku: "SKU-A" });
    expect(a.level).toMatchObject({ sellerSku: "SKU-A", fulfillable: 20, removedAt: null, countryCode: "US" });
    expect(a.changes.map((c) => c.fulfillable)).toEqual([20, 25]);
    const c = await mine.caller.inventory.history({ storeMarketplaceId: store.marketplace.id, sku: "SKU-C" });
    expect(c.changes.map((h) => [h.removed, h.fulfillable])).toEqual([[true, 0], [false, 4]]);
    await expect(mine.caller.inventory.history({ storeMarketplaceId: store.marketplace.id, sku: "SKU-D" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
