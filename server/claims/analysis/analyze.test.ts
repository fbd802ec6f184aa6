import { describe, expect, it } from "vitest";
import { analyzeStore, caseKey } from "./analyze";
import type { LedgerAdjustment, RefundedItem, ReimbursementRow, ShortInboundItem, StoreFacts } from "./types";

/*
 * The claims analysis on hand-made facts: which losses are still owed, what settled the others, and the
 * claim windows they get. Today is 2026-06-30 in the one marketplace.
 */

const MP = "mp-1";
const TODAY = "2026-06-30";

const adjustment = (o: Partial<LedgerAdjustment> & Pick<LedgerAdjustment, "day" | "reason" | "referenceId">): LedgerAdjustment => ({
  storeMarketplaceId: MP, at: `${o.day}T10:00:00.000Z`, fnsku: "X001", sku: "SKU-1", asin: "B001", title: "Mug", units: 1, fulfillmentCenter: "PHX6", reconciled: null, unreconciled: null, readAt: null, ...o,
});
const reimbursement = (o: Partial<ReimbursementRow> & Pick<ReimbursementRow, "reimbursementId" | "approvedAt" | "reason">): ReimbursementRow => ({
  sku: "SKU-1", fnsku: "X001", caseId: null, amazonOrderId: null, currency: "USD", units: 1, amountPerUnit: "7.5000", amountTotal: "7.5000", ...o,
});
const refund = (o: Partial<RefundedItem> & Pick<RefundedItem, "amazonOrderId" | "refundedDay">): RefundedItem => ({
  storeMarketplaceId: MP, sku: "SKU-1", fnsku: "X001", asin: "B001", title: "Mug", refundedAt: `${o.refundedDay}T12:00:00.000Z`, units: 1, returnedUnits: 0, returnedAt: null,
  currency: "USD", principal: "19.9900", ...o,
});
const shortItem = (o: Partial<ShortInboundItem> & Pick<ShortInboundItem, "shipmentId" | "deliveredDay">): ShortInboundItem => ({
  storeMarketplaceId: MP, shipmentName: "FBA STA", destination: "PHX6", sku: "SKU-1", fnsku: "X001", shipped: 24, received: 21, deliveredAt: `${o.deliveredDay}T08:00:00.000Z`,
  closedDay: o.deliveredDay, ...o,
});

function facts(o: Partial<StoreFacts>): StoreFacts {
  return {
    region: "na",
    marketplaces: [{ id: MP, marketplaceId: "ATVPDKIKX0DER", countryCode: "US", currency: "USD", timeZone: "America/Los_Angeles" }],
    adjustments: [], reimbursements: [], refunds: [], inbound: [], filedCaseIds: new Map(),
    unitValues: new Map([[`${MP}/SKU-1`, { value: "9.0000", basis: "test" }]]),
    ...o,
  };
}
const analyze = (f: StoreFacts) => analyzeStore(f, () => TODAY);

describe("claims analysis", () => {
  it("a lost unit nobody found or paid is owed, with Amazon's window and its evidence", () => {
    const [c] = analyze(facts({ adjustments: [adjustment({ day: "2026-05-20", reason: "M", referenceId: "A1", units: 2 })] }));
    expect(c).toMatchObject({ kind: "warehouse_lost", units: 2, resolution: null, eligibleFrom: "2026-06-19", deadline: "2026-07-19", unitValue: "9.0000", currency: "USD" });
    expect(c!.evidence.map((e) => e.label)).toEqual(expect.arrayContaining(["Reference ID", "FNSKU", "Fulfillment center", "Units still owed"]));
  });

  it("a found unit or Amazon's reimbursement of the same FNSKU and quantity settles the loss, the exact quantity first", () => {
    const drafts = analyze(facts({
      adjustments: [
        adjustment({ day: "2026-05-01", reason: "M", referenceId: "A1", units: 2 }),
        adjustment({ day: "2026-05-02", reason: "M", referenceId: "A2", units: 1 }),
        adjustment({ day: "2026-05-03", reason: "E", referenceId: "A3", units: 1 }),
        adjustment({ day: "2026-05-10", reason: "F", referenceId: "F1", units: 1 }),
      ],
      reimbursements: [reimbursement({ reimbursementId: "R1", approvedAt: "2026-05-12T00:00:00.000Z", reason: "Lost_Warehouse", units: 2, amountTotal: "15.0000" })],
    }));
    const by = new Map(drafts.map((d) => [d.sourceRef.split("/")[1], d]));
    // F (1 unit) settles A2 (exactly one missing), R1 (2 units) settles A1 (exactly two missing); A3 is damaged and owed.
    expect(by.get("A2")).toMatchObject({ resolution: "found", units: 1 });
    expect(by.get("A1")).toMatchObject({ resolution: "reimbursed", units: 2, reimbursementId: "R1", reimbursedAmount: "15.0000" });
    expect(by.get("A3")).toMatchObject({ kind: "warehouse_damaged", resolution: null, units: 1 });
  });

  it("of two equal losses, a reimbursement pays the one reported last before it", () => {
    const drafts = analyze(facts({
      adjustments: [adjustment({ day: "2026-04-01", reason: "M", referenceId: "A0" }), adjustment({ day: "2026-04-20", reason: "M", referenceId: "A1" })],
      reimbursements: [reimbursement({ reimbursementId: "R1", approvedAt: "2026-04-25T00:00:00.000Z", reason: "Lost_Warehouse" })],
    }));
    const by = new Map(drafts.map((d) => [d.sourceRef.split("/")[1], d]));
    expect(by.get("A1")).toMatchObject({ resolution: "reimbursed" });
    expect(by.get("A0")).toMatchObject({ resolution: null, units: 1 });
  });

  it("Amazon's ledger says which loss it reconciled: a settlement goes there, and a loss it shows open stays owed", () => {
    const readAt = "2026-05-30T00:00:00.000Z";
    const drafts = analyze(facts({
      adjustments: [
        adjustment({ day: "2026-04-01", reason: "M", referenceId: "A0", reconciled: 1, unreconciled: 0, readAt }),
        adjustment({ day: "2026-04-20", reason: "M", referenceId: "A1", reconciled: 0, unreconciled: 1, readAt }),
        adjustment({ day: "2026-04-22", reason: "M", referenceId: "A2", reconciled: 0, unreconciled: 1, readAt }),
      ],
      reimbursements: [
        reimbursement({ reimbursementId: "R1", approvedAt: "2026-04-25T00:00:00.000Z", reason: "Lost_Warehouse" }),
        // After the ledger was read: it may pay a loss the ledger still showed open.
        reimbursement({ reimbursementId: "R2", approvedAt: "2026-06-02T00:00:00.000Z", reason: "Lost_Warehouse" }),
      ],
    }));
    const by = new Map(drafts.map((d) => [d.sourceRef.split("/")[1], d]));
    expect(by.get("A0")).toMatchObject({ resolution: "reimbursed", reimbursementId: "R1" });
    expect(by.get("A2")).toMatchObject({ resolution: "reimbursed", reimbursementId: "R2" });
    expect(by.get("A1")).toMatchObject({ resolution: null, units: 1 });
    expect(by.get("A1")!.evidence.find((e) => e.label.startsWith("Reconciled"))?.value).toBe("0 of 1, as of 2026-05-30");
  });

  it("a reimbursement never pays a loss reported after it, nor one of another product", () => {
    const drafts = analyze(facts({
      adjustments: [adjustment({ day: "2026-05-15", reason: "M", referenceId: "A1" })],
      reimbursements: [
        reimbursement({ reimbursementId: "R-early", approvedAt: "2026-05-01T00:00:00.000Z", reason: "Lost_Warehouse" }),
        reimbursement({ reimbursementId: "R-other", approvedAt: "2026-05-20T00:00:00.000Z", reason: "Lost_Warehouse", fnsku: "X999", sku: "SKU-9" }),
      ],
    }));
    expect(drafts[0]).toMatchObject({ resolution: null, units: 1 });
  });

  it("losses younger than a month or older than 18 months are no case yet / any more", () => {
    const drafts = analyze(facts({
      adjustments: [
        adjustment({ day: "2026-06-10", reason: "M", referenceId: "young" }),
        adjustment({ day: "2024-12-29", reason: "M", referenceId: "old" }),
        adjustment({ day: "2025-01-05", reason: "E", referenceId: "in" }),
      ],
    }));
    expect(drafts.map((d) => d.sourceRef.split("/")[1])).toEqual(["in"]);
  });

  it("an FBA refund not returned is owed 60 days after it; a return or a reimbursement of the order settles it", () => {
    const drafts = analyze(facts({
      refunds: [
        refund({ amazonOrderId: "111-1", refundedDay: "2026-04-01" }),
        refund({ amazonOrderId: "111-2", refundedDay: "2026-04-01", returnedUnits: 1, returnedAt: "2026-04-05T00:00:00.000Z" }),
        refund({ amazonOrderId: "111-3", refundedDay: "2026-04-01", units: 2 }),
        refund({ amazonOrderId: "111-4", refundedDay: "2026-05-15" }),
      ],
      reimbursements: [reimbursement({ reimbursementId: "R9", approvedAt: "2026-05-20T00:00:00.000Z", reason: "CustomerReturn", amazonOrderId: "111-3", units: 1, amountTotal: "10.0000" })],
    }));
    const by = new Map(drafts.map((d) => [d.sourceRef.split("/")[0], d]));
    expect(by.get("111-1")).toMatchObject({ kind: "customer_return", resolution: null, units: 1, eligibleFrom: "2026-05-31", deadline: "2026-07-30", unitValue: "19.9900" });
    expect(by.get("111-2")).toMatchObject({ resolution: "returned" });
    expect(by.get("111-3")).toMatchObject({ resolution: null, units: 1, reimbursedAmount: "10.0000" });
    // Refunded 46 days ago: the buyer may still return it; no case yet.
    expect(by.has("111-4")).toBe(false);
  });

  it("a closed shipment counted short is owed from 15 days after delivery unless Amazon reimbursed the units", () => {
    const drafts = analyze(facts({
      inbound: [
        shortItem({ shipmentId: "FBA1", deliveredDay: "2026-05-20", closedDay: "2026-06-01" }),
        shortItem({ shipmentId: "FBA2", deliveredDay: "2026-05-20", sku: "SKU-2", fnsku: "X002", shipped: 12, received: 10 }),
      ],
      reimbursements: [reimbursement({ reimbursementId: "R5", approvedAt: "2026-06-05T00:00:00.000Z", reason: "Lost_Inbound", sku: "SKU-2", fnsku: "X002", units: 2 })],
    }));
    const by = new Map(drafts.map((d) => [d.sourceRef.split("/")[0], d]));
    expect(by.get("FBA1")).toMatchObject({ kind: "inbound_shortage", units: 3, resolution: null, eligibleFrom: "2026-06-04", deadline: "2026-07-19" });
    expect(by.get("FBA2")).toMatchObject({ resolution: "reimbursed", units: 2 });
  });

  it("a reimbursement naming the Amazon case id the seller filed settles that case first", () => {
    const a = adjustment({ day: "2026-05-01", reason: "E", referenceId: "A1" });
    const b = adjustment({ day: "2026-04-30", reason: "E", referenceId: "A0" });
    const drafts = analyze(facts({
      adjustments: [a, b],
      filedCaseIds: new Map([[caseKey("warehouse_damaged", MP, `${a.day}/A1/X001`), "12345678901"]]),
      reimbursements: [reimbursement({ reimbursementId: "R7", approvedAt: "2026-06-20T00:00:00.000Z", reason: "Damaged_Warehouse", caseId: "12345678901" })],
    }));
    const by = new Map(drafts.map((d) => [d.sourceRef.split("/")[1], d]));
    expect(by.get("A1")).toMatchObject({ resolution: "reimbursed", reimbursementId: "R7" });
    expect(by.get("A0")).toMatchObject({ resolution: null });
  });
});
