import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimCaseEvents, claimCases } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { inventoryLedgerEvents } from "~/server/sync/tasks/claims/table";
import { reimbursements } from "~/server/sync/tasks/reimbursements/table";
import { createMemberOf, createStore } from "~/test/factories";
import { claimStatus } from "../status";
import { analyzeClaims } from ".";

/*
 * A claim's life, driven by the clock the analysis is given: found a month after the loss, filed by the
 * seller, lapsed when Amazon has not answered 30 days later (and claimable again), closed when a
 * reimbursement names its case id. Each transition is recorded once; a rerun changes nothing.
 */

let t: TestDatabase;
let store: Awaited<ReturnType<typeof createStore>>;
let other: Awaited<ReturnType<typeof createStore>>;
const day = (iso: string) => new Date(`${iso}T20:00:00Z`);

async function lose(s: typeof store, eventDay: string, referenceId: string, reason: "M" | "E", quantity = -1) {
  await t.db.insert(inventoryLedgerEvents).values({
    organizationId: s.store.organizationId, storeMarketplaceId: s.marketplace.id, eventDay, eventType: "Adjustments", referenceId, fnsku: "X00LIFE", fulfillmentCenter: "PHX6",
    disposition: "SELLABLE", reason, occurredAt: new Date(`${eventDay}T18:00:00Z`), sku: "LIFE-1", asin: "B0LIFE", title: "Life mug", quantity, syncedAt: new Date(),
  });
}

async function reimburse(id: string, approvedOn: string, caseId: string | null) {
  await t.db.insert(reimbursements).values({
    organizationId: store.store.organizationId, storeId: store.store.id, reimbursementId: id, sku: "LIFE-1", fnsku: "X00LIFE", approvalDay: approvedOn, approvedAt: day(approvedOn),
    caseId, reason: "Damaged_Warehouse", currency: "USD", amountPerUnit: "8.2500", amountTotal: "8.2500", quantityCash: 1, quantityInventory: 0, quantityTotal: 1, syncedAt: new Date(),
  });
}

const casesOf = (s: typeof store) => t.db.select().from(claimCases).where(eq(claimCases.storeId, s.store.id));
const eventsOf = async (id: string) => (await t.db.select().from(claimCaseEvents).where(eq(claimCaseEvents.claimCaseId, id)).orderBy(claimCaseEvents.at)).map((e) => e.transition);

beforeAll(async () => {
  t = await createTestDatabase();
  const mine = await createMemberOf(t.db, "owner");
  store = await createStore(t.db, mine.organizationId);
  other = await createStore(t.db, (await createMemberOf(t.db, "owner")).organizationId);
  await lose(store, "2026-01-05", "ADJ-1", "E");
  await lose(other, "2026-01-05", "ADJ-9", "E");
});
afterAll(async () => t?.drop());

describe("a claim's life", () => {
  it("is no case while the loss is younger than a month, then an open case with its window", async () => {
    expect(await analyzeClaims(t.sql, store.store.organizationId, store.store.id, day("2026-01-20"))).toMatchObject({ cases: 0, found: 0 });
    expect(await analyzeClaims(t.sql, store.store.organizationId, store.store.id, day("2026-02-10"))).toMatchObject({ cases: 1, found: 1 });
    const [c] = await casesOf(store);
    expect(c).toMatchObject({ kind: "warehouse_damaged", units: 1, eligibleFrom: "2026-02-04", deadline: "2026-03-06", resolution: null });
    expect(claimStatus(c!, "2026-02-10")).toBe("open");
    expect(await eventsOf(c!.id)).toEqual(["found"]);
    // Another store's loss is that store's case only.
    expect((await casesOf(other)).length).toBe(0);
    // A rerun over the same data writes nothing.
    expect(await analyzeClaims(t.sql, store.store.organizationId, store.store.id, day("2026-02-10"))).toMatchObject({ found: 0, changed: 0, lapsed: 0 });
  });

  it("filed and unanswered for 30 days, it lapses once and can be filed again", async () => {
    const [c] = await casesOf(store);
    await t.db.update(claimCases).set({ amazonCaseId: "12345678901", submittedOn: "2026-02-11", submissions: 1 }).where(eq(claimCases.id, c!.id));
    expect(await analyzeClaims(t.sql, store.store.organizationId, store.store.id, day("2026-03-12"))).toMatchObject({ lapsed: 0 });
    expect(claimStatus({ ...c!, submittedOn: "2026-02-11" }, "2026-03-12")).toBe("submitted");
    expect(await analyzeClaims(t.sql, store.store.organizationId, store.store.id, day("2026-03-13"))).toMatchObject({ lapsed: 1 });
    expect(await analyzeClaims(t.sql, store.store.organizationId, store.store.id, day("2026-03-14"))).toMatchObject({ lapsed: 0 });
    const [lapsed] = await casesOf(store);
    expect(lapsed!.lapsedAt).not.toBeNull();
    // The window closes on 6 March: a lapsed case past it has expired (Amazon would refuse it again).
    expect(claimStatus(lapsed!, "2026-03-13")).toBe("expired");
    expect(await eventsOf(c!.id)).toEqual(["found", "lapsed"]);
  });

  it("a reimbursement naming the case id closes it as reimbursed", async () => {
    const [c] = await casesOf(store);
    await t.db.update(claimCases).set({ submittedOn: "2026-03-01", lapsedAt: null, submissions: 2 }).where(eq(claimCases.id, c!.id));
    await reimburse("R-LIFE-1", "2026-03-20", "12345678901");
    expect(await analyzeClaims(t.sql, store.store.organizationId, store.store.id, day("2026-03-21"))).toMatchObject({ settled: 1, lapsed: 0 });
    const [closed] = await t.db.select().from(claimCases).where(and(eq(claimCases.id, c!.id)));
    expect(closed).toMatchObject({ resolution: "reimbursed", reimbursementId: "R-LIFE-1", reimbursedAmount: "8.2500" });
    expect(claimStatus(closed!, "2026-03-21")).toBe("reimbursed");
    expect(await eventsOf(c!.id)).toEqual(["found", "lapsed", "reimbursed"]);
  });
});
