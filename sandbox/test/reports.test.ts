import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import type { RunningSandbox } from "../index";
import { REPORT_COLUMNS } from "../world/report-columns";
import { ltsfPublicationDay, publicationMs, storageFeePublicationDay } from "../world/fba";
import { type AnyJson, downloadText, FIXED_NOW, loadShared, spGet, spSend, spToken, testSandbox, validateResponse } from "./helpers";

const M = "sp-api-models/reports_2021-06-30.json";
const US = "ATVPDKIKX0DER";
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86400_000;

let sb: RunningSandbox;
let token: string;
beforeAll(async () => { sb = await testSandbox({ volume: "small" }); token = await spToken(sb); });
afterAll(async () => { await sb.close(); });

async function runReport(s: RunningSandbox, tok: string, body: Record<string, unknown>): Promise<{ report: AnyJson; text?: string }> {
  const c = await spSend(s, tok, "POST", "/reports/2021-06-30/reports", body);
  expect(c.status).toBe(202);
  expect(validateResponse(M, "/reports/2021-06-30/reports", "post", 202, c.body)).toEqual([]);
  s.sandbox.clock.advance(s.sandbox.options.reportDelaySeconds * 1000 + 1000);
  const g = await spGet(s, tok, `/reports/2021-06-30/reports/${c.body.reportId}`);
  expect(validateResponse(M, "/reports/2021-06-30/reports/{reportId}", "get", 200, g.body)).toEqual([]);
  if (g.body.processingStatus !== "DONE") return { report: g.body };
  const d = await spGet(s, tok, `/reports/2021-06-30/documents/${encodeURIComponent(g.body.reportDocumentId)}`);
  expect(validateResponse(M, "/reports/2021-06-30/documents/{reportDocumentId}", "get", 200, d.body)).toEqual([]);
  // As Amazon sends them: the order files gzip with their label, the others plain without one.
  expect(d.body.compressionAlgorithm).toBe(String(body.reportType).startsWith("GET_FLAT_FILE_ALL_ORDERS_DATA") ? "GZIP" : undefined);
  return { report: g.body, text: (await downloadText(d.body.url)).text };
}

describe("reports lifecycle", () => {
  it("goes IN_QUEUE → IN_PROGRESS → DONE after the configured delay", async () => {
    const c = await spSend(sb, token, "POST", "/reports/2021-06-30/reports", { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [US] });
    const id = c.body.reportId;
    const status = async () => (await spGet(sb, token, `/reports/2021-06-30/reports/${id}`)).body.processingStatus;
    expect(await status()).toBe("IN_QUEUE");
    sb.sandbox.clock.advance(15_000);
    expect(await status()).toBe("IN_PROGRESS");
    sb.sandbox.clock.advance(20_000);
    expect(await status()).toBe("DONE");
  });

  it("cancelReport works only IN_QUEUE; FATAL on demand; CANCELLED without data", async () => {
    const c = await spSend(sb, token, "POST", "/reports/2021-06-30/reports", { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [US] });
    const del = await spSend(sb, token, "DELETE", `/reports/2021-06-30/reports/${c.body.reportId}`);
    expect(del.status).toBe(200);
    expect((await spGet(sb, token, `/reports/2021-06-30/reports/${c.body.reportId}`)).body.processingStatus).toBe("CANCELLED");
    await fetch(`${sb.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify({ faults: { createReport: { reportOutcome: "FATAL" } } }) });
    const fatal = await runReport(sb, token, { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [US] });
    expect(fatal.report.processingStatus).toBe("FATAL");
    await fetch(`${sb.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify({ faults: null }) });
    const now = sb.sandbox.clock.now();
    // Before the world's history starts there is no data at all.
    const empty = await runReport(sb, token, { reportType: "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL", marketplaceIds: [US], dataStartTime: iso(now - 900 * DAY), dataEndTime: iso(now - 890 * DAY) });
    expect(empty.report.processingStatus).toBe("CANCELLED");
  });

  it("applies the FBA regeneration cooldown", async () => {
    const now = sb.sandbox.clock.now();
    const body = { reportType: "GET_FBA_REIMBURSEMENTS_DATA", marketplaceIds: [US], dataStartTime: iso(now - 30 * DAY), dataEndTime: iso(now - DAY) };
    const a = await runReport(sb, token, body);
    expect(a.report.processingStatus).toBe("DONE");
    const b = await runReport(sb, token, body);
    expect(b.report.processingStatus).toBe("CANCELLED");
  });

  it("getReports filters and pages; validates", async () => {
    const r = await spGet(sb, token, `/reports/2021-06-30/reports?reportTypes=GET_MERCHANT_LISTINGS_ALL_DATA,GET_FBA_REIMBURSEMENTS_DATA&pageSize=2`);
    expect(r.status).toBe(200);
    expect(validateResponse(M, "/reports/2021-06-30/reports", "get", 200, r.body)).toEqual([]);
    expect(r.body.reports).toHaveLength(2);
    const n = await spGet(sb, token, `/reports/2021-06-30/reports?nextToken=${encodeURIComponent(r.body.nextToken)}`);
    expect(n.body.reports.length).toBeGreaterThan(0);
    expect(n.body.reports[0].reportId).not.toBe(r.body.reports[0].reportId);
    const dones = await spGet(sb, token, `/reports/2021-06-30/reports?reportTypes=GET_MERCHANT_LISTINGS_ALL_DATA&processingStatuses=DONE`);
    for (const x of dones.body.reports) expect(x.processingStatus).toBe("DONE");
    const bad = await spGet(sb, token, `/reports/2021-06-30/reports`);
    expect(bad.status).toBe(400);
    expect(validateResponse(M, "/reports/2021-06-30/reports", "get", 400, bad.body)).toEqual([]);
  });

  it("document URLs expire after 5 minutes", async () => {
    const { report } = await runReport(sb, token, { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [US] });
    const d = await spGet(sb, token, `/reports/2021-06-30/documents/${encodeURIComponent(report.reportDocumentId)}`);
    expect((await fetch(d.body.url)).status).toBe(200);
    sb.sandbox.clock.advance(301_000);
    const late = await fetch(d.body.url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("Request has expired");
  });
});

describe("report documents", () => {
  const now = FIXED_NOW.getTime();
  const cases: Array<[string, number, number]> = [
    ["GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL", now - 10 * DAY, now - DAY],
    ["GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL", now - 10 * DAY, now - DAY],
    ["GET_MERCHANT_LISTINGS_ALL_DATA", now - DAY, now],
    ["GET_FBA_STORAGE_FEE_CHARGES_DATA", now - 70 * DAY, now],
    ["GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA", now - 120 * DAY, now],
    ["GET_FBA_REIMBURSEMENTS_DATA", now - 60 * DAY, now - DAY],
    ["GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA", now - 60 * DAY, now - DAY],
    ["GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA", now - 60 * DAY, now - DAY],
    ["GET_LEDGER_DETAIL_VIEW_DATA", now - 20 * DAY, now - DAY],
  ];
  it.each(cases)("%s has Amazon's header and well-formed rows", async (reportType, start, end) => {
    const s = await testSandbox({ volume: "small" });
    try {
      const tok = await spToken(s);
      const { report, text } = await runReport(s, tok, { reportType, marketplaceIds: [US], dataStartTime: iso(start), dataEndTime: iso(end) });
      expect(report.processingStatus).toBe("DONE");
      const lines = text!.replace(/\n$/, "").split("\n");
      const header = lines[0]!.split("\t");
      expect(header).toEqual(REPORT_COLUMNS[reportType]);
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines.slice(1)) expect(l.split("\t")).toHaveLength(header.length);
    } finally { await s.close(); }
  });

  it("headers equal ../shared/amazon/report-columns", () => {
    const shared = loadShared("report-columns/flat-file-report-columns.json") as Record<string, { official?: string[]; airbyte?: string[] }>;
    // The ledger's real files differ from its documented list (spaced names, "Date and Time"): Airbyte's schema records them.
    const asRealFiles = new Set(["GET_LEDGER_DETAIL_VIEW_DATA"]);
    for (const [type, cols] of Object.entries(REPORT_COLUMNS)) {
      const s = shared[type];
      expect(cols, type).toEqual(asRealFiles.has(type) ? s?.airbyte : s?.official ?? s?.airbyte);
    }
  });

  it("same seed → byte-identical documents; other seed differs", async () => {
    const docs: Buffer[] = [];
    for (const seed of ["same", "same", "other"]) {
      const s = await testSandbox({ seed, volume: "small" });
      try {
        const tok = await spToken(s);
        const c = await spSend(s, tok, "POST", "/reports/2021-06-30/reports", { reportType: "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL", marketplaceIds: [US, "A2EUQ1WTGCTBG2"], dataStartTime: iso(now - 20 * DAY), dataEndTime: iso(now - DAY) });
        s.sandbox.clock.advance(60_000);
        const g = await spGet(s, tok, `/reports/2021-06-30/reports/${c.body.reportId}`);
        const d = await spGet(s, tok, `/reports/2021-06-30/documents/${encodeURIComponent(g.body.reportDocumentId)}`);
        docs.push(Buffer.from(await (await fetch(d.body.url)).arrayBuffer()));
      } finally { await s.close(); }
    }
    expect(docs[0]!.equals(docs[1]!)).toBe(true);
    expect(gunzipSync(docs[0]!).equals(gunzipSync(docs[2]!))).toBe(false);
  });

  it("the ground-truth endpoint returns the same rows as the document", async () => {
    const start = iso(now - 30 * DAY);
    const end = iso(now - 2 * DAY);
    const { text } = await runReport(sb, token, { reportType: "GET_FBA_REIMBURSEMENTS_DATA", marketplaceIds: [US], dataStartTime: start, dataEndTime: end });
    const truth = await (await fetch(`${sb.origin}/__sandbox/truth/report?reportType=GET_FBA_REIMBURSEMENTS_DATA&marketplaceId=${US}&from=${start}&to=${end}`)).json();
    const ids = text!.replace(/\n$/, "").split("\n").slice(1).map((l) => l.split("\t")[1]);
    expect(truth.rows.map((r: Record<string, string>) => r["reimbursement-id"])).toEqual(ids);
  });

  it("the order-date report holds orders once they leave Pending", async () => {
    const s = await testSandbox({ volume: "small" });
    try {
      const tok = await spToken(s);
      const start = iso(now - DAY);
      const end = iso(now - 120_000);
      const api = await spGet(s, tok, `/orders/v0/orders?MarketplaceIds=${US}&CreatedAfter=${start}&CreatedBefore=${end}`);
      const pending = (api.body.payload.Orders as Array<{ AmazonOrderId: string; OrderStatus: string }>).filter((o) => o.OrderStatus === "Pending").map((o) => o.AmazonOrderId);
      expect(pending.length).toBeGreaterThan(0);
      const { text } = await runReport(s, tok, { reportType: "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL", marketplaceIds: [US], dataStartTime: start, dataEndTime: end });
      const ids = new Set(text!.split("\n").slice(1).map((l) => l.split("\t")[0]));
      for (const id of pending) expect(ids.has(id), id).toBe(false);
      expect(ids.size).toBeGreaterThan(10);
    } finally { await s.close(); }
  });

  it("ledger receipts add up to what the inbound API says was received", async () => {
    const start = now - 90 * DAY;
    const end = now - DAY;
    const rows = (await (await fetch(`${sb.origin}/__sandbox/truth/report?reportType=GET_LEDGER_DETAIL_VIEW_DATA&marketplaceId=${US}&from=${iso(start)}&to=${iso(end)}`)).json()).rows as Array<Record<string, string>>;
    const receipts = rows.filter((r) => r["Event Type"] === "Receipts");
    expect(receipts.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r["Event Type"]))).toEqual(new Set(["Shipments", "CustomerReturns", "Adjustments", "Receipts"]));
    sb.sandbox.quotas.reset();
    const shipments = (await spGet(sb, await spToken(sb), `/fba/inbound/v0/shipments?QueryType=SHIPMENT&MarketplaceId=${US}&ShipmentStatusList=CLOSED`)).body.payload.ShipmentData as Array<{ ShipmentId: string }>;
    let checked = 0;
    for (const sh of shipments) {
      const mine = receipts.filter((r) => r["Reference ID"] === sh.ShipmentId);
      if (mine.length === 0) continue;
      sb.sandbox.quotas.reset();
      const items = (await spGet(sb, await spToken(sb), `/fba/inbound/v0/shipments/${sh.ShipmentId}/items?MarketplaceId=${US}`)).body.payload.ItemData as Array<{ QuantityReceived: number }>;
      // Receiving and closing both inside the window ⇒ two receipt rows per item (one if a single unit).
      const expectedRows = items.reduce((a, i) => a + (i.QuantityReceived >= 2 ? 2 : i.QuantityReceived), 0);
      if (mine.length !== expectedRows) continue;
      const received = items.reduce((a, i) => a + i.QuantityReceived, 0);
      expect(mine.reduce((a, r) => a + Number(r.Quantity), 0)).toBe(received);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("orders reports over 30 days give Amazon's range-exceeded document", async () => {
    const { text } = await runReport(sb, token, { reportType: "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL", marketplaceIds: [US], dataStartTime: iso(now - 45 * DAY), dataEndTime: iso(now - DAY) });
    expect(text).toContain("Date range exceeded");
  });

  it("malformed-rows knob injects broken lines", async () => {
    const s = await testSandbox({ volume: "small" });
    try {
      await fetch(`${s.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify({ faults: { createReport: { malformedRows: 3 } } }) });
      const tok = await spToken(s);
      const { text } = await runReport(s, tok, { reportType: "GET_FBA_REIMBURSEMENTS_DATA", marketplaceIds: [US], dataStartTime: iso(now - 60 * DAY), dataEndTime: iso(now - DAY) });
      const lines = text!.replace(/\n$/, "").split("\n");
      const width = lines[0]!.split("\t").length;
      expect(lines.filter((l) => l.split("\t").length !== width)).toHaveLength(3);
    } finally { await s.close(); }
  });

  it("long-term storage fees charge at least one unit and never a negative amount (every seller, marketplace and month)", async () => {
    let rows = 0;
    for (const seller of sb.sandbox.world.sellers) {
      const q = new URLSearchParams({ reportType: "GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA", sellerId: seller.sellerId, from: iso(now - 400 * DAY), to: iso(now) });
      const truth = (await (await fetch(`${sb.origin}/__sandbox/truth/report?${q}`)).json()) as { rows: Array<Record<string, string>> };
      for (const r of truth.rows) {
        rows += 1;
        expect(Number(r["qty-charged"]), JSON.stringify(r)).toBeGreaterThanOrEqual(1);
        expect(Number(r["amount-charged"]), JSON.stringify(r)).toBeGreaterThanOrEqual(0);
        expect(["271-300", "301-330", "331-365", "365+"]).toContain(r["surcharge-age-tier"]);
      }
    }
    // Enough rows that a sign error in the generator would show (it once gave a third of them negative).
    expect(rows).toBeGreaterThan(100);
  });

  it("storage fees appear only from the publication day (10th–18th), LTSF from the 18th–22nd", async () => {
    const s = await testSandbox({ volume: "small", now: () => new Date("2026-03-01T12:00:00Z") });
    try {
      const seller = s.sandbox.world.sellers[0]!;
      const zone = "America/Los_Angeles";
      const sfDay = storageFeePublicationDay(s.sandbox.seed, seller.sellerId, "2026-02");
      const ltDay = ltsfPublicationDay(s.sandbox.seed, seller.sellerId, "2026-02");
      expect(sfDay).toBeGreaterThanOrEqual(10);
      expect(sfDay).toBeLessThanOrEqual(18);
      expect(ltDay).toBeGreaterThanOrEqual(18);
      expect(ltDay).toBeLessThanOrEqual(22);
      const range = { marketplaceIds: [US], dataStartTime: "2026-02-01T08:00:00Z", dataEndTime: "2026-02-28T08:00:00Z" };
      const sfPub = publicationMs("2026-02", sfDay, zone);
      const delay = s.sandbox.options.reportDelaySeconds * 1000 + 1000;
      // Move to just before publication (the report is evaluated when processing ends).
      s.sandbox.clock.advance(sfPub - s.sandbox.clock.now() - delay - 60_000);
      const before = await runReport(s, await spToken(s), { reportType: "GET_FBA_STORAGE_FEE_CHARGES_DATA", ...range });
      expect(before.report.processingStatus).toBe("CANCELLED");
      s.sandbox.clock.advance(5 * 3600_000);
      const after = await runReport(s, await spToken(s), { reportType: "GET_FBA_STORAGE_FEE_CHARGES_DATA", ...range });
      expect(after.report.processingStatus).toBe("DONE");
      expect(after.text).toContain("\t2026-02\t");
      const ltPub = publicationMs("2026-02", ltDay, zone);
      expect(DateTime.fromMillis(ltPub, { zone }).day).toBe(ltDay);
      s.sandbox.clock.advance(Math.max(0, ltPub - s.sandbox.clock.now() - delay - 60_000));
      const ltBefore = await runReport(s, await spToken(s), { reportType: "GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA", ...range });
      expect(ltBefore.report.processingStatus).toBe("CANCELLED");
      s.sandbox.clock.advance(5 * 3600_000);
      const ltAfter = await runReport(s, await spToken(s), { reportType: "GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA", ...range });
      expect(ltAfter.report.processingStatus).toBe("DONE");
      expect(ltAfter.text).toContain("2026-02-28\t");
    } finally { await s.close(); }
  });
});
