import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import type { RunPlan } from "~/server/sync/kit/plan";
import { inventoryHistory, inventoryLevels, inventoryStaging } from "~/server/sync/tasks/inventory/table";
import { createMemberOf, createStore } from "~/test/factories";
import { beginInventoryListing, completeInventoryListing } from "./sync";

/*
 * The merge of a complete listing, on its own: what it writes for new, changed, unchanged, vanished and
 * returning SKUs, and that a merge retried after it committed writes nothing more.
 */

let t: TestDatabase;
let store: Awaited<ReturnType<typeof createStore>>;
beforeAll(async () => {
  t = await createTestDatabase();
  const { organizationId } = await createMemberOf(t.db, "owner");
  store = await createStore(t.db, organizationId);
});
afterAll(async () => t.drop());

let runs = 0;
/** A run of the marketplace's listing (its plan, as the kit hands it over). */
function plan(): RunPlan {
  runs += 1;
  return {
    task: "inventory",
    window: "current",
    trigger: "schedule",
    runId: `00000000-0000-4000-8000-${String(runs).padStart(12, "0")}`,
    scope: { kind: "store_marketplace", organizationId: store.store.organizationId, scopeId: store.marketplace.id, timeZone: "America/Los_Angeles", grantId: store.grant.id, region: "na", quotaScope: "A1", marketplaceId: "ATVPDKIKX0DER" },
    today: "2026-06-10",
    days: [],
    startedAt: new Date().toISOString(),
    resumeFrom: null,
  };
}

const units = (fulfillable: number, inbound = 0) => ({
  fulfillable,
  inboundWorking: inbound,
  inboundShipped: 0,
  inboundReceiving: 0,
  reserved: 1,
  researching: 0,
  unfulfillable: 0,
  totalQuantity: fulfillable + inbound + 1,
});

/** One complete listing: begin, stage these SKUs, merge. */
async function list(skus: Record<string, ReturnType<typeof units> & { productName?: string }>) {
  const p = plan();
  const startedAt = await beginInventoryListing(t.db, p);
  const rows = Object.entries(skus).map(([sellerSku, q]) => ({ storeMarketplaceId: store.marketplace.id, runId: p.runId, sellerSku, asin: `B0${sellerSku}`, fnsku: `X0${sellerSku}`, condition: "NewItem", productName: q.productName ?? `Product ${sellerSku}`, amazonUpdatedAt: new Date("2026-06-10T00:00:00Z"), ...units(0), ...q }));
  if (rows.length) await t.db.insert(inventoryStaging).values(rows);
  return { plan: p, startedAt, result: await completeInventoryListing(t.db, p, startedAt) };
}

const level = async (sku: string) =>
  (await t.db.select().from(inventoryLevels).where(and(eq(inventoryLevels.storeMarketplaceId, store.marketplace.id), eq(inventoryLevels.sellerSku, sku))))[0]!;
const history = (sku: string) =>
  t.db.select().from(inventoryHistory).where(and(eq(inventoryHistory.storeMarketplaceId, store.marketplace.id), eq(inventoryHistory.sellerSku, sku))).orderBy(asc(inventoryHistory.observedAt));

describe("merging a complete FBA inventory listing", () => {
  it("writes new SKUs with a first history row; the same listing again writes nothing, also when its merge is retried", async () => {
    const first = await list({ A: units(10), B: units(5, 12), C: units(0) });
    expect(first.result).toEqual({ written: 6, noData: false, detail: { skus: 3, quantitiesChanged: 3, skusRemoved: 0 } });
    expect(await level("B")).toMatchObject({ fulfillable: 5, inboundWorking: 12, totalQuantity: 18, removedAt: null, organizationId: store.store.organizationId });
    expect((await level("B")).changedAt.toISOString()).toBe(first.startedAt);
    expect(await history("B")).toMatchObject([{ fulfillable: 5, inboundWorking: 12, removed: false }]);

    // The merge's result was lost after it committed (a crash): the step runs again and finds nothing to do.
    expect((await completeInventoryListing(t.db, first.plan, first.startedAt)).written).toBe(0);
    // The next listing, equal to this one.
    expect((await list({ A: units(10), B: units(5, 12), C: units(0) })).result.written).toBe(0);
  });

  it("a changed quantity is a history row; a changed title updates the level only; a missing SKU is zeroed and marked; it comes back", async () => {
    const changedAt = (await level("A")).changedAt;
    const second = await list({ A: { ...units(10), productName: "Renamed A" }, B: units(3, 12) });
    // B's level and history, A's level (title), C's level and history (gone).
    expect(second.result).toEqual({ written: 5, noData: false, detail: { skus: 2, quantitiesChanged: 1, skusRemoved: 1 } });
    expect(await level("A")).toMatchObject({ productName: "Renamed A", changedAt });
    expect(await history("A")).toHaveLength(1);
    expect((await history("B")).map((h) => h.fulfillable)).toEqual([5, 3]);
    const c = await level("C");
    expect(c.removedAt?.toISOString()).toBe(second.startedAt);
    expect([c.fulfillable, c.reserved, c.totalQuantity]).toEqual([0, 0, 0]);
    expect((await history("C")).map((h) => [h.removed, h.reserved])).toEqual([[false, 1], [true, 0]]);

    // Still missing: nothing more.
    expect((await list({ A: { ...units(10), productName: "Renamed A" }, B: units(3, 12) })).result.written).toBe(0);
    // Back, with the very quantities it had before it went: listed again, a history row says so.
    const back = await list({ A: { ...units(10), productName: "Renamed A" }, B: units(3, 12), C: units(0) });
    expect(back.result.written).toBe(2);
    expect(await level("C")).toMatchObject({ removedAt: null, reserved: 1 });
    expect((await history("C")).map((h) => h.removed)).toEqual([false, true, false]);
  });

  it("an empty listing (no FBA stock left) marks every SKU removed and says Amazon had none", async () => {
    const before = (await t.db.select().from(inventoryLevels).where(eq(inventoryLevels.storeMarketplaceId, store.marketplace.id))).filter((l) => !l.removedAt).length;
    const empty = await list({});
    expect(empty.result).toEqual({ written: 2 * before, noData: true, detail: { skus: 0, quantitiesChanged: 0, skusRemoved: before } });
    // Stocked again as before.
    expect((await list({ A: { ...units(10), productName: "Renamed A" }, B: units(3, 12), C: units(0) })).result.written).toBe(2 * 3);
  });

  it("a listing begun again (its page token expired) drops what its first attempt staged", async () => {
    const p = plan();
    await beginInventoryListing(t.db, p);
    await t.db.insert(inventoryStaging).values({ storeMarketplaceId: store.marketplace.id, runId: p.runId, sellerSku: "A", ...units(99) });
    const startedAt = await beginInventoryListing(t.db, p);
    expect(await t.db.select().from(inventoryStaging).where(eq(inventoryStaging.storeMarketplaceId, store.marketplace.id))).toEqual([]);
    await t.db.insert(inventoryStaging).values(["A", "B", "C"].map((sku) => ({ storeMarketplaceId: store.marketplace.id, runId: p.runId, sellerSku: sku, asin: `B0${sku}`, fnsku: `X0${sku}`, condition: "NewItem", productName: sku === "A" ? "Renamed A" : `Product ${sku}`, amazonUpdatedAt: new Date("2026-06-10T00:00:00Z"), ...(sku === "B" ? units(3, 12) : units(sku === "A" ? 10 : 0)) })));
    expect((await completeInventoryListing(t.db, p, startedAt)).written).toBe(0);
  });
});
