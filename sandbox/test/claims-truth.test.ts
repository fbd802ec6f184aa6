import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { mustMarketplace } from "../world/marketplaces";
import { type AnyJson, downloadText, FIXED_NOW, spGet, spSend, spToken, testSandbox } from "./helpers";

/*
 * The claims ground truth against what Amazon's reports and APIs show: every fate the truth names is visible
 * there (a reimbursement with its id, a found row, a return), and nothing else of a claim reason is — so a
 * claims assistant that reads only Amazon's files can be scored against the truth.
 */

const DAY = 86_400_000;
const NOW = FIXED_NOW.getTime();
/** The window the truth is asked for: well inside the test world's 200 days of history. */
const FROM = NOW - 150 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const same = (a: string | null | undefined, b: string | null | undefined) => a != null && b != null && Date.parse(a) === Date.parse(b);

type Row = Record<string, string>;
interface Outcome { fate: string; resolvedAt: string | null; reimbursementId: string | null }
interface Warehouse extends Outcome { kind: "lost" | "damaged"; at: string; day: string; referenceId: string; sku: string; fnsku: string; quantity: number; fc: string }
interface Refund extends Outcome { amazonOrderId: string; sku: string; fnsku: string; quantity: number; refundedAt: string }
interface Inbound extends Outcome { shipmentId: string; sku: string; fnsku: string; shipped: number; received: number; missing: number; closedAt: string; deliveredAt: string | null }
interface Truth { sellerId: string; marketplaceId: string; asOf: string; warehouse: Warehouse[]; customerReturns: Refund[]; inbound: Inbound[] }

/** One marketplace of one seller: the truth and the three files a claims assistant reads. */
interface Marketplace { sellerId: string; marketplaceId: string; truth: Truth; reimbursements: Row[]; returns: Row[]; ledger: Row[] }

let sb: RunningSandbox;
const marketplaces: Marketplace[] = [];

async function claims(s: RunningSandbox, sellerId: string, marketplaceId: string, from: number, to?: number): Promise<{ status: number; body: AnyJson }> {
  const q = new URLSearchParams({ sellerId, marketplaceId, from: iso(from), ...(to === undefined ? {} : { to: iso(to) }) });
  const r = await fetch(`${s.origin}/__sandbox/truth/claims?${q}`);
  return { status: r.status, body: await r.json() };
}

async function report(reportType: string, sellerId: string, marketplaceId: string, from: number): Promise<Row[]> {
  const q = new URLSearchParams({ reportType, sellerId, marketplaceId, from: iso(from), to: iso(NOW) });
  return ((await (await fetch(`${sb.origin}/__sandbox/truth/report?${q}`)).json()) as { rows: Row[] }).rows;
}

beforeAll(async () => {
  sb = await testSandbox({ volume: "small" });
  for (const seller of sb.sandbox.world.sellers) {
    for (const marketplaceId of seller.marketplaceIds) {
      const { sellerId } = seller;
      marketplaces.push({
        sellerId,
        marketplaceId,
        truth: (await claims(sb, sellerId, marketplaceId, FROM)).body as Truth,
        // A day earlier than the truth: a refund's return is scanned in an hour before the refund posts.
        returns: await report("GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA", sellerId, marketplaceId, FROM - DAY),
        reimbursements: await report("GET_FBA_REIMBURSEMENTS_DATA", sellerId, marketplaceId, FROM),
        ledger: await report("GET_LEDGER_DETAIL_VIEW_DATA", sellerId, marketplaceId, FROM),
      });
    }
  }
}, 120_000);
afterAll(async () => { await sb.close(); });

const all = <T>(pick: (m: Marketplace) => T[]) => marketplaces.flatMap(pick);
const count = <T extends Outcome>(xs: T[], fate: string) => xs.filter((x) => x.fate === fate).length;

/** A share within `tolerance` of Amazon's (a sample of some hundreds: a few points either way is chance). */
function expectShare(share: number, want: number, tolerance = 0.08): void {
  expect(Math.abs(share - want), `share ${share.toFixed(3)}, wanted ${String(want)}`).toBeLessThanOrEqual(tolerance);
}

/** Takes the first row matching from `rows` (so two entries cannot claim one row). */
function take(rows: Row[], match: (r: Row) => boolean): Row | undefined {
  const i = rows.findIndex(match);
  return i < 0 ? undefined : rows.splice(i, 1)[0];
}

describe("claims truth: lost and damaged units", () => {
  it("every adjustment is the ledger's M or E row", () => {
    for (const m of marketplaces) {
      const zone = mustMarketplace(m.marketplaceId).timezone;
      const rows = m.ledger.filter((r) => r["Event Type"] === "Adjustments");
      for (const w of m.truth.warehouse) {
        expect(w.day).toBe(DateTime.fromISO(w.at, { zone }).toISODate());
        const row = rows.find((r) => r["Reference ID"] === w.referenceId && r.Reason === (w.kind === "lost" ? "M" : "E"));
        expect(row, w.referenceId).toBeDefined();
        expect({ fnsku: row!.FNSKU, sku: row!.MSKU, quantity: Number(row!.Quantity), fc: row!["Fulfillment Center"], at: Date.parse(row!["Date and Time"]!), date: row!.Date })
          .toEqual({ fnsku: w.fnsku, sku: w.sku, quantity: -w.quantity, fc: w.fc, at: Date.parse(w.at), date: DateTime.fromISO(w.day).toFormat("MM/dd/yyyy") });
      }
    }
  });

  it("a reimbursed one is in the reimbursements report with its id, units and reason; Amazon reimburses no other", () => {
    for (const m of marketplaces) {
      const warehouseReasons = new Set(["Lost_Warehouse", "Damaged_Warehouse"]);
      for (const w of m.truth.warehouse.filter((x) => x.fate === "reimbursed")) {
        const row = m.reimbursements.find((r) => r["reimbursement-id"] === w.reimbursementId);
        expect(row, w.reimbursementId!).toBeDefined();
        expect({ reason: row!.reason, sku: row!.sku, fnsku: row!.fnsku, quantity: Number(row!["quantity-reimbursed-total"]), order: row!["amazon-order-id"], caseId: row!["case-id"], approved: same(row!["approval-date"], w.resolvedAt) })
          .toEqual({ reason: w.kind === "lost" ? "Lost_Warehouse" : "Damaged_Warehouse", sku: w.sku, fnsku: w.fnsku, quantity: w.quantity, order: "", caseId: "", approved: true });
      }
      // Once no adjustment from before the window can still be settling, every warehouse reimbursement is one of the truth's.
      const settled = m.reimbursements.filter((r) => warehouseReasons.has(r.reason!) && Date.parse(r["approval-date"]!) >= FROM + 26 * DAY);
      const reimbursed = new Set(m.truth.warehouse.filter((x) => x.fate === "reimbursed").map((x) => x.reimbursementId));
      for (const r of settled) expect(reimbursed.has(r["reimbursement-id"]!), r["reimbursement-id"]).toBe(true);
    }
    expect(count(all((m) => m.truth.warehouse), "reimbursed")).toBeGreaterThan(30);
  });

  it("a found one has its F row in the ledger; no other unit is found", () => {
    for (const m of marketplaces) {
      const found = m.ledger.filter((r) => r["Event Type"] === "Adjustments" && r.Reason === "F");
      const unclaimed = [...found];
      for (const w of m.truth.warehouse.filter((x) => x.fate === "found")) {
        expect(w.kind).toBe("lost");
        const row = take(unclaimed, (r) => r.FNSKU === w.fnsku && r.MSKU === w.sku && Number(r.Quantity) === w.quantity && r["Fulfillment Center"] === w.fc && same(r["Date and Time"], w.resolvedAt));
        expect(row, `${w.referenceId} found at ${String(w.resolvedAt)}`).toBeDefined();
        expect(row!["Reference ID"]).not.toBe(w.referenceId);
        expect(Date.parse(w.resolvedAt!) - Date.parse(w.at)).toBeGreaterThanOrEqual(DAY);
      }
      // Rows left are of units lost before the window.
      for (const r of unclaimed) expect(Date.parse(r["Date and Time"]!), JSON.stringify(r)).toBeLessThan(FROM + 21 * DAY);
    }
    expect(count(all((m) => m.truth.warehouse), "found")).toBeGreaterThan(10);
    expect(count(all((m) => m.truth.warehouse), "open")).toBeGreaterThan(30);
  });

  it("fates come in Amazon's proportions (lost: 45 % reimbursed, 20 % found; damaged: 60 % reimbursed)", () => {
    // Only adjustments old enough that every fate has had its time.
    const old = all((m) => m.truth.warehouse).filter((w) => Date.parse(w.at) < NOW - 26 * DAY);
    const share = (kind: string, fate: string) => { const xs = old.filter((w) => w.kind === kind); return xs.filter((w) => w.fate === fate).length / xs.length; };
    expect(old.length).toBeGreaterThan(200);
    expectShare(share("lost", "reimbursed"), 0.45);
    expectShare(share("lost", "found"), 0.2);
    expectShare(share("lost", "open"), 0.35);
    expectShare(share("damaged", "reimbursed"), 0.6);
    expect(share("damaged", "found")).toBe(0);
  });
});

describe("claims truth: FBA refunds", () => {
  it("a returned refund has its customer-returns and ledger rows; one not returned has neither", () => {
    for (const m of marketplaces) {
      const byOrder = new Map(m.returns.map((r) => [r["order-id"]!, r]));
      const ledgerReturns = new Set(m.ledger.filter((r) => r["Event Type"] === "CustomerReturns").map((r) => r["Reference ID"]));
      for (const x of m.truth.customerReturns) {
        const row = byOrder.get(x.amazonOrderId);
        if (x.fate !== "returned") {
          expect(row, x.amazonOrderId).toBeUndefined();
          expect(ledgerReturns.has(x.amazonOrderId), x.amazonOrderId).toBe(false);
          continue;
        }
        expect(row, x.amazonOrderId).toBeDefined();
        expect({ sku: row!.sku, fnsku: row!.fnsku, quantity: Number(row!.quantity), at: same(row!["return-date"], x.resolvedAt) }).toEqual({ sku: x.sku, fnsku: x.fnsku, quantity: x.quantity, at: true });
        if (Date.parse(x.resolvedAt!) >= FROM) expect(ledgerReturns.has(x.amazonOrderId), x.amazonOrderId).toBe(true);
      }
      // And every return is a returned refund of the truth (those scanned from the window's start).
      const returned = new Set(m.truth.customerReturns.filter((x) => x.fate === "returned").map((x) => x.amazonOrderId));
      for (const r of m.returns.filter((x) => Date.parse(x["return-date"]!) >= FROM)) expect(returned.has(r["order-id"]!), r["order-id"]).toBe(true);
    }
    const refunds = all((m) => m.truth.customerReturns);
    expect(count(refunds, "returned")).toBeGreaterThan(100);
    expect(count(refunds, "open")).toBeGreaterThan(20);
  });

  it("a reimbursed refund is a CustomerReturn reimbursement of its order, 46–70 days after the refund; Amazon reimburses no other", () => {
    for (const m of marketplaces) {
      for (const x of m.truth.customerReturns.filter((y) => y.fate === "reimbursed")) {
        const row = m.reimbursements.find((r) => r["reimbursement-id"] === x.reimbursementId);
        expect(row, x.reimbursementId!).toBeDefined();
        expect({ reason: row!.reason, order: row!["amazon-order-id"], sku: row!.sku, fnsku: row!.fnsku, quantity: Number(row!["quantity-reimbursed-total"]), approved: same(row!["approval-date"], x.resolvedAt) })
          .toEqual({ reason: "CustomerReturn", order: x.amazonOrderId, sku: x.sku, fnsku: x.fnsku, quantity: x.quantity, approved: true });
        const lag = (Date.parse(x.resolvedAt!) - Date.parse(x.refundedAt)) / DAY;
        expect(lag).toBeGreaterThanOrEqual(46);
        expect(lag).toBeLessThanOrEqual(70);
      }
      const reimbursed = new Set(m.truth.customerReturns.filter((x) => x.fate === "reimbursed").map((x) => x.reimbursementId));
      for (const r of m.reimbursements.filter((y) => y.reason === "CustomerReturn" && Date.parse(y["approval-date"]!) >= FROM + 71 * DAY)) expect(reimbursed.has(r["reimbursement-id"]!), r["reimbursement-id"]).toBe(true);
    }
    expect(count(all((m) => m.truth.customerReturns), "reimbursed")).toBeGreaterThan(10);
  });

  it("fates come in Amazon's proportions (70 % returned, 15 % reimbursed, 15 % open)", () => {
    const old = all((m) => m.truth.customerReturns).filter((x) => Date.parse(x.refundedAt) < NOW - 71 * DAY);
    const share = (fate: string) => old.filter((x) => x.fate === fate).length / old.length;
    expect(old.length).toBeGreaterThan(200);
    expectShare(share("returned"), 0.7);
    expectShare(share("reimbursed"), 0.15, 0.05);
    expectShare(share("open"), 0.15, 0.05);
  });
});

describe("claims truth: short inbound shipments", () => {
  it("each is short in the Inbound API as the truth says; a reimbursed one is a Lost_Inbound reimbursement of the missing units", async () => {
    for (const m of marketplaces) {
      const tok = await spToken(sb, m.sellerId);
      for (const x of m.truth.inbound) {
        sb.sandbox.quotas.reset();
        const items = (await spGet(sb, tok, `/fba/inbound/v0/shipments/${x.shipmentId}/items?MarketplaceId=${m.marketplaceId}`)).body.payload.ItemData as AnyJson[];
        const item = items.find((i) => i.SellerSKU === x.sku);
        expect({ fnsku: item.FulfillmentNetworkSKU, shipped: item.QuantityShipped, received: item.QuantityReceived }).toEqual({ fnsku: x.fnsku, shipped: x.shipped, received: x.received });
        expect(x.missing).toBe(x.shipped - x.received);
        expect(x.missing).toBeGreaterThan(0);
        if (x.fate !== "reimbursed") continue;
        const row = m.reimbursements.find((r) => r["reimbursement-id"] === x.reimbursementId);
        expect(row, x.reimbursementId!).toBeDefined();
        expect({ reason: row!.reason, order: row!["amazon-order-id"], sku: row!.sku, fnsku: row!.fnsku, quantity: Number(row!["quantity-reimbursed-total"]), approved: same(row!["approval-date"], x.resolvedAt) })
          .toEqual({ reason: "Lost_Inbound", order: "", sku: x.sku, fnsku: x.fnsku, quantity: x.missing, approved: true });
        const lag = (Date.parse(x.resolvedAt!) - Date.parse(x.closedAt)) / DAY;
        expect(lag).toBeGreaterThanOrEqual(3);
        expect(lag).toBeLessThanOrEqual(30);
      }
      const reimbursed = new Set(m.truth.inbound.filter((x) => x.fate === "reimbursed").map((x) => x.reimbursementId));
      for (const r of m.reimbursements.filter((y) => y.reason === "Lost_Inbound" && Date.parse(y["approval-date"]!) >= FROM + 31 * DAY)) expect(reimbursed.has(r["reimbursement-id"]!), r["reimbursement-id"]).toBe(true);
    }
    const inbound = all((m) => m.truth.inbound);
    expect(count(inbound, "reimbursed")).toBeGreaterThan(0);
    expect(count(inbound, "open")).toBeGreaterThan(0);
  });
});

describe("claims truth: the reimbursements report and the endpoint", () => {
  it("the report's only other reasons are ones no claim is about; ids are unique", () => {
    const rows = all((m) => m.reimbursements);
    const reasons = new Set(rows.map((r) => r.reason));
    for (const r of reasons) expect(["Lost_Warehouse", "Damaged_Warehouse", "CustomerReturn", "Lost_Inbound", "CustomerServiceIssue", "Removal_Order_Lost", "FeeCorrection"]).toContain(r);
    expect(new Set(rows.map((r) => r["reimbursement-id"])).size).toBe(rows.length);
  });

  it("nothing is resolved after the sandbox's now", () => {
    for (const m of marketplaces) {
      expect(m.truth.asOf).toBe(iso(NOW).replace(".000Z", "Z"));
      for (const x of [...m.truth.warehouse, ...m.truth.customerReturns, ...m.truth.inbound]) {
        if (x.resolvedAt !== null) expect(Date.parse(x.resolvedAt)).toBeLessThanOrEqual(NOW);
        expect(x.reimbursementId === null).toBe(x.fate !== "reimbursed");
        expect(x.resolvedAt === null).toBe(x.fate === "open");
      }
    }
  });

  it("the same query gives the same JSON, in this sandbox and in another of the same seed", async () => {
    const [m] = marketplaces;
    const again = await claims(sb, m!.sellerId, m!.marketplaceId, FROM);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(m!.truth));
    const other = await testSandbox({ volume: "small" });
    try {
      expect(JSON.stringify((await claims(other, m!.sellerId, m!.marketplaceId, FROM)).body)).toBe(JSON.stringify(m!.truth));
    } finally { await other.close(); }
  });

  it("refuses a marketplace the seller does not sell in, and a missing from", async () => {
    const [first, second] = sb.sandbox.world.sellers;
    expect((await claims(sb, first!.sellerId, second!.marketplaceIds[0]!, FROM)).status).toBe(400);
    expect((await fetch(`${sb.origin}/__sandbox/truth/claims?sellerId=${first!.sellerId}`)).status).toBe(400);
  });

  it("as time passes, open fates settle as they were bound to, and nothing settled reopens", async () => {
    const s = await testSandbox({ volume: "small" });
    try {
      const seller = s.sandbox.world.sellers[0]!;
      const mp = seller.marketplaceIds[0]!;
      const before = (await claims(s, seller.sellerId, mp, FROM, NOW)).body as Truth;
      s.sandbox.clock.advance(80 * DAY);
      const after = (await claims(s, seller.sellerId, mp, FROM, NOW)).body as Truth;
      let settled = 0;
      for (const key of ["warehouse", "customerReturns", "inbound"] as const) {
        const a = after[key] as Outcome[];
        const b = before[key] as Outcome[];
        expect(a.length).toBe(b.length);
        a.forEach((x, i) => {
          const was = b[i]!;
          if (was.fate !== "open") expect(x).toEqual(was);
          else if (x.fate !== "open") { settled++; expect(Date.parse(x.resolvedAt!)).toBeGreaterThan(NOW); }
        });
      }
      expect(settled).toBeGreaterThan(5);
    } finally { await s.close(); }
  });
});

describe("the ledger file as Amazon writes it", () => {
  it("has the real files' header, an instant per row, and only the marketplace asked for first", async () => {
    const token = await spToken(sb);
    sb.sandbox.quotas.reset();
    const [us, ca] = sb.sandbox.world.sellers[0]!.marketplaceIds;
    const c = await spSend(sb, token, "POST", "/reports/2021-06-30/reports", { reportType: "GET_LEDGER_DETAIL_VIEW_DATA", marketplaceIds: [us, ca], dataStartTime: iso(NOW - 20 * DAY), dataEndTime: iso(NOW - DAY) });
    expect(c.status).toBe(202);
    sb.sandbox.clock.advance(sb.sandbox.options.reportDelaySeconds * 1000 + 1000);
    const g = await spGet(sb, token, `/reports/2021-06-30/reports/${c.body.reportId}`);
    expect(g.body.processingStatus).toBe("DONE");
    const d = await spGet(sb, token, `/reports/2021-06-30/documents/${encodeURIComponent(g.body.reportDocumentId)}`);
    const [head, ...lines] = (await downloadText(d.body.url)).text.replace(/\n$/, "").split("\n");
    expect(head!.split("\t")).toEqual(["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity", "Fulfillment Center", "Disposition", "Reason", "Country", "Reconciled Quantity", "Unreconciled Quantity", "Date and Time"]);
    expect(lines.length).toBeGreaterThan(100);
    const zone = mustMarketplace(us!).timezone;
    for (const l of lines) {
      const cells = l.split("\t");
      expect(cells[11]).toBe("US");
      expect(cells[14]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
      expect(cells[0]).toBe(DateTime.fromISO(cells[14]!, { zone }).toFormat("MM/dd/yyyy"));
    }
  });
});
