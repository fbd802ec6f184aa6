import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { storeMarketplaces } from "~/db/schema";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { products } from "./table";

/*
 * The all-listings task on the SP-API report kit, end to end against the sandbox Amazon: authorizing a
 * store loads every listing of each marketplace equal to Amazon's report; the report is a snapshot, so a
 * listing Amazon no longer reports leaves, and a reload of an unchanged catalog writes nothing; a
 * malformed file fails the run in plain words and changes nothing.
 */

const { ctx, truth, stateOf } = setUpReportTaskWorld();
let marketplaces: { id: string; marketplaceId: string; currencyCode: string }[];
beforeAll(async () => {
  marketplaces = await ctx.t.db
    .select({ id: storeMarketplaces.id, marketplaceId: storeMarketplaces.marketplaceId, currencyCode: storeMarketplaces.currencyCode })
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.isParticipating, true)));
});

const us = () => marketplaces.find((m) => m.marketplaceId === "ATVPDKIKX0DER")!;
const checksum = async (scopeId: string) =>
  (await ctx.t.sql`select md5(string_agg(t::text, ',' order by t.sku)) as h from products t where store_marketplace_id = ${scopeId}`)[0]!.h as string;
const run = (scopeId: string) =>
  ctx.world.run("products-full", { organizationId: ctx.setup.member.organizationId, scopeId, window: "full-catalog" });

describe("all listings report", () => {
  it("loads every listing of each marketplace on authorization, equal to Amazon's report", { timeout: 240_000 }, async () => {
    expect(marketplaces.length).toBeGreaterThan(0);
    for (const m of marketplaces) {
      await eventually(`the ${m.marketplaceId} listings`, async () => {
        const s = await stateOf("products-full", m.id, "full-catalog");
        if (s?.status === "failed") throw new Error(`products-full failed: ${s.lastError}`);
        return s?.lastSucceededAt ? s : null;
      }, 200_000);
      const now = new Date();
      const expected = await truth("GET_MERCHANT_LISTINGS_ALL_DATA", new Date(now.getTime() - 86_400_000), now, m.marketplaceId);
      const ours = await ctx.t.db.select().from(products).where(eq(products.storeMarketplaceId, m.id));
      expect(expected.length).toBeGreaterThan(0);
      expect(ours.length).toBe(expected.length);
      const mine = new Map(ours.map((r) => [r.sku, r]));
      for (const row of expected) {
        const got = mine.get(row["seller-sku"]!);
        expect(got, row["seller-sku"]).toBeDefined();
        expect({
          asin: got!.asin,
          title: got!.title,
          price: got!.price === null ? "" : Number(got!.price).toFixed(m.currencyCode === "JPY" ? 0 : 2),
          currency: got!.currency,
          quantity: got!.quantity === null ? "" : String(got!.quantity),
          status: got!.status,
          fulfilledBy: got!.fulfilledBy,
          openDay: got!.openDay,
        }).toEqual({
          asin: row.asin1,
          title: row["item-name"],
          price: row.price,
          currency: m.currencyCode,
          quantity: row.quantity,
          status: row.status,
          fulfilledBy: row["fulfillment-channel"] === "DEFAULT" ? "FBM" : "FBA",
          // The file's local time, in the marketplace's own calendar.
          openDay: row["open-date"]!.slice(0, 10),
        });
      }
    }
    const statuses = new Set((await ctx.t.db.select({ s: products.status }).from(products)).map((r) => r.s));
    expect([...statuses].sort()).toEqual(expect.arrayContaining(["Active", "Inactive"]));
  });

  it("a listing Amazon no longer reports leaves with the next report, and nothing else is written", { timeout: 180_000 }, async () => {
    const m = us();
    const [any] = await ctx.t.db.select().from(products).where(eq(products.storeMarketplaceId, m.id)).limit(1);
    await ctx.t.db.insert(products).values({ ...any!, sku: "DELETED-BY-SELLER-1", listingId: "0000000000X" });
    // A later Amazon moment, so the daily report is not an identical request inside its regeneration limit;
    // the seller's own stock does not move within it (the sandbox's clock is frozen otherwise) — unless it
    // crosses 00:00 UTC, where the sandbox's stock steps: near midnight, that step is taken (and loaded) first.
    const toMidnight = 86_400_000 - (ctx.amazon.sandbox.clock.now() % 86_400_000);
    if (toMidnight <= 32 * 60_000) {
      ctx.amazon.sandbox.clock.advance(toMidnight + 60_000);
      expect(await run(m.id)).toMatchObject({ status: "succeeded" });
    }
    ctx.amazon.sandbox.clock.advance(31 * 60_000);
    const result = await run(m.id);
    expect(result).toMatchObject({ status: "succeeded", rowsWritten: 1 });
    const left = await ctx.t.db.select().from(products).where(and(eq(products.storeMarketplaceId, m.id), eq(products.sku, "DELETED-BY-SELLER-1")));
    expect(left).toEqual([]);
  });

  it("a malformed file fails the run in plain words, and nothing changes", { timeout: 180_000 }, async () => {
    const m = us();
    const before = await checksum(m.id);
    ctx.amazon.sandbox.clock.advance(31 * 60_000);
    ctx.amazon.sandbox.faults.set("createReport", { malformedRows: 2 });
    try {
      await expect(run(m.id)).rejects.toThrow(/full-catalog failed: The all listings report file has a malformed line/);
    } finally {
      ctx.amazon.sandbox.faults.clear();
    }
    expect(await checksum(m.id)).toBe(before);
    const s = await stateOf("products-full", m.id, "full-catalog");
    expect(s).toMatchObject({ status: "failed" });
    expect(s!.lastError).toMatch(/malformed line/);
  });
});
