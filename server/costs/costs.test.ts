import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productCosts } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createCostPeriod, createCostProducts, createCosts } from "~/test/cost-factories";
import { type callerFor, createMemberOf, createStore } from "~/test/factories";
import { unitCostOn } from "./periods";

/*
 * Product costs end to end through the tRPC router: entering costs by period, the CSV upload (all or
 * nothing, idempotent), the list with what is missing, batches, store costs by month — and another
 * organization's store refused everywhere.
 */

let t: TestDatabase;
let owner: Awaited<ReturnType<typeof createMemberOf>>;
let store: Awaited<ReturnType<typeof createStore>>;
let skus: [string, string, string];
let other: { caller: ReturnType<typeof callerFor>; store: Awaited<ReturnType<typeof createStore>>; skus: string[]; otherCostId: string };

const HEADER = "sku,valid_from,currency,purchase_cost,inbound_shipping_cost,other_cost,note";

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createMemberOf(t.db, "owner");
  store = await createStore(t.db, owner.organizationId);
  ({ skus } = await createCostProducts(t.db, store, 3));
  const them = await createMemberOf(t.db, "owner");
  const theirStore = await createStore(t.db, them.organizationId);
  other = { caller: them.caller, store: theirStore, ...(await createCosts(t.db, theirStore, 5)) };
});
afterAll(async () => t.drop());

const storedCosts = (storeId: string) => t.db.select().from(productCosts).where(eq(productCosts.storeId, storeId)).orderBy(productCosts.sku, productCosts.validFrom);

describe("the CSV upload", () => {
  it("refuses a file with a bad row whole, reporting every bad row; the fixed file imports; again, it changes nothing", async () => {
    const good = `${skus[0]},2025-01-01,USD,10.50,1.25,0,first supplier`;
    const bad = [HEADER, good, `${skus[1]},2025-01-01,USD,12;5,,,`, `NOT-A-SKU,2025-01-01,USD,1,,,`, `${skus[2]},2025-13-01,USD,2,,,`].join("\r\n");
    const refused = await owner.caller.costs.importCsv({ storeId: store.store.id, csv: bad });
    expect(refused).toEqual({
      status: "refused",
      badRows: 3,
      problems: [
        { line: 3, column: "purchase_cost", problem: expect.stringMatching(/"12;5" is not a number/) },
        { line: 4, column: "sku", problem: `This store (${store.store.name}) has no product with SKU NOT-A-SKU.` },
        { line: 5, column: "valid_from", problem: '"2025-13-01" is not a real date.' },
      ],
    });
    expect(await storedCosts(store.store.id)).toEqual([]);

    const fixed = [HEADER, good, `${skus[1]},2025-01-01,USD,12.5,,,`, `${skus[2]},2025-03-01,EUR,2,0.5,0.25,`, `${skus[2]},2025-09-01,EUR,2.2,0.5,0.25,new price`].join("\r\n");
    expect(await owner.caller.costs.importCsv({ storeId: store.store.id, csv: fixed })).toEqual({
      status: "imported",
      rows: 4,
      changed: 4,
      unchanged: 0,
      skipped: 0,
      ignoredColumns: [],
    });
    const first = await storedCosts(store.store.id);
    expect(first.map((r) => [r.sku, r.validFrom, r.currency, r.purchaseCost, r.inboundShippingCost, r.otherCost, r.note, r.updatedBy])).toEqual([
      [skus[0], "2025-01-01", "USD", "10.5000", "1.2500", "0.0000", "first supplier", owner.user.id],
      [skus[1], "2025-01-01", "USD", "12.5000", "0.0000", "0.0000", null, owner.user.id],
      [skus[2], "2025-03-01", "EUR", "2.0000", "0.5000", "0.2500", null, owner.user.id],
      [skus[2], "2025-09-01", "EUR", "2.2000", "0.5000", "0.2500", "new price", owner.user.id],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))));

    // The same file again: every row known, nothing rewritten (not even when it was updated).
    expect(await owner.caller.costs.importCsv({ storeId: store.store.id, csv: fixed })).toMatchObject({ status: "imported", rows: 4, changed: 0, unchanged: 4 });
    expect(await storedCosts(store.store.id)).toEqual(first);

    // One row changed: only that row is.
    const edited = fixed.replace("first supplier", "second supplier");
    expect(await owner.caller.costs.importCsv({ storeId: store.store.id, csv: edited })).toMatchObject({ changed: 1, unchanged: 3 });
    await t.db.delete(productCosts).where(eq(productCosts.storeId, store.store.id));
  });

  it("refuses a file over 5 MB with a clear error, writing nothing", async () => {
    const row = `${skus[0]},2025-01-01,USD,1,,,`;
    const huge = `${HEADER}\n${`${row}${"x".repeat(200)}\n`.repeat(26_000)}`;
    await expect(owner.caller.costs.importCsv({ storeId: store.store.id, csv: huge })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/larger than 5 MB; upload at most 5 MB/),
    });
    // Fewer characters than 5 MB, more bytes (three per "€"): counted in bytes.
    const wide = `${HEADER}\n${`${row}${"€".repeat(200)}\n`.repeat(9_000)}`;
    expect(await owner.caller.costs.importCsv({ storeId: store.store.id, csv: wide })).toEqual({
      status: "refused",
      badRows: 0,
      problems: [{ line: null, column: null, problem: expect.stringMatching(/^The file is 5\.\d MB; upload at most 5 MB \(about 50,000 rows\) at a time\.$/) }],
    });
    expect(await storedCosts(store.store.id)).toEqual([]);
  });

  it("takes only the organization's own stores, and only from operators", async () => {
    const csv = `${HEADER}\n${other.skus[0]},2025-01-01,USD,1,,,`;
    await expect(owner.caller.costs.importCsv({ storeId: other.store.store.id, csv })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const viewer = await createMemberOf(t.db, "viewer", owner.organizationId);
    await expect(viewer.caller.costs.importCsv({ storeId: store.store.id, csv })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Viewers read, and change nothing.
    expect((await viewer.caller.costs.list({})).store?.id).toBe(store.store.id);
    await expect(viewer.caller.costs.setCost({ storeId: store.store.id, sku: skus[0], validFrom: "2025-01-01", purchaseCost: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.caller.costs.addOtherCost({ storeId: store.store.id, day: "2025-01-01", category: "other", amount: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("cost by period", () => {
  it("unitCostOn takes the latest period started by the day, or the earliest before them all", async () => {
    const sku = skus[0];
    await createCostPeriod(t.db, store, { sku, validFrom: "2025-01-01", purchaseCost: "3.0000", inboundShippingCost: "0.3333" });
    await createCostPeriod(t.db, store, { sku, validFrom: "2025-06-01", purchaseCost: "4.0000", otherCost: "0.0001" });
    const on = (day: string) => unitCostOn(t.db, owner.organizationId, store.store.id, sku, day);
    expect(await on("2024-12-31")).toEqual({ validFrom: "2025-01-01", currency: "USD", purchaseCost: "3.0000", inboundShippingCost: "0.3333", otherCost: "0.0000", total: "3.3333" });
    expect((await on("2025-05-31"))?.validFrom).toBe("2025-01-01");
    expect((await on("2025-06-01"))?.total).toBe("4.0001");
    expect((await on("2030-01-01"))?.validFrom).toBe("2025-06-01");
    // Another organization's store, SKU and all: nothing.
    expect(await unitCostOn(t.db, owner.organizationId, other.store.store.id, other.skus[0]!, "2025-07-01")).toBeNull();
    expect(await unitCostOn(t.db, owner.organizationId, store.store.id, skus[1], "2025-07-01")).toBeNull();
    await t.db.delete(productCosts).where(eq(productCosts.storeId, store.store.id));
  });

  it("sets a period, moves its start, deletes it; bulk sets selected SKUs; refuses unknown SKUs", async () => {
    const storeId = store.store.id;
    const sku = skus[1];
    await owner.caller.costs.setCost({ storeId, sku, validFrom: "2025-02-01", purchaseCost: "5", note: "quote" });
    await owner.caller.costs.setCost({ storeId, sku, validFrom: "2025-04-01", purchaseCost: "6", inboundShippingCost: "0.5", currency: "eur" });
    await expect(owner.caller.costs.setCost({ storeId, sku, validFrom: "2025-04-01", previousValidFrom: "2025-02-01", purchaseCost: "5" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await owner.caller.costs.setCost({ storeId, sku, validFrom: "2025-01-15", previousValidFrom: "2025-02-01", purchaseCost: "5.25" });
    const detail = await owner.caller.costs.sku({ storeId, sku });
    expect(detail.periods.map((p) => [p.validFrom, p.currency, p.purchaseCost, p.total, p.current])).toEqual([
      ["2025-01-15", "USD", "5.2500", "5.2500", false],
      ["2025-04-01", "EUR", "6.0000", "6.5000", true],
    ]);
    await owner.caller.costs.deleteCost({ storeId, sku, validFrom: "2025-01-15" });
    await expect(owner.caller.costs.deleteCost({ storeId, sku, validFrom: "2025-01-15" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.caller.costs.setCost({ storeId, sku: "NOT-A-SKU", validFrom: "2025-01-01", purchaseCost: "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This store has no product with SKU NOT-A-SKU.",
    });
    await expect(owner.caller.costs.setCost({ storeId, sku, validFrom: "2025-01-01", purchaseCost: "1,5" })).rejects.toBeInstanceOf(TRPCError);

    expect(await owner.caller.costs.bulkSetCost({ storeId, skus: [skus[0], skus[2], skus[0]], validFrom: "2025-01-01", purchaseCost: "2", otherCost: "0.1" })).toEqual({
      skus: 2,
      changed: 2,
    });
    const list = await owner.caller.costs.list({ storeId });
    expect(list.rows.map((r) => [r.sku, r.totalCost, r.validFrom])).toEqual(
      expect.arrayContaining([
        [skus[0], "2.1000", "2025-01-01"],
        [skus[1], "6.5000", "2025-04-01"],
        [skus[2], "2.1000", "2025-01-01"],
      ]),
    );
    await t.db.delete(productCosts).where(eq(productCosts.storeId, storeId));
  });
});

describe("the costs list", () => {
  it("lists every SKU of the store with its product, the missing ones too, filtered, searched and paged", async () => {
    const storeId = store.store.id;
    await createCostPeriod(t.db, store, { sku: skus[0], validFrom: "2025-01-01", purchaseCost: "7.0000" });
    const all = await owner.caller.costs.list({});
    expect(all.store?.id).toBe(storeId);
    expect(all).toMatchObject({ count: 3, skus: 3, missing: 2 });
    const kettle = all.rows.find((r) => r.sku === skus[0])!;
    expect(kettle).toMatchObject({ asin: expect.stringMatching(/^B0/), title: expect.stringMatching(/^Stainless Kettle/), totalCost: "7.0000", periods: 1 });
    expect(all.rows.find((r) => r.sku === skus[2])).toMatchObject({ asin: null, validFrom: null, totalCost: null, periods: 0 });

    const missing = await owner.caller.costs.list({ storeId, missingOnly: true });
    expect(missing.rows.map((r) => r.sku).sort()).toEqual([skus[1], skus[2]].sort());
    expect((await owner.caller.costs.list({ storeId, search: "oak board" })).rows.map((r) => r.sku)).toEqual([skus[1]]);
    const paged = await owner.caller.costs.list({ storeId, pageSize: 10, page: 2 });
    expect(paged).toMatchObject({ rows: [], count: 0, skus: 3 });
    await expect(owner.caller.costs.list({ storeId: other.store.store.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.caller.costs.sku({ storeId: other.store.store.id, sku: other.skus[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await t.db.delete(productCosts).where(eq(productCosts.storeId, storeId));
  });
});

describe("batches", () => {
  it("adds, renames and deletes a SKU's batches, oldest received first", async () => {
    const storeId = store.store.id;
    const sku = skus[0];
    await owner.caller.costs.setBatch({ storeId, sku, batch: "FBA-2", receivedOn: "2025-03-01", units: 40, purchaseCost: "2.5" });
    await owner.caller.costs.setBatch({ storeId, sku, batch: "FBA-1", receivedOn: "2025-01-01", units: 10, purchaseCost: "2", inboundShippingCost: "0.3" });
    await owner.caller.costs.setBatch({ storeId, sku, batch: "FBA-1B", previousBatch: "FBA-1", receivedOn: "2025-01-02", units: 12, purchaseCost: "2" });
    await expect(owner.caller.costs.setBatch({ storeId, sku, batch: "FBA-2", previousBatch: "FBA-1B", receivedOn: "2025-01-02", units: 1, purchaseCost: "2" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const detail = await owner.caller.costs.sku({ storeId, sku });
    expect(detail.batches.map((b) => [b.batch, b.receivedOn, b.units, b.total])).toEqual([
      ["FBA-1B", "2025-01-02", 12, "2.0000"],
      ["FBA-2", "2025-03-01", 40, "2.5000"],
    ]);
    expect((await owner.caller.costs.list({ storeId, search: sku })).rows[0]).toMatchObject({ batches: 2, periods: 0 });
    await owner.caller.costs.deleteBatch({ storeId, sku, batch: "FBA-2" });
    await owner.caller.costs.deleteBatch({ storeId, sku, batch: "FBA-1B" });
    await expect(owner.caller.costs.deleteBatch({ storeId, sku, batch: "FBA-2" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.caller.costs.setBatch({ storeId: other.store.store.id, sku: other.skus[0]!, batch: "X", receivedOn: "2025-01-01", units: 1, purchaseCost: "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("other costs", () => {
  it("adds, edits and deletes a store's costs, listed by month with totals per category and currency", async () => {
    const storeId = store.store.id;
    const a = await owner.caller.costs.addOtherCost({ storeId, day: "2025-05-01", category: "subscription", amount: "29.99" });
    await owner.caller.costs.addOtherCost({ storeId, day: "2025-05-31", category: "subscription", amount: "0.01", note: "proration" });
    await owner.caller.costs.addOtherCost({ storeId, storeMarketplaceId: store.marketplace.id, day: "2025-05-15", category: "vine", amount: "200" });
    await owner.caller.costs.addOtherCost({ storeId, day: "2025-06-01", category: "deals", amount: "70" });
    const may = await owner.caller.costs.otherCosts({ storeId, month: "2025-05" });
    expect(may.rows.map((r) => [r.day, r.category, r.amount, r.currency, r.marketplace])).toEqual([
      ["2025-05-01", "subscription", "29.9900", "USD", null],
      ["2025-05-15", "vine", "200.0000", "USD", "US"],
      ["2025-05-31", "subscription", "0.0100", "USD", null],
    ]);
    expect(may.totals).toEqual([
      { category: "subscription", currency: "USD", amount: "30.0000" },
      { category: "vine", currency: "USD", amount: "200.0000" },
    ]);
    await owner.caller.costs.updateOtherCost({ otherCostId: a.id, storeId, day: "2025-06-02", category: "services", amount: "30", currency: "EUR" });
    expect((await owner.caller.costs.otherCosts({ storeId, month: "2025-06" })).totals).toEqual([
      { category: "deals", currency: "USD", amount: "70.0000" },
      { category: "services", currency: "EUR", amount: "30.0000" },
    ]);
    await owner.caller.costs.deleteOtherCost({ otherCostId: a.id });
    await expect(owner.caller.costs.deleteOtherCost({ otherCostId: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.caller.costs.addOtherCost({ storeId, storeMarketplaceId: other.store.marketplace.id, day: "2025-05-01", category: "other", amount: "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Another organization's cost cannot be read, changed or deleted by its id.
    await expect(owner.caller.costs.deleteOtherCost({ otherCostId: other.otherCostId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.caller.costs.updateOtherCost({ otherCostId: other.otherCostId, storeId, day: "2025-05-01", category: "other", amount: "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await other.caller.costs.otherCosts({})).rows).toHaveLength(1);
  });
});
