import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { storeMarketplaces } from "~/db/schema";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { storageFees } from "./table";

/*
 * Monthly storage fees on the SP-API report kit, against the sandbox Amazon, which publishes a month's fees
 * on some day from the 10th to the 18th of the next month: the backfill loads the six whole months before
 * authorization that are published; the monthly window finds last month missing (no data), loads it once
 * Amazon has it, and then asks Amazon nothing more.
 */

const { ctx, truth, stateOf } = setUpReportTaskWorld();
let marketplaceId: string;
beforeAll(async () => {
  const [m] = await ctx.t.db
    .select()
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.marketplaceId, "ATVPDKIKX0DER")));
  marketplaceId = m!.id;
});

const zone = "America/Los_Angeles";
const lastMonth = () => DateTime.now().setZone(zone).startOf("month").minus({ months: 1 });
const monthOf = async (month: DateTime) =>
  ctx.t.db.select().from(storageFees).where(and(eq(storageFees.storeMarketplaceId, marketplaceId), eq(storageFees.monthDay, month.toISODate()!)));
const run = () => ctx.world.run("monthly-storage-fees", { organizationId: ctx.setup.member.organizationId, scopeId: marketplaceId, window: "previous-month" });

describe("monthly storage fees", () => {
  it("backfills the six whole months before authorization that Amazon has published, equal to its report", { timeout: 240_000 }, async () => {
    await eventually("the storage fee backfill", async () => {
      const s = await stateOf("monthly-storage-fees", marketplaceId, "backfill");
      if (s?.status === "failed") throw new Error(`storage fees failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    }, 200_000);
    const first = lastMonth().minus({ months: 5 });
    const expected = await truth("GET_FBA_STORAGE_FEE_CHARGES_DATA", first.toJSDate(), lastMonth().endOf("month").toJSDate(), "ATVPDKIKX0DER");
    expect(expected.length).toBeGreaterThan(0);
    const ours = await ctx.t.db.select().from(storageFees).where(eq(storageFees.storeMarketplaceId, marketplaceId));
    expect(ours.length).toBe(expected.length);
    const key = (month: string, asin: string, fc: string) => `${month}/${asin}/${fc}`;
    const mine = new Map(ours.map((r) => [key(r.monthDay.slice(0, 7), r.asin, r.fulfillmentCenter), r]));
    for (const row of expected) {
      const got = mine.get(key(row.month_of_charge!, row.asin!, row.fulfillment_center!));
      expect(got, `${row.month_of_charge} ${row.asin}`).toBeDefined();
      expect(Number(got!.estimatedMonthlyStorageFee)).toBe(Number(row.estimated_monthly_storage_fee));
      expect(got!.currency).toBe(row.currency);
    }
  });

  it("asks for last month until Amazon has it, loads it, and then asks Amazon nothing more", { timeout: 240_000 }, async () => {
    const month = lastMonth();
    // Before Amazon publishes last month (the 10th–18th of this month): no data, and the window says so.
    const publishedBy = month.plus({ months: 1 }).set({ day: 19, hour: 8 });
    const beforeToday = DateTime.now() < month.plus({ months: 1 }).set({ day: 10 });
    if (beforeToday && (await monthOf(month)).length === 0) {
      const early = await run();
      expect(early.status).toBe("no_data");
      expect((await stateOf("monthly-storage-fees", marketplaceId, "previous-month"))?.lastOutcome).toBe("no_data");
    }
    // Amazon's clock moves past the publication; the next daily run loads the month.
    const ahead = publishedBy.toMillis() - ctx.amazon.sandbox.clock.now();
    if (ahead > 0) ctx.amazon.sandbox.clock.advance(ahead);
    const loaded = await run();
    expect(loaded.status).toBe("succeeded");
    const rows = await monthOf(month);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe((await truth("GET_FBA_STORAGE_FEE_CHARGES_DATA", month.toJSDate(), month.endOf("month").toJSDate(), "ATVPDKIKX0DER")).length);
    // Once in, later days of the 10th–18th run without a single Amazon request.
    ctx.amazon.sandbox.clock.advance(86_400_000);
    const again = await run();
    expect(again).toMatchObject({ status: "succeeded", rowsWritten: 0, apiCalls: 0 });
  });
});
