import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { storeMarketplaces } from "~/db/schema";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { longTermStorageFees } from "./table";

/* Long-term storage fees on the SP-API report kit: the six whole months before authorization, equal to Amazon's report. */

const { ctx, truth, stateOf } = setUpReportTaskWorld();
let marketplaceId: string;
beforeAll(async () => {
  const [m] = await ctx.t.db
    .select()
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.marketplaceId, "ATVPDKIKX0DER")));
  marketplaceId = m!.id;
});

describe("long-term storage fees", () => {
  it("backfills the six whole months before authorization that Amazon has published, equal to its report", { timeout: 240_000 }, async () => {
    await eventually("the long-term storage fee backfill", async () => {
      const s = await stateOf("long-term-storage-fees", marketplaceId, "backfill");
      if (s?.status === "failed") throw new Error(`long-term storage fees failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    }, 200_000);
    const last = DateTime.now().setZone("America/Los_Angeles").startOf("month").minus({ months: 1 });
    const expected = await truth("GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA", last.minus({ months: 5 }).toJSDate(), last.endOf("month").toJSDate(), "ATVPDKIKX0DER");
    expect(expected.length).toBeGreaterThan(0);
    const ours = await ctx.t.db.select().from(longTermStorageFees).where(eq(longTermStorageFees.storeMarketplaceId, marketplaceId));
    expect(ours.length).toBe(expected.length);
    const mine = new Map(ours.map((r) => [`${r.snapshotDate}/${r.sku}/${r.surchargeAgeTier}`, r]));
    for (const row of expected) {
      const got = mine.get(`${row["snapshot-date"]}/${row.sku}/${row["surcharge-age-tier"]}`);
      expect(got, `${row["snapshot-date"]} ${row.sku}`).toBeDefined();
      expect({ qty: got!.quantityCharged, amount: Number(got!.amountCharged), currency: got!.currency }).toEqual({
        qty: Number(row["qty-charged"]),
        amount: Number(row["amount-charged"]),
        currency: row.currency,
      });
    }
  });
});
