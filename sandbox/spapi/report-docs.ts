import { DateTime } from "luxon";
import type { Sandbox } from "../state";
import { currencyDecimals, formatMinor } from "../util/money";
import { hash32, Rng } from "../util/rng";
import { addDays, DAY, HOUR, localDay } from "../util/time";
import { JP_TITLE_TAG, listingStatus, localPriceMinor } from "../world/catalog";
import type { Product } from "../world/catalog";
import type { LedgerAdjustment } from "../world/fba";
import { fbaProducts, fcFor, inboundShipmentsInMonth, inventoryLevel, ledgerAdjustmentsOnDay, ltsfPublicationDay, publicationMs, removalsOnDay, statusMs, storageFeePublicationDay } from "../world/fba";
import type { Marketplace } from "../world/marketplaces";
import { mustMarketplace } from "../world/marketplaces";
import type { Order } from "../world/orders";
import { lastUpdateAt, MAX_REFUND_LAG_MS, orderStatusAt } from "../world/orders";
import { refundFate, reimbursementsOnDay, returnScannedMs } from "../world/reimbursements";
import { JP_LISTING_COLUMNS, REPORT_COLUMNS } from "../world/report-columns";
import type { Seller } from "../world/sellers";
import type { ReportRecord } from "./report-store";

export interface ReportRequest {
  reportType: string;
  seller: Seller;
  marketplaces: Marketplace[];
  start: number;
  end: number;
  /** Data as Amazon held it at this instant (the report's processing end). */
  asOf: number;
  /** reportOptions.preferredReportDocumentLocale (e.g. en_US): the language of the file's headers. */
  locale?: string;
}

/** A row's cells, or the row already joined with tabs (big reports keep only the joined line). */
type Row = string[] | string;

const clean = (s: string) => s.replace(/[\t\r\n]/g, " ");
const iso00 = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "+00:00");
/** Fixed-point decimal string from a float computed in integer steps of 10^-dp. */
const dec = (v: number, dp: number) => {
  const scaled = Math.round(v * 10 ** dp);
  const neg = scaled < 0;
  const abs = Math.abs(scaled);
  const unit = 10 ** dp;
  return (neg ? "-" : "") + String(Math.floor(abs / unit)) + (dp ? "." + String(abs % unit).padStart(dp, "0") : "");
};

function days(mp: Marketplace, start: number, end: number): string[] {
  const out: string[] = [];
  const last = localDay(end - 1, mp.timezone);
  for (let d = localDay(start, mp.timezone); d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

const STATUS_FLAT: Record<string, string> = { Pending: "Pending", Unshipped: "Unshipped", Shipped: "Shipped", Canceled: "Cancelled" };

function orderRows(sb: Sandbox, r: ReportRequest, byUpdate: boolean): Row[] {
  const rows: Array<{ k: number; id: string; row: string }> = [];
  for (const mp of r.marketplaces) {
    // "Order date" ranges select orders by when they became fulfillable (left Pending); orders
    // cancelled while still pending count from their purchase (report type values guide).
    const gen: Iterable<Order> = byUpdate ? sb.world.ordersTouchable(r.seller, mp, r.start, r.end) : sb.world.ordersPurchasedBetween(r.seller, mp, r.start - 5 * HOUR, r.end);
    for (const o of gen) {
      if (o.purchaseMs > r.asOf) continue;
      const lu = lastUpdateAt(o, r.asOf);
      if (byUpdate && (lu < r.start || lu >= r.end)) continue;
      if (!byUpdate) {
        const fulfillable = o.cancelMs !== undefined && o.cancelMs < o.pendingUntilMs ? o.purchaseMs : o.pendingUntilMs;
        if (fulfillable < r.start || fulfillable >= r.end || fulfillable > r.asOf) continue;
      }
      const st = orderStatusAt(o, r.asOf);
      const cur = mp.currency;
      for (const l of o.lines) {
        const row: Row = [
          o.amazonOrderId, o.amazonOrderId, iso00(o.purchaseMs), iso00(lu), STATUS_FLAT[st] ?? st, o.channel === "AFN" ? "Amazon" : "Merchant", mp.salesChannel, "",
          o.shipServiceLevel === "Expedited" ? "Expedited" : "Standard", clean(l.product.title), l.product.sku, l.product.asin,
          st === "Canceled" ? "Cancelled" : st === "Shipped" ? "Shipped" : "Unshipped", String(l.quantity), cur,
          formatMinor(l.itemPrice, cur), formatMinor(l.itemTax, cur), formatMinor(l.shippingPrice, cur), formatMinor(l.shippingTax, cur), "", "",
          l.promotionDiscount ? formatMinor(-l.promotionDiscount, cur) : "", "", o.ship.city, o.ship.state, o.ship.postalCode, o.ship.country,
          l.promotionIds.join(","),
        ];
        if (!byUpdate) row.push("");
        row.push(o.isBusiness ? "true" : "false", "", "");
        rows.push({ k: byUpdate ? lu : o.purchaseMs, id: o.amazonOrderId, row: row.join("\t") });
      }
    }
  }
  rows.sort((a, b) => a.k - b.k || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((x) => x.row);
}

function listingRows(sb: Sandbox, r: ReportRequest): Row[] {
  const mp = r.marketplaces[0];
  if (!mp) return [];
  const region = mp.region;
  return sb.world.catalog(r.seller).map((p) => {
    const open = DateTime.fromISO(p.openDate, { zone: mp.timezone }).plus({ hours: 9 + (hash32(p.sku) % 8) });
    const own = p.isParent || p.channel === "AFN" ? null : inventoryLevel(sb.seed, r.seller.sellerId, mp, p, r.asOf).fulfillable;
    const qty = own === null ? "" : String(own);
    return [
      (mp.countryCode === "JP" ? JP_TITLE_TAG : "") + clean(p.title), "", "0" + String(hash32(sb.seed, "listing", p.sku, mp.id)).padStart(10, "0").slice(0, 10) + "X", p.sku,
      p.isParent ? "" : formatMinor(localPriceMinor(p, mp.priceFactor, mp.currency), mp.currency), qty, open.toFormat("yyyy-MM-dd HH:mm:ss ZZZZ"),
      "", "y", "1", "", "", "11", "", "", "", p.asin, "", "", "", "", "", p.asin, "", "", "0",
      p.channel === "AFN" ? `AMAZON_${region}` : "DEFAULT", p.channel === "AFN" ? "" : "Migrated Template", listingStatus(sb.seed, r.seller.sellerId, mp.id, p, own),
    ];
  });
}

function monthsBetween(start: number, end: number, zone: string): string[] {
  const out: string[] = [];
  let m = DateTime.fromMillis(start, { zone }).startOf("month");
  const last = DateTime.fromMillis(end - 1, { zone }).startOf("month");
  while (m <= last) { out.push(m.toFormat("yyyy-MM")); m = m.plus({ months: 1 }); }
  return out;
}

const inches = (cm: number) => cm / 2.54;

function storageFeeRows(sb: Sandbox, r: ReportRequest): Row[] {
  const rows: Row[] = [];
  for (const mp of r.marketplaces) {
    for (const month of monthsBetween(r.start, r.end, mp.timezone)) {
      if (publicationMs(month, storageFeePublicationDay(sb.seed, r.seller.sellerId, month), mp.timezone) > r.asOf) continue;
      const peak = month.endsWith("-10") || month.endsWith("-11") || month.endsWith("-12");
      const rate = peak ? 2.4 : 0.78;
      const mid = DateTime.fromISO(`${month}-15`, { zone: mp.timezone }).toMillis();
      for (const p of fbaProducts(sb.world.catalog(r.seller))) {
        const inv = inventoryLevel(sb.seed, r.seller.sellerId, mp, p, mid);
        if (inv.fulfillable === 0) continue;
        const L = inches(p.dims.longestCm); const M = inches(p.dims.medianCm); const S = inches(p.dims.shortestCm);
        const vol = (L * M * S) / 1728;
        const total = vol * inv.fulfillable;
        const fee = total * rate * mp.priceFactor;
        rows.push([
          p.asin, p.fnsku, clean(p.title), fcFor(sb.seed, mp, p.sku), mp.countryCode, dec(L, 2), dec(M, 2), dec(S, 2), "inches", dec(p.dims.weightKg * 2.20462, 2), "pounds",
          dec(vol, 4), "cubic feet", L > 18 || M > 14 || S > 8 ? "Standard-Size" : "Small standard-size", dec(inv.fulfillable, 2), "0.00", dec(total, 4), month, dec(rate, 2),
          dec(fee, currencyDecimals(mp.currency) + 2), mp.currency, dec(inv.reserved, 2), dec(rate, 2), "0.00", "--", "N", "N", "", "", "0.00", "0.00",
        ]);
      }
    }
  }
  return rows;
}

function ltsfRows(sb: Sandbox, r: ReportRequest): Row[] {
  const rows: Row[] = [];
  for (const mp of r.marketplaces) {
    for (const month of monthsBetween(r.start, r.end, mp.timezone)) {
      const pub = publicationMs(month, ltsfPublicationDay(sb.seed, r.seller.sellerId, month), mp.timezone);
      if (pub > r.asOf) continue;
      const snapshot = DateTime.fromISO(`${month}-01`, { zone: mp.timezone }).endOf("month").toISODate() ?? month;
      for (const p of fbaProducts(sb.world.catalog(r.seller))) {
        const h = hash32(sb.seed, "aged", r.seller.sellerId, mp.id, p.sku, month);
        if (h % 5 !== 0) continue;
        const qty = 1 + (h >>> 4) % 12;
        const vol = (inches(p.dims.longestCm) * inches(p.dims.medianCm) * inches(p.dims.shortestCm)) / 1728;
        const tier = ["271-300", "301-330", "331-365", "365+"][(h >>> 9) % 4] ?? "365+";
        const rate = tier === "365+" ? 6.9 : tier === "331-365" ? 3.8 : tier === "301-330" ? 3.6 : 1.5;
        const amt = Math.round(vol * qty * rate * mp.priceFactor * 10 ** currencyDecimals(mp.currency));
        rows.push([snapshot, p.sku, p.fnsku, p.asin, clean(p.title), "New", dec(vol, 2), mp.currency, "cubic feet", mp.countryCode, String(qty), formatMinor(amt, mp.currency), tier, dec(rate, 2)]);
      }
    }
  }
  return rows;
}

function reimbursementRows(sb: Sandbox, r: ReportRequest): Row[] {
  const rows: Array<[number, Row]> = [];
  for (const mp of r.marketplaces) {
    for (const d of days(mp, r.start, Math.min(r.end, r.asOf))) {
      for (const x of reimbursementsOnDay(sb.world, r.seller, mp, d)) {
        if (x.approvalMs < r.start || x.approvalMs >= r.end || x.approvalMs > r.asOf) continue;
        const q = x.qtyCash + x.qtyInventory;
        rows.push([x.approvalMs, [iso00(x.approvalMs), x.id, x.caseId, x.orderId, x.reason, x.product.sku, x.product.fnsku, x.product.asin, clean(x.product.title), "NewItem", mp.currency,
          formatMinor(x.amountPerUnit, mp.currency), formatMinor(x.amountPerUnit * x.qtyCash, mp.currency), String(x.qtyCash), String(x.qtyInventory), String(q), "", ""]]);
      }
    }
  }
  return rows.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
}

function removalRows(sb: Sandbox, r: ReportRequest): Row[] {
  const rows: Row[] = [];
  for (const mp of r.marketplaces) {
    for (const d of days(mp, r.start, Math.min(r.end, r.asOf))) {
      for (const o of removalsOnDay(sb.seed, r.seller, mp, sb.world.catalog(r.seller), d)) {
        if (o.requestMs < r.start || o.requestMs >= r.end || o.requestMs > r.asOf) continue;
        const done = o.completeMs <= r.asOf;
        for (const l of o.lines) {
          const shipped = done && o.type === "Return" ? l.qty : 0;
          const disposed = done && o.type === "Disposal" ? l.qty : 0;
          rows.push([iso00(o.requestMs), o.orderId, o.type, "Standard", done ? "Completed" : "Pending", iso00(done ? o.completeMs : o.requestMs), l.product.sku, l.product.fnsku, l.disposition,
            String(l.qty), "0", String(disposed), String(shipped), String(done ? 0 : l.qty), formatMinor(o.feePerUnit * l.qty, mp.currency), mp.currency]);
        }
      }
    }
  }
  return rows;
}

interface ReturnEvent { ms: number; o: Order; product: Product; qty: number; reason: string; disposition: string; lpn: string; fc: string }

export function customerReturns(sb: Sandbox, seller: Seller, mp: Marketplace, start: number, end: number, asOf: number): ReturnEvent[] {
  const out: ReturnEvent[] = [];
  for (const o of sb.world.ordersPurchasedBetween(seller, mp, start - MAX_REFUND_LAG_MS, Math.min(end, asOf))) {
    const rf = o.refund;
    // Only a unit that came back is a return (the refund's fate: see world/reimbursements.ts).
    if (!rf || refundFate(sb.seed, o)?.kind !== "returned") continue;
    const ms = returnScannedMs(rf);
    if (ms < start || ms >= end || ms > asOf) continue;
    const line = o.lines[rf.lineIndex];
    if (!line) continue;
    const rng = new Rng(sb.seed, "return", o.amazonOrderId);
    out.push({ ms, o, product: line.product, qty: rf.quantity, reason: rf.reason, disposition: rng.pick(["SELLABLE", "SELLABLE", "CUSTOMER_DAMAGED", "DEFECTIVE", "CARRIER_DAMAGED"]), lpn: "LPN" + rng.alnum(9), fc: fcFor(sb.seed, mp, line.product.sku) });
  }
  return out.sort((a, b) => a.ms - b.ms);
}

function returnRows(sb: Sandbox, r: ReportRequest): Row[] {
  return r.marketplaces.flatMap((mp) => customerReturns(sb, r.seller, mp, r.start, r.end, r.asOf).map((x) => [
    iso00(x.ms), x.o.amazonOrderId, x.product.sku, x.product.asin, x.product.fnsku, clean(x.product.title), String(x.qty), x.fc, x.disposition, x.reason,
    x.disposition === "SELLABLE" ? "Unit returned to inventory" : "Reimbursed", x.lpn, "",
  ]));
}

/**
 * A lost or damaged adjustment's reconciliation as the ledger shows it when the file is made: units found or
 * reimbursed by then are reconciled, the others not (yet). Other adjustments have nothing to reconcile.
 */
function reconciliation(a: LedgerAdjustment, asOf: number): [string, string] {
  if (a.reason !== "M" && a.reason !== "E") return ["0", "0"];
  const units = Math.abs(a.qty);
  const settled = a.fate && a.fate.kind !== "open" && a.fate.ms <= asOf;
  return settled ? [String(units), "0"] : ["0", String(units)];
}

/**
 * The inventory ledger as Amazon writes it: one marketplace (it is requested per marketplace), its local date
 * and the event's instant ("Date and Time"), with the headers of real files.
 */
function ledgerRows(sb: Sandbox, r: ReportRequest): Row[] {
  const mp = r.marketplaces[0];
  if (!mp) return [];
  const rows: Array<[number, Row]> = [];
  const end = Math.min(r.end, r.asOf);
  const catalog = sb.world.catalog(r.seller);
  const row = (ms: number, p: Product, event: string, reference: string, qty: number, fc: string, disposition: string, reason: string, reconciled: string, unreconciled: string) =>
    rows.push([ms, [DateTime.fromMillis(ms, { zone: mp.timezone }).toFormat("MM/dd/yyyy"), p.fnsku, p.asin, p.sku, clean(p.title), event, reference, String(qty), fc, disposition, reason, mp.countryCode, reconciled, unreconciled, iso00(ms)].join("\t")]);
  // Customer shipments: AFN order lines leaving the warehouse.
  for (const o of sb.world.ordersTouchable(r.seller, mp, r.start, end)) {
    if (o.channel !== "AFN" || o.shipMs === undefined || o.shipMs < r.start || o.shipMs >= end) continue;
    for (const l of o.lines) row(o.shipMs, l.product, "Shipments", o.amazonOrderId, -l.quantity, fcFor(sb.seed, mp, l.product.sku), "SELLABLE", "", "", "");
  }
  for (const x of customerReturns(sb, r.seller, mp, r.start, end, r.asOf)) row(x.ms, x.product, "CustomerReturns", x.o.amazonOrderId, x.qty, x.fc, x.disposition, "", "", "");
  // Receipts: inbound units counted in, 60 % when receiving starts and the rest at closing.
  for (const month of monthsBetween(r.start - 40 * DAY, end, mp.timezone)) {
    if (month < sb.world.config.historyStart.slice(0, 7)) continue;
    for (const s of inboundShipmentsInMonth(sb.seed, r.seller, mp, catalog, month)) {
      const receiving = statusMs(s, "RECEIVING");
      const closed = statusMs(s, "CLOSED");
      for (const it of s.items) {
        const first = Math.floor(it.received * 0.6);
        const steps: Array<[number | undefined, number]> = [[receiving, first], [closed, it.received - first]];
        for (const [ms, qty] of steps) {
          if (ms === undefined || qty <= 0 || ms < r.start || ms >= end) continue;
          row(ms, it.product, "Receipts", s.shipmentId, qty, s.fc, "SELLABLE", "", "", "");
        }
      }
    }
  }
  for (const d of days(mp, r.start, end)) {
    for (const a of ledgerAdjustmentsOnDay(sb.seed, r.seller, mp, catalog, d)) {
      if (a.ms < r.start || a.ms >= end) continue;
      row(a.ms, a.product, "Adjustments", a.referenceId, a.qty, a.fc, a.disposition, a.reason, ...reconciliation(a, r.asOf));
    }
  }
  return rows.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
}

export type DocumentResult = { kind: "rows"; text: string; rows: number } | { kind: "empty" };

/** Orders reports reject ranges beyond 30 days with this document (issue #2591). */
export const ORDERS_RANGE_EXCEEDED = "Date range exceeded. Report can be requested only upto 30 days";

export function buildDocument(sb: Sandbox, r: ReportRequest, malformedRows = 0): DocumentResult {
  const isOrders = r.reportType.startsWith("GET_FLAT_FILE_ALL_ORDERS_DATA");
  if (isOrders && r.end - r.start > 30 * DAY + 60_000) return { kind: "rows", text: ORDERS_RANGE_EXCEEDED + "\n", rows: 0 };
  let rows: Row[];
  switch (r.reportType) {
    case "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL": rows = orderRows(sb, r, false); break;
    case "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL": rows = orderRows(sb, r, true); break;
    case "GET_MERCHANT_LISTINGS_ALL_DATA": rows = listingRows(sb, r); break;
    case "GET_FBA_STORAGE_FEE_CHARGES_DATA": rows = storageFeeRows(sb, r); break;
    case "GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA": rows = ltsfRows(sb, r); break;
    case "GET_FBA_REIMBURSEMENTS_DATA": rows = reimbursementRows(sb, r); break;
    case "GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA": rows = removalRows(sb, r); break;
    case "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA": rows = returnRows(sb, r); break;
    case "GET_LEDGER_DETAIL_VIEW_DATA": rows = ledgerRows(sb, r); break;
    default: return { kind: "empty" };
  }
  if (rows.length === 0) return { kind: "empty" };
  let header = REPORT_COLUMNS[r.reportType] ?? [];
  if (r.reportType === "GET_MERCHANT_LISTINGS_ALL_DATA" && r.marketplaces[0]?.countryCode === "JP" && r.seller.feedLanguage === "ja" && r.locale !== "en_US") {
    // Amazon JP's own columns, named in Japanese.
    const at = JP_LISTING_COLUMNS.map(([english]) => header.indexOf(english));
    rows = rows.map((x) => (typeof x === "string" ? x.split("\t") : x)).map((cells) => at.map((i) => cells[i] ?? ""));
    header = JP_LISTING_COLUMNS.map(([, japanese]) => japanese);
  }
  const lines = [header.join("\t"), ...rows.map((x) => (typeof x === "string" ? x : x.join("\t")))];
  if (malformedRows > 0) {
    // Fault knob: rows with a wrong column count and an unterminated quote, spread through the file.
    const rng = new Rng(sb.seed, "malformed", r.reportType, r.start);
    for (let i = 0; i < malformedRows; i++) {
      const at = 1 + rng.int(0, lines.length - 1);
      lines.splice(at, 0, `"broken\t${rng.alnum(6)}\t\t`);
    }
  }
  return { kind: "rows", text: lines.join("\n") + "\n", rows: rows.length };
}

export function requestFor(sb: Sandbox, rec: ReportRecord, seller: Seller): ReportRequest {
  return {
    reportType: rec.reportType,
    seller,
    marketplaces: rec.marketplaceIds.map(mustMarketplace),
    start: rec.dataStartTime ?? rec.createdTime - 30 * DAY,
    end: rec.dataEndTime ?? rec.createdTime,
    asOf: rec.doneAt,
    ...(rec.reportOptions?.preferredReportDocumentLocale ? { locale: rec.reportOptions.preferredReportDocumentLocale } : {}),
  };
}
