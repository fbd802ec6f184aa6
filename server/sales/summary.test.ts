import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { exchangeRates, orderItems, orders, storeMarketplaces, syncRuns } from "~/db/schema";
import { salesMetricsDaily } from "~/server/sync/tasks/sales-api/table";
import { callerFor, createMemberOf, createStore, createUser, addMember } from "~/test/factories";
import { exportSalesSummary } from "./export";
import { refreshRecentFigures } from "./freshness";

/*
 * The All Sites Sales Summary over a store with two marketplaces (US in dollars, CA in Canadian dollars) and
 * three November days, built so that every kind of row appears: a day that matches, a day with a pending
 * order (Amazon counts its value, the Orders API gives none yet), a day our order syncs have not reached.
 * Base-currency totals use the ECB's rate of each day, and the last one published for a day without one.
 */

let t: TestDatabase;
let owner: Awaited<ReturnType<typeof createMemberOf>>;
let store: Awaited<ReturnType<typeof createStore>>;
let ca: { id: string };
const range = { from: "2026-11-02", to: "2026-11-04" };

async function order(marketplaceId: string, id: string, day: string, status: string, items: { units: number; price: string | null }[], currency = "USD") {
  const at = new Date(`${day}T18:00:00Z`);
  const organizationId = owner.organizationId;
  await t.db.insert(orders).values({ organizationId, storeMarketplaceId: marketplaceId, amazonOrderId: id, purchaseDate: at, purchaseDay: day, lastUpdateDate: at, itemsSyncedFor: at, status, currencyCode: currency, syncedAt: new Date("2026-11-05T09:00:00Z") });
  await t.db.insert(orderItems).values(items.map((item, i) => ({ organizationId, storeMarketplaceId: marketplaceId, amazonOrderId: id, orderItemId: `${id}-${i}`, asin: "B000000001", quantityOrdered: item.units, itemPrice: item.price, currencyCode: currency, syncedAt: at })));
}

async function amazonDay(marketplaceId: string, day: string, orderCount: number, unitCount: number, totalSales: string, currency = "USD") {
  await t.db.insert(salesMetricsDaily).values({ organizationId: owner.organizationId, storeMarketplaceId: marketplaceId, day, orderCount, orderItemCount: orderCount, unitCount, totalSales, averageUnitPrice: "0", currency, syncedAt: new Date() });
}

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createMemberOf(t.db, "owner");
  store = await createStore(t.db, owner.organizationId);
  const [added] = await t.db
    .insert(storeMarketplaces)
    .values({ organizationId: owner.organizationId, storeId: store.store.id, marketplaceId: "A2EUQ1WTGCTBG2", countryCode: "CA", name: "Amazon.ca", currencyCode: "CAD", timeZone: "America/Los_Angeles", domainName: "www.amazon.ca", isParticipating: true })
    .returning({ id: storeMarketplaces.id });
  ca = added!;
  const us = store.marketplace.id;
  // 2 November: equal. 3 November: one order still pending (no amount). 4 November: no order sync yet.
  await amazonDay(us, "2026-11-02", 2, 3, "30.00");
  await order(us, "111-0000001-0000001", "2026-11-02", "Shipped", [{ units: 1, price: "10.00" }]);
  await order(us, "111-0000001-0000002", "2026-11-02", "Shipped", [{ units: 2, price: "20.00" }]);
  await order(us, "111-0000001-0000009", "2026-11-02", "Canceled", [{ units: 5, price: "99.00" }]);
  await amazonDay(us, "2026-11-03", 2, 3, "45.50");
  await order(us, "111-0000002-0000001", "2026-11-03", "Shipped", [{ units: 1, price: "10.00" }, { units: 1, price: "20.00" }]);
  await order(us, "111-0000002-0000002", "2026-11-03", "Pending", [{ units: 1, price: null }]);
  await amazonDay(us, "2026-11-04", 1, 1, "10.00");
  await amazonDay(ca.id, "2026-11-03", 1, 2, "20.00", "CAD");
  await order(ca.id, "702-0000001-0000001", "2026-11-03", "Shipped", [{ units: 2, price: "20.00" }], "CAD");
  // Amazon's figures were fetched on the 5th for all three days; the orders of the 2nd and 3rd synced before.
  await t.db.insert(syncRuns).values([
    { organizationId: owner.organizationId, task: "sales-api", window: "days-3-to-30", scopeId: us, trigger: "schedule", windows: [{ start: "2026-11-02", end: "2026-11-04" }], status: "succeeded", startedAt: new Date("2026-11-05T10:00:00Z"), finishedAt: new Date("2026-11-05T10:00:05Z") },
    { organizationId: owner.organizationId, task: "sales-api", window: "days-3-to-30", scopeId: ca.id, trigger: "schedule", windows: [{ start: "2026-11-03", end: "2026-11-03" }], status: "succeeded", startedAt: new Date("2026-11-05T10:00:00Z"), finishedAt: new Date("2026-11-05T10:00:06Z") },
    { organizationId: owner.organizationId, task: "orders-incremental", window: "since-yesterday", scopeId: us, trigger: "schedule", windows: [{ start: "2026-11-02", end: "2026-11-03" }], status: "succeeded", startedAt: new Date("2026-11-04T09:00:00Z"), finishedAt: new Date("2026-11-04T09:00:09Z") },
  ]);
  // The ECB: the dollar at 1.25 then 1.30 per euro, the Canadian dollar at 2.50; nothing on the 4th yet.
  await t.db.insert(exchangeRates).values([
    { day: "2026-11-02", currency: "USD", eurRate: "1.25", fetchedAt: new Date() },
    { day: "2026-11-03", currency: "USD", eurRate: "1.30", fetchedAt: new Date() },
    { day: "2026-11-02", currency: "CAD", eurRate: "2.50", fetchedAt: new Date() },
    { day: "2026-11-03", currency: "CAD", eurRate: "2.50", fetchedAt: new Date() },
  ]);
});
afterAll(async () => t?.drop());

const overview = (input: Record<string, unknown> = {}) => owner.caller.salesSummary.overview({ ...range, ...input } as never);

describe("All Sites Sales Summary", () => {
  it("puts Amazon's figures beside ours per marketplace day, with the gap and why", async () => {
    const page = await overview({ sort: "day", dir: "asc" });
    expect(page.count).toBe(4);
    const rows = Object.fromEntries(page.rows.map((r) => [`${r.marketplace} ${r.day}`, r]));
    expect(rows["US 2026-11-02"]).toMatchObject({ amazon: { orders: 2, units: 3, sales: "30.0000" }, ours: { orders: 2, units: 3, sales: "30.0000" }, gap: { orders: 0, units: 0 }, tieOut: { status: "matches" } });
    // The cancelled order is in neither side.
    expect(rows["US 2026-11-03"]).toMatchObject({ amazon: { orders: 2, units: 3 }, ours: { orders: 2, units: 3, sales: "30.0000" }, gap: { orders: 0, units: 0, sales: "15.5000" }, tieOut: { status: "explained" } });
    expect(rows["US 2026-11-03"]!.tieOut.reasons.map((r) => r.text)).toEqual(["1 order pending: Amazon counts their value, the Orders API gives no amount until payment clears."]);
    expect(rows["US 2026-11-04"]).toMatchObject({ ours: { orders: 0, units: 0, sales: "0" }, gap: { orders: 1, units: 1 }, oursSyncedAt: null, tieOut: { status: "explained", reasons: [{ kind: "not-synced" }] } });
    expect(rows["CA 2026-11-03"]).toMatchObject({ currency: "CAD", amazon: { sales: "20.0000" }, tieOut: { status: "matches" } });
    // When each figure was fetched, and when our side of the day was last brought up to date.
    expect(rows["US 2026-11-03"]!.amazonFetchedAt).toBe("2026-11-05T10:00:05.000Z");
    expect(rows["CA 2026-11-03"]!.amazonFetchedAt).toBe("2026-11-05T10:00:06.000Z");
    expect(rows["US 2026-11-02"]!.oursSyncedAt).toBe("2026-11-05T09:00:00.000Z");
  });

  it("totals per currency, and in the base currency at each day's ECB rate (the last one published for a day without)", async () => {
    const { totals, baseCurrency } = await overview();
    expect(baseCurrency).toBe("USD");
    expect(totals.byCurrency).toEqual([
      { currency: "CAD", amazon: { orders: 1, units: 2, sales: "20.0000" }, ours: { orders: 1, units: 2, sales: "20.0000" } },
      { currency: "USD", amazon: { orders: 5, units: 7, sales: "85.5000" }, ours: { orders: 4, units: 6, sales: "60.0000" } },
    ]);
    // CA's 20.00 CAD on the 3rd: 20 / 2.50 * 1.30 = 10.40 USD.
    expect(totals.base).toMatchObject({ currency: "USD", amazonSales: "95.90", oursSales: "70.40", orders: { amazon: 6, ours: 5 }, unconverted: [] });

    await owner.caller.organization.setBaseCurrency({ baseCurrency: "EUR" });
    const inEuro = await overview();
    // 30/1.25 + 45.50/1.30 + 10/1.30 (the 4th: the 3rd's rate) + 20/2.50 = 24 + 35 + 7.6923… + 8.
    expect(inEuro.totals.base).toMatchObject({ currency: "EUR", amazonSales: "74.69", oursSales: "55.08" });
    expect(inEuro.totals.byDay.map((d) => [d.day, d.amazonSales])).toEqual([["2026-11-02", "24.00"], ["2026-11-03", "43.00"], ["2026-11-04", "7.69"]]);
    // A currency the ECB does not quote has no base total, rather than a wrong one.
    await owner.caller.organization.setBaseCurrency({ baseCurrency: "JPY" });
    expect((await overview()).totals.base).toMatchObject({ currency: "JPY", amazonSales: null, unconverted: ["CAD", "USD"] });
    await owner.caller.organization.setBaseCurrency({ baseCurrency: "USD" });
  });

  it("filters by marketplace and to differences only, sorts by the gap", async () => {
    expect((await overview({ scopeId: ca.id })).rows.map((r) => r.marketplace)).toEqual(["CA"]);
    const differences = await overview({ differencesOnly: true, sort: "salesGap", dir: "desc" });
    expect(differences.rows.map((r) => [r.day, r.gap.sales])).toEqual([["2026-11-03", "15.5000"], ["2026-11-04", "10.0000"]]);
    expect(differences.totals.byCurrency).toEqual([{ currency: "USD", amazon: { orders: 3, units: 4, sales: "55.5000" }, ours: { orders: 2, units: 3, sales: "30.0000" } }]);
  });

  it("exports what the filters select for the member's own organization only; another organization sees nothing", async () => {
    const csv = await (await exportSalesSummary({ db: t.db, userId: owner.user.id, requestedOrganizationId: undefined }, new URLSearchParams({ ...range, diff: "1", sort: "day", dir: "asc" }))).text();
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Marketplace,Day,Currency,Amazon orders,Your orders,Order gap,Amazon units,Your units,Unit gap,Amazon sales,Your sales,Sales gap,Amazon sales (USD),Your sales (USD),Tie-out,Why,Amazon fetched (local),Your orders synchronized (local)");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 3).join(","))).toEqual(["US,2026-11-03,USD", "US,2026-11-04,USD"]);
    expect(lines[2]).toContain(",explained,Your orders of this day are not synchronized yet");

    const other = await createMemberOf(t.db, "owner");
    await createStore(t.db, other.organizationId);
    const theirs = await other.caller.salesSummary.overview(range);
    expect(theirs.count).toBe(0);
    expect(theirs.totals.byCurrency).toEqual([]);
    const theirCsv = await (await exportSalesSummary({ db: t.db, userId: other.user.id, requestedOrganizationId: owner.organizationId }, new URLSearchParams(range))).text();
    expect(theirCsv.replace(/^\uFEFF/, "").trimEnd().split("\r\n")).toHaveLength(1);
    expect((await exportSalesSummary({ db: t.db, userId: null, requestedOrganizationId: undefined }, new URLSearchParams())).status).toBe(401);
    expect((await exportSalesSummary({ db: t.db, userId: owner.user.id, requestedOrganizationId: undefined }, new URLSearchParams({ from: "2026-13-01" }))).status).toBe(400);
  });

  it("the refresh icon asks for every connected marketplace's last 3 days; a viewer may look but not refresh", async () => {
    const { syncStates } = await import("~/db/schema");
    await t.db.insert(syncStates).values([
      { organizationId: owner.organizationId, task: "sales-api", window: "last-3-days", scopeKind: "store_marketplace", scopeId: store.marketplace.id },
      { organizationId: owner.organizationId, task: "sales-api", window: "last-3-days", scopeKind: "store_marketplace", scopeId: ca.id, status: "running" },
    ]);
    const sent: unknown[] = [];
    const result = await refreshRecentFigures(t.db, owner.organizationId, async (requests) => void sent.push(...requests));
    expect(result).toEqual({ requested: 1, alreadyRunning: 1 });
    expect(sent).toEqual([{ name: "sync/sales-api.requested", data: { organizationId: owner.organizationId, scopeId: store.marketplace.id, window: "last-3-days", trigger: "manual" } }]);

    const viewer = await createUser(t.db);
    await addMember(t.db, owner.organizationId, viewer.id, "viewer");
    const asViewer = callerFor(t.db, viewer.id, owner.organizationId);
    expect((await asViewer.salesSummary.overview(range)).count).toBe(4);
    await expect(asViewer.salesSummary.refresh()).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN");
    await expect(asViewer.organization.setBaseCurrency({ baseCurrency: "EUR" })).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN");
  });
});
