import { DateTime } from "luxon";
import type { CopyValue } from "../../replace-days";
import { AmountSum } from "./amounts";
import { STAGING_COLUMNS } from "./lines";

/**
 * Orders of a report that are not stored yet (a first backfill's, nearly always) are written by COPY, as
 * the merge would write them: the same order as the API would give it and the same items. Built here, in
 * memory, from the report's lines; merge.ts's statements do the same in SQL for orders already stored.
 */

const at = (column: (typeof STAGING_COLUMNS)[number]) => STAGING_COLUMNS.indexOf(column);
const ID = at("amazon_order_id");
const PURCHASED = at("purchase_date");
const UPDATED = at("last_update_date");
const STATUS = at("status");
const CHANNEL = at("fulfillment_channel");
const SALES_CHANNEL = at("sales_channel");
const SKU = at("sku");
const ASIN = at("asin");
const TITLE = at("title");
const ITEM_STATUS = at("item_status");
const QUANTITY = at("quantity");
const CURRENCY = at("currency");
const ITEM_PRICE = at("item_price");
const ITEM_TAX = at("item_tax");
const SHIPPING_PRICE = at("shipping_price");
const PROMOTION = at("item_promotion_discount");
const BUSINESS = at("is_business_order");
const TOTAL_PARTS = (["item_price", "item_tax", "shipping_price", "shipping_tax", "gift_wrap_price", "gift_wrap_tax", "item_promotion_discount", "ship_promotion_discount"] as const).map(at);

export const ORDER_COLUMNS = [
  "organization_id", "store_marketplace_id", "amazon_order_id", "purchase_date", "purchase_day", "last_update_date", "status",
  "fulfillment_channel", "sales_channel", "order_total", "currency_code", "number_of_items_shipped", "number_of_items_unshipped",
  "is_business_order", "synced_at", "items_synced_for",
] as const;

export const ITEM_COLUMNS = [
  "organization_id", "store_marketplace_id", "amazon_order_id", "order_item_id", "asin", "seller_sku", "title", "quantity_ordered",
  "quantity_shipped", "item_price", "item_tax", "shipping_price", "promotion_discount", "currency_code", "synced_at",
] as const;

// The flat file words statuses and channels as Seller Central does; the Orders API (and our table) as the API does.
const API_STATUS: Record<string, string> = { Cancelled: "Canceled", Shipping: "Unshipped" };
const API_CHANNEL: Record<string, string> = { Amazon: "AFN", Merchant: "MFN" };

/** The report's lines by order, each order's lines in file order. */
export function linesByOrder(lines: readonly CopyValue[][]): Map<string, CopyValue[][]> {
  const orders = new Map<string, CopyValue[][]>();
  for (const line of lines) {
    const id = line[ID] as string;
    const of = orders.get(id);
    if (of) of.push(line);
    else orders.set(id, [line]);
  }
  return orders;
}

/** The least of an order's values (as SQL's min: nulls ignored). */
function least(lines: readonly CopyValue[][], column: number): string | null {
  let min: string | null = null;
  for (const line of lines) {
    const v = line[column] as string | null;
    if (v !== null && (min === null || v < min)) min = v;
  }
  return min;
}

/** The local day of an instant, remembered by its day's bounds: a report's orders fall on a few dozen days. */
export class LocalDayOf {
  private start = 0;
  private end = 0;
  private day = "";
  constructor(private readonly timeZone: string) {}
  of(ms: number): string {
    if (ms < this.start || ms >= this.end) {
      const local = DateTime.fromMillis(ms, { zone: this.timeZone });
      this.day = local.toISODate()!;
      this.start = local.startOf("day").toMillis();
      this.end = local.plus({ days: 1 }).startOf("day").toMillis();
    }
    return this.day;
  }
}

export interface FreshScope {
  organizationId: string;
  scopeId: string;
  syncedAt: string;
  days: LocalDayOf;
}

/**
 * One order as the API would give it: its total is what the API's OrderTotal sums (prices, taxes, shipping
 * and gift wrap, less promotions; the file gives discounts as negative amounts), withheld for pending and
 * cancelled orders as the API withholds it.
 */
export function freshOrder(id: string, lines: readonly CopyValue[][], scope: FreshScope): CopyValue[] {
  const first = lines[0]!;
  let purchased = first[PURCHASED] as string;
  let purchasedMs = Date.parse(purchased);
  let updated = first[UPDATED] as string;
  let updatedMs = lines.length > 1 ? Date.parse(updated) : 0;
  let shipped = 0;
  let unshipped = 0;
  const total = new AmountSum();
  for (const line of lines) {
    if (line !== first) {
      const p = Date.parse(line[PURCHASED] as string);
      if (p < purchasedMs) [purchased, purchasedMs] = [line[PURCHASED] as string, p];
      const u = Date.parse(line[UPDATED] as string);
      if (u > updatedMs) [updated, updatedMs] = [line[UPDATED] as string, u];
    }
    const quantity = Number(line[QUANTITY]);
    if (line[ITEM_STATUS] === "Shipped") shipped += quantity;
    else if (line[ITEM_STATUS] !== "Cancelled") unshipped += quantity;
    for (const part of TOTAL_PARTS) total.add(line[part] as string | null);
  }
  const fileStatus = least(lines, STATUS)!;
  const status = API_STATUS[fileStatus] ?? fileStatus;
  const channel = least(lines, CHANNEL);
  const withheld = status === "Pending" || status === "Canceled";
  return [
    scope.organizationId, scope.scopeId, id, purchased, scope.days.of(purchasedMs), updated, status,
    channel === null ? null : (API_CHANNEL[channel] ?? channel), least(lines, SALES_CHANNEL),
    withheld ? null : (total.total() ?? "0"), withheld ? null : least(lines, CURRENCY),
    shipped, status === "Canceled" ? 0 : unshipped, least(lines, BUSINESS), scope.syncedAt, updated,
  ];
}

/**
 * The order's items. The file has no order item id: an item is keyed by its SKU within the order (numbered
 * when a SKU has two lines). The incremental sync, fetching such an order again once it changes, replaces
 * them with Amazon's ids.
 */
export function freshItems(id: string, lines: readonly CopyValue[][], scope: FreshScope): CopyValue[][] {
  // Most orders have one line: only an order of several counts its SKUs.
  const seen = lines.length > 1 ? new Map<string, number>() : null;
  return lines.map((line) => {
    const sku = line[SKU] as string;
    const n = seen ? (seen.get(sku) ?? 0) + 1 : 1;
    seen?.set(sku, n);
    const quantity = line[QUANTITY] as string;
    const promotion = line[PROMOTION] as string | null;
    return [
      scope.organizationId, scope.scopeId, id, n > 1 ? `flat:${sku}:${n}` : `flat:${sku}`, (line[ASIN] as string | null) ?? "", sku,
      line[TITLE] ?? null, quantity, line[ITEM_STATUS] === "Shipped" ? quantity : 0, line[ITEM_PRICE] ?? null, line[ITEM_TAX] ?? null,
      line[SHIPPING_PRICE] ?? null, promotion !== null && promotion.startsWith("-") ? promotion.slice(1) : promotion, line[CURRENCY] ?? null,
      scope.syncedAt,
    ];
  });
}
