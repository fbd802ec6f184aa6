import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storeMarketplaces, syncRuns } from "~/db/schema";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { salesMetricsDaily } from "./table";

/*
 * Amazon's Sales API figures, end to end against the sandbox Amazon: on authorization both windows (the last
 * 3 days, days 3–30) load each marketplace's days equal to what getOrderMetrics answers, and a run again with
 * nothing changed on Amazon writes nothing.
 */

const { ctx, stateOf } = setUpReportTaskWorld({ volume: "tiny" });

/** What Amazon answers for one marketplace's local days (its own figures: the ground truth). */
async function amazonFigures(marketplaceId: string, timeZone: string, from: string, to: string) {
  const { DateTime } = await import("luxon");
  const token = ((await (await fetch(`${ctx.amazon.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId: ctx.setup.seller.sellerId }) })).json()) as { access_token: string }).access_token;
  const start = DateTime.fromISO(from, { zone: timeZone }).toISO({ suppressMilliseconds: true });
  const end = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).toISO({ suppressMilliseconds: true });
  const query = new URLSearchParams({ marketplaceIds: marketplaceId, interval: `${start}--${end}`, granularity: "Day", granularityTimeZone: timeZone });
  ctx.amazon.sandbox.quotas.reset();
  const response = await fetch(`${ctx.amazon.origin}/sales/v1/orderMetrics?${query}`, { headers: { "x-amz-access-token": token } });
  const body = (await response.json()) as { payload: { interval: string; orderCount: number; unitCount: number; totalSales: { amount: string; currencyCode: string } }[] };
  return body.payload.map((m) => ({ day: m.interval.slice(0, 10), orderCount: m.orderCount, unitCount: m.unitCount, totalSales: Number(m.totalSales.amount), currency: m.totalSales.currencyCode }));
}

describe("Amazon Sales API figures", () => {
  it("loads the last 30 local days of each marketplace on authorization, equal to Amazon's figures, and a re-run writes nothing", { timeout: 240_000 }, async () => {
    const marketplaces = await ctx.t.db.select().from(storeMarketplaces).where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.isParticipating, true)));
    expect(marketplaces.length).toBeGreaterThan(1);
    for (const m of marketplaces) {
      for (const window of ["last-3-days", "days-3-to-30"])
        await eventually(`the ${m.marketplaceId} ${window} figures`, async () => {
          const s = await stateOf("sales-api", m.id, window);
          if (s?.status === "failed") throw new Error(`sales-api ${window} failed: ${s.lastError}`);
          return s?.lastSucceededAt ? s : null;
        }, 200_000);
      const ours = (await ctx.t.db.select().from(salesMetricsDaily).where(eq(salesMetricsDaily.storeMarketplaceId, m.id))).sort((a, b) => a.day.localeCompare(b.day));
      // 30 local days: today and the 29 before it, in the marketplace's calendar.
      expect(ours).toHaveLength(30);
      const expected = await amazonFigures(m.marketplaceId, m.timeZone, ours[0]!.day, ours.at(-1)!.day);
      expect(ours.map((r) => ({ day: r.day, orderCount: r.orderCount, unitCount: r.unitCount, totalSales: Number(r.totalSales), currency: r.currency }))).toEqual(expected);
      expect(ours.every((r) => r.organizationId === ctx.setup.member.organizationId)).toBe(true);
      expect(ours.some((r) => r.orderCount > 0)).toBe(true);
    }

    // Amazon's figures have not moved (its clock is frozen): the refresh finds nothing to write.
    const us = marketplaces.find((m) => m.marketplaceId === "ATVPDKIKX0DER")!;
    const again = await ctx.world.run("sales-api", { organizationId: ctx.setup.member.organizationId, scopeId: us.id, window: "last-3-days" });
    expect(again.status).toBe("succeeded");
    expect(again.rowsWritten).toBe(0);
    const [run] = await ctx.t.db.select().from(syncRuns).where(eq(syncRuns.id, again.id));
    expect(run!.apiCalls).toBe(1);
  });
});
