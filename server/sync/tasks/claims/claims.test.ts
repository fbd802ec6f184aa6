import { and, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { claimCases, storeMarketplaces } from "~/db/schema";
import { addDays } from "~/server/sync/windows";
import { setUpReportTaskWorld } from "~/test/report-task-world";
import { eventually } from "~/test/sync-world";
import { inboundShipmentItems, inboundShipments, inventoryLedgerEvents } from "./table";

/*
 * The claims assistant end to end against the sandbox Amazon, whose world gives every loss a fate (Amazon
 * reimburses it, finds it, the buyer returns it — or nobody does) and says so on its truth endpoint. The
 * product reads only Amazon's reports and APIs; what it finds owed must be exactly the sandbox's open
 * losses in the analysis window, unit for unit, and nothing Amazon already settled.
 */

const { ctx, stateOf } = setUpReportTaskWorld();
const MARKETPLACE = "ATVPDKIKX0DER";
const ZONE = "America/Los_Angeles";
let marketplaceId: string;

interface Truth {
  warehouse: Array<{ kind: "lost" | "damaged"; day: string; referenceId: string; fnsku: string; quantity: number; fate: string }>;
  customerReturns: Array<{ amazonOrderId: string; sku: string; quantity: number; refundedAt: string; fate: string }>;
  inbound: Array<{ shipmentId: string; sku: string; missing: number; closedAt: string; fate: string }>;
}

async function truth(from: Date, to: Date): Promise<Truth> {
  const url = new URL("/__sandbox/truth/claims", ctx.amazon.origin);
  url.search = new URLSearchParams({ sellerId: ctx.setup.seller.sellerId, marketplaceId: MARKETPLACE, from: from.toISOString(), to: to.toISOString() }).toString();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`truth/claims answered ${String(response.status)}`);
  return (await response.json()) as Truth;
}

beforeAll(async () => {
  const [m] = await ctx.t.db
    .select()
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, ctx.setup.storeId), eq(storeMarketplaces.marketplaceId, MARKETPLACE)));
  marketplaceId = m!.id;
});

const owed = async (kind: string) =>
  new Map(
    (await ctx.t.db.select().from(claimCases).where(and(eq(claimCases.storeMarketplaceId, marketplaceId), eq(claimCases.kind, kind as never), isNull(claimCases.resolution))))
      .map((c) => [c.sourceRef, c.units]),
  );

/** What one map of case → units lacks, has more of, or counts differently from the other. */
function difference(ours: Map<string, number>, expected: Map<string, number>) {
  return {
    missing: [...expected.keys()].filter((k) => !ours.has(k)),
    extra: [...ours.keys()].filter((k) => !expected.has(k)),
    units: [...expected].filter(([k, n]) => ours.has(k) && ours.get(k) !== n).map(([k]) => k),
  };
}

describe("claims assistant", () => {
  it("backfills 18 months, then finds exactly the losses nobody settled, unit for unit", { timeout: 420_000 }, async () => {
    const done = await eventually("the claims backfill", async () => {
      const s = await stateOf("claims", marketplaceId, "backfill");
      if (s?.status === "failed") throw new Error(`claims failed: ${s.lastError}`);
      return s?.lastSucceededAt ? s : null;
    }, 400_000);
    expect(done.progressDone).toBe(done.progressTotal);
    expect((await ctx.t.db.select().from(inventoryLedgerEvents).where(eq(inventoryLedgerEvents.storeMarketplaceId, marketplaceId)).limit(1)).length).toBe(1);
    expect((await ctx.t.db.select().from(inboundShipments).where(eq(inboundShipments.storeMarketplaceId, marketplaceId)).limit(1)).length).toBe(1);
    expect((await ctx.t.db.select().from(inboundShipmentItems).where(eq(inboundShipmentItems.storeMarketplaceId, marketplaceId)).limit(1)).length).toBe(1);

    const today = DateTime.now().setZone(ZONE).startOf("day");
    const oldest = today.minus({ months: 18 }).toISODate()!;
    const t = await truth(today.minus({ months: 19 }).toJSDate(), new Date());

    // Lost and damaged: every open adjustment a month to 18 months old, none other.
    const lastDay = addDays(today.toISODate()!, -30);
    for (const kind of ["lost", "damaged"] as const) {
      const expected = new Map(
        t.warehouse.filter((w) => w.kind === kind && w.fate === "open" && w.day >= oldest && w.day <= lastDay).map((w) => [`${w.day}/${w.referenceId}/${w.fnsku}`, w.quantity]),
      );
      expect(expected.size, `the sandbox holds open ${kind} units`).toBeGreaterThan(0);
      const ours = await owed(kind === "lost" ? "warehouse_lost" : "warehouse_damaged");
      // The ledger says which losses Amazon reconciled: the very same losses, unit for unit.
      expect(difference(ours, expected), kind).toEqual({ missing: [], extra: [], units: [] });
    }
    // Nothing Amazon settled was ever a case: it settles within a month, before a loss is claimable.
    const settled = t.warehouse.filter((w) => w.fate !== "open").map((w) => `${w.day}/${w.referenceId}/${w.fnsku}`);
    expect(settled.length).toBeGreaterThan(0);
    const anyCase = await ctx.t.db.select({ ref: claimCases.sourceRef }).from(claimCases).where(eq(claimCases.storeMarketplaceId, marketplaceId));
    const refs = new Set(anyCase.map((c) => c.ref));
    expect(settled.filter((s) => refs.has(s))).toEqual([]);

    // Short inbound shipments: every open one closed at least 20 days ago (its window has opened).
    const closedBy = Date.now() - 20 * 86_400_000;
    const inbound = await owed("inbound_shortage");
    const openInbound = t.inbound.filter((i) => i.fate === "open" && Date.parse(i.closedAt) <= closedBy && i.closedAt.slice(0, 10) >= oldest);
    expect(openInbound.length).toBeGreaterThan(0);
    for (const i of openInbound) expect(inbound.get(`${i.shipmentId}/${i.sku}`), `${i.shipmentId}/${i.sku}`).toBe(i.missing);
    const openKeys = new Set(t.inbound.filter((i) => i.fate === "open").map((i) => `${i.shipmentId}/${i.sku}`));
    for (const key of inbound.keys()) expect(openKeys.has(key), `${key} is owed`).toBe(true);
  });

  it("the daily run loads and analyses the previous month again; a second run changes nothing", { timeout: 840_000 }, async () => {
    // Refunds and the orders they belong to come from their own tasks; the analysis reads what they stored.
    for (const [task, scopeId] of [["refund-orders", ctx.setup.storeId], ["orders-history", marketplaceId]] as const) {
      await eventually(`the ${task} backfill`, async () => {
        const s = await stateOf(task, scopeId, "backfill");
        if (s?.status === "failed") throw new Error(`${task} failed: ${s.lastError}`);
        return s?.lastSucceededAt ? s : null;
      }, 400_000);
    }
    // A later Amazon moment, so the ledger request is not an identical one inside the 4-hour regeneration limit.
    ctx.amazon.sandbox.clock.advance(4 * 3600_000 + 60_000);
    const first = await ctx.world.run("claims", { organizationId: ctx.setup.member.organizationId, scopeId: marketplaceId, window: "previous-month" });
    expect(first.status).toBe("succeeded");
    // Amazon's data has not moved since: its shipments, the analysis and its cases stay as they are (the
    // identical ledger request is one Amazon does not regenerate within 4 hours, and says so).
    const second = await ctx.world.run("claims", { organizationId: ctx.setup.member.organizationId, scopeId: marketplaceId, window: "previous-month" });
    expect(second).toMatchObject({ status: "succeeded", rowsWritten: 0 });
  });

  it("unreturned FBA refunds 60 days to 10 months old are owed, exactly", { timeout: 60_000 }, async () => {
    const today = DateTime.now().setZone(ZONE).startOf("day");
    // Refunds of orders the product holds (the year the order syncs reach): refunded within 10 months.
    const t = await truth(today.minus({ months: 10 }).toJSDate(), today.minus({ days: 60 }).toJSDate());
    const expected = new Map(t.customerReturns.filter((r) => r.fate === "open").map((r) => [`${r.amazonOrderId}/${r.sku}`, r.quantity]));
    expect(expected.size).toBeGreaterThan(0);
    const ours = await owed("customer_return");
    const inRange = new Map([...ours].filter(([key]) => t.customerReturns.some((r) => `${r.amazonOrderId}/${r.sku}` === key)));
    expect(difference(inRange, expected)).toEqual({ missing: [], extra: [], units: [] });
  });
});
