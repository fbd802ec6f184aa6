import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeRates } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { reimbursements } from "~/server/sync/tasks/reimbursements/table";
import { createCostPeriod } from "~/test/cost-factories";
import { createMemberOf, createStore } from "~/test/factories";
import { underpaidReimbursements } from "./underpaid";

/*
 * Underpaid reimbursements (issue 12): a cash reimbursement per unit below the seller's unit cost in force on
 * its approval day, with the shortfall, exact to the cent; converted when the currencies differ.
 */

let t: TestDatabase;
let store: Awaited<ReturnType<typeof createStore>>;
let other: Awaited<ReturnType<typeof createStore>>;

async function reimburse(s: typeof store, id: string, sku: string, approvalDay: string, perUnit: string, cash: number, currency = "USD") {
  await t.db.insert(reimbursements).values({
    organizationId: s.store.organizationId, storeId: s.store.id, reimbursementId: id, sku, fnsku: `X-${sku}`, approvalDay, approvedAt: new Date(`${approvalDay}T18:00:00Z`),
    caseId: null, reason: "Lost_Warehouse", currency, amountPerUnit: perUnit, amountTotal: (Number(perUnit) * Math.max(cash, 1)).toFixed(2), quantityCash: cash,
    quantityInventory: cash ? 0 : 1, quantityTotal: Math.max(cash, 1), productName: `Product ${sku}`, syncedAt: new Date(),
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  store = await createStore(t.db, (await createMemberOf(t.db, "owner")).organizationId);
  other = await createStore(t.db, (await createMemberOf(t.db, "owner")).organizationId);
  // MUG costs 8.00 + 1.50 + 0.50 = 10.00 from March, 11.00 from July; KETTLE's cost is in euros.
  await createCostPeriod(t.db, store, { sku: "MUG", validFrom: "2026-03-01", purchaseCost: "8.0000", inboundShippingCost: "1.5000", otherCost: "0.5000" });
  await createCostPeriod(t.db, store, { sku: "MUG", validFrom: "2026-07-01", purchaseCost: "9.0000", inboundShippingCost: "1.5000", otherCost: "0.5000" });
  await createCostPeriod(t.db, store, { sku: "KETTLE", validFrom: "2026-01-01", currency: "EUR", purchaseCost: "20.0000" });
  await t.db.insert(exchangeRates).values({ day: "2026-05-04", currency: "USD", eurRate: "1.250000", fetchedAt: new Date() });

  await reimburse(store, "R1", "MUG", "2026-05-10", "8.2500", 3); // 10.00 − 8.25 = 1.75 × 3
  await reimburse(store, "R2", "MUG", "2026-05-11", "12.0000", 1); // above cost
  await reimburse(store, "R3", "MUG", "2026-02-01", "9.0000", 2); // before every period: the earliest (10.00)
  await reimburse(store, "R4", "MUG", "2026-07-02", "10.5000", 1); // July's 11.00
  await reimburse(store, "R5", "MUG", "2026-05-12", "1.0000", 0); // units given back, no cash
  await reimburse(store, "R6", "TEAPOT", "2026-05-12", "1.0000", 1); // no cost entered
  await reimburse(store, "R7", "KETTLE", "2026-05-06", "24.0000", 1); // 20 EUR = 25.00 USD at 1.25
  await reimburse(store, "R8", "KETTLE", "2026-04-01", "1.0000", 1); // no USD rate that day or before
  await reimburse(other, "R9", "MUG", "2026-05-10", "1.0000", 5);
  await createCostPeriod(t.db, other, { sku: "MUG", validFrom: "2026-01-01", purchaseCost: "50.0000" });
}, 60_000);
afterAll(async () => t?.drop());

describe("underpaid reimbursements", () => {
  it("lists each cash reimbursement below the unit cost in force that day, with its shortfall, and the totals", async () => {
    const result = await underpaidReimbursements(t.db, store.store.organizationId, { page: 1, pageSize: 50 });
    const byId = Object.fromEntries(result.rows.map((r) => [r.reimbursementId, r]));
    expect(Object.keys(byId).sort()).toEqual(["R1", "R3", "R4", "R7"]);
    expect(byId.R1).toMatchObject({ unitCost: "10.0000", amountPerUnit: "8.2500", shortfallPerUnit: "1.7500", shortfall: "5.2500", costValidFrom: "2026-03-01" });
    expect(byId.R3).toMatchObject({ unitCost: "10.0000", shortfall: "2.0000", costValidFrom: "2026-03-01" });
    expect(byId.R4).toMatchObject({ unitCost: "11.0000", shortfall: "0.5000", costValidFrom: "2026-07-01" });
    expect(byId.R7).toMatchObject({ unitCost: "25.0000", costCurrency: "EUR", costAsEntered: "20.0000", shortfall: "1.0000" });
    expect(result.totals).toEqual([{ currency: "USD", reimbursements: 4, units: 7, shortfall: "8.7500" }]);
    // R8 has no exchange rate to compare by; the others without cash or cost are not compared at all.
    expect(result).toMatchObject({ compared: 5, withoutRate: 1, count: 4 });
  });

  it("shows one organization nothing of another's, and filters by store and search", async () => {
    const theirs = await underpaidReimbursements(t.db, other.store.organizationId, { page: 1, pageSize: 50 });
    expect(theirs.rows.map((r) => r.reimbursementId)).toEqual(["R9"]);
    expect((await underpaidReimbursements(t.db, other.store.organizationId, { storeId: store.store.id, page: 1, pageSize: 50 })).rows).toEqual([]);
    expect((await underpaidReimbursements(t.db, store.store.organizationId, { search: "kettle", page: 1, pageSize: 50 })).rows.map((r) => r.reimbursementId)).toEqual(["R7"]);
  });
});
