import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { reimbursements } from "./table";

/*
 * The reimbursement report task, end to end against the sandbox Amazon: per seller account (every
 * marketplace in one report), 18 months backfilled on authorization, equal to Amazon's report; the daily
 * window writes only the reimbursements Amazon approved since.
 */

const { ctx, truth, stateOf } = setUpReportTaskWorld();
const key = (r: { reimbursementId: string; sku: string; fnsku: string }) => `${r.reimbursementId}/${r.sku}/${r.fnsku}`;

describe("reimbursement report", () => {
  it("backfills the 18 months before authorization for the whole account, equal to Amazon's report", { timeout: 240_000 }, async () => {
    const done = await eventually("the reimbursements backfill", async () => {
      const s = await stateOf("reimbursements", ctx.setup.storeId, "backfill");
      if (s?.status === "failed") throw new Error(`reimbursements failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    }, 200_000);
    expect(done.progressDone).toBe(done.progressTotal);
    const ours = await ctx.t.db.select().from(reimbursements).where(eq(reimbursements.storeId, ctx.setup.storeId));
    const today = DateTime.now().setZone("America/Los_Angeles").startOf("day");
    const expected = await truth("GET_FBA_REIMBURSEMENTS_DATA", today.minus({ months: 18 }).toJSDate(), today.plus({ days: 1 }).toJSDate());
    expect(expected.length).toBeGreaterThan(0);
    // One report for the whole account: every marketplace the seller sells in was asked for together.
    const asked = ctx.amazon.sandbox.reports.forSeller(ctx.setup.seller.sellerId).filter((r) => r.reportType === "GET_FBA_REIMBURSEMENTS_DATA");
    expect(asked.length).toBeGreaterThan(0);
    for (const r of asked) expect([...r.marketplaceIds].sort()).toEqual([...ctx.setup.seller.marketplaceIds].sort());
    expect(ours.length).toBe(expected.length);
    const mine = new Map(ours.map((r) => [key(r), r]));
    for (const row of expected) {
      const got = mine.get(key({ reimbursementId: row["reimbursement-id"]!, sku: row.sku!, fnsku: row.fnsku! }));
      expect(got, row["reimbursement-id"]).toBeDefined();
      expect({
        reason: got!.reason,
        currency: got!.currency,
        total: Number(got!.amountTotal).toFixed(2),
        cash: got!.quantityCash,
        inventory: got!.quantityInventory,
        approvedAt: got!.approvedAt.toISOString(),
      }).toEqual({
        reason: row.reason,
        currency: row["currency-unit"],
        total: Number(row["amount-total"]).toFixed(2),
        cash: Number(row["quantity-reimbursed-cash"]),
        inventory: Number(row["quantity-reimbursed-inventory"]),
        approvedAt: new Date(row["approval-date"]!).toISOString(),
      });
    }
  });

  it("the daily window loads cleanly and writes only what Amazon approved meanwhile", { timeout: 180_000 }, async () => {
    const stored = new Set((await ctx.t.db.select().from(reimbursements).where(eq(reimbursements.storeId, ctx.setup.storeId))).map(key));
    // A later Amazon moment, so the request is not an identical one inside the 4-hour regeneration limit.
    ctx.amazon.sandbox.clock.advance(4 * 3600_000 + 60_000);
    // Amazon may approve a reimbursement in those hours (some days it approves several): that row, and only it, is new.
    const today = DateTime.now().setZone("America/Los_Angeles").startOf("day");
    const window = await truth("GET_FBA_REIMBURSEMENTS_DATA", today.minus({ days: 29 }).toJSDate(), today.plus({ days: 1 }).toJSDate());
    const approvedMeanwhile = window.filter((r) => !stored.has(key({ reimbursementId: r["reimbursement-id"]!, sku: r.sku!, fnsku: r.fnsku! }))).length;
    const run = await ctx.world.run("reimbursements", { organizationId: ctx.setup.member.organizationId, scopeId: ctx.setup.storeId, window: "recent" });
    expect(run).toMatchObject({ status: "succeeded", rowsWritten: approvedMeanwhile });
    expect(run.apiCalls).toBeGreaterThan(0);
  });
});
