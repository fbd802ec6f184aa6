import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createCostPeriod, createCostProducts, createCosts } from "~/test/cost-factories";
import { createMemberOf, createStore } from "~/test/factories";
import { costTemplate, exportCosts } from "./export";

/*
 * The costs CSV is what the list selects, in the upload's own columns first (so it can be edited and
 * uploaded back), money exact beside its currency; the template lists the SKUs still without a cost. Both
 * only ever for the member's own organization.
 */

const NOW = new Date("2026-03-15T20:00:00Z");
let t: TestDatabase;
let member: Awaited<ReturnType<typeof createMemberOf>>;
let store: Awaited<ReturnType<typeof createStore>>;
let skus: [string, string, string];
let theirs: Awaited<ReturnType<typeof createStore>>;

beforeAll(async () => {
  t = await createTestDatabase();
  member = await createMemberOf(t.db, "viewer");
  store = await createStore(t.db, member.organizationId);
  ({ skus } = await createCostProducts(t.db, store, 2));
  await createCostPeriod(t.db, store, { sku: skus[0], validFrom: "2025-01-01", purchaseCost: "1.0000" });
  // Today's period: the Los Angeles store's 2026-03-15 (UTC is already at the 15th's evening).
  await createCostPeriod(t.db, store, { sku: skus[0], validFrom: "2026-03-15", purchaseCost: "12.3456", inboundShippingCost: "0.0044", note: "=cmd, \"quoted\"" });
  const them = await createMemberOf(t.db, "owner");
  theirs = await createStore(t.db, them.organizationId);
  await createCosts(t.db, theirs, 4);
});
afterAll(async () => t.drop());

const download = async (fn: typeof exportCosts, query: Record<string, string>, userId: string | null = member.user.id) => {
  const response = await fn({ db: t.db, userId, requestedOrganizationId: undefined }, new URLSearchParams(query), NOW);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // (Response.text() would drop the byte-order mark that tells spreadsheets the file is UTF-8.)
  return { status: response.status, type: response.headers.get("content-type"), text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
};
const records = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

it("exports the list's rows in the upload's columns, then the product's, money beside its currency", async () => {
  const csv = await download(exportCosts, { store: store.store.id });
  expect(csv).toMatchObject({ status: 200, type: "text/csv; charset=utf-8" });
  expect(csv.text.startsWith("\uFEFFsku,valid_from,currency,purchase_cost,inbound_shipping_cost,other_cost,note,total_unit_cost,asin,title,units_ordered,periods,batches\r\n")).toBe(true);
  const rows = records(csv.text);
  expect(rows.map((r) => r.sku).sort()).toEqual([...skus].sort());
  expect(rows.find((r) => r.sku === skus[0])).toMatchObject({
    valid_from: "2026-03-15",
    currency: "USD",
    purchase_cost: "12.3456",
    inbound_shipping_cost: "0.0044",
    // A spreadsheet must not run it.
    note: "'=cmd, \"quoted\"",
    total_unit_cost: "12.3500",
    title: expect.stringMatching(/^Stainless Kettle/),
    periods: "2",
  });
  expect(rows.find((r) => r.sku === skus[1])).toMatchObject({ valid_from: "", currency: "", purchase_cost: "", total_unit_cost: "" });
  expect(records((await download(exportCosts, { missing: "1", q: "oak" })).text).map((r) => r.sku)).toEqual([skus[1]]);
});

it("offers a template listing the SKUs still without a cost, from the store's today, in its currency", async () => {
  const csv = await download(costTemplate, {});
  const rows = records(csv.text);
  expect(rows.map((r) => r.sku).sort()).toEqual([skus[1], skus[2]].sort());
  expect(rows[0]).toEqual({ sku: expect.any(String), valid_from: "2026-03-15", currency: "USD", purchase_cost: "", inbound_shipping_cost: "", other_cost: "", note: "" });
});

it("never exports another organization's store, and needs a signed-in member", async () => {
  for (const fn of [exportCosts, costTemplate]) {
    expect((await download(fn, { store: theirs.store.id })).status).toBe(404);
    expect((await download(fn, { store: "not-an-id" })).status).toBe(400);
    expect((await download(fn, {}, null)).status).toBe(401);
    const stranger = await createMemberOf(t.db, "owner");
    // A member of an organization without stores gets the columns and nothing else.
    expect(records((await download(fn, {}, stranger.user.id)).text)).toEqual([]);
  }
});
