import { sql } from "drizzle-orm";
import { inventoryLevels as t } from "~/server/sync/tasks/inventory/table";
import { defineList, type ListSettings } from "./definition";

/*
 * The Inventory module: each FBA SKU's quantities by state per marketplace (Amazon's last complete listing),
 * beside its units sold in the last 7, 14 and 30 local days (from its own orders), its days of supply and a
 * restock suggestion. The formula, in words the page repeats:
 *   daily rate        = units sold in the last 30 days ÷ 30
 *   days of supply    = fulfillable ÷ daily rate ("no sales" without any)
 *   restock           = max(0, ⌈daily rate × (lead time + days of cover)⌉ − (fulfillable + inbound))
 * where inbound is working + shipped + receiving, and lead time and days of cover are the seller's settings.
 */

export const LEAD_TIME_DAYS = 30;
export const COVER_DAYS = 30;

/** Sold units per SKU in the last 7, 14 and 30 complete local days (yesterday and before), cancelled orders left out. */
const SALES = "inventory_sales";
const sold = (days: 7 | 14 | 30) => sql`coalesce(${sql.identifier(SALES)}.${sql.identifier(`units_${days}`)}, 0)`;

function salesOf(organizationId: string) {
  // Local days: each marketplace's own calendar. The first bound (UTC today − 32) lets the orders index
  // (organization, purchase day) narrow the scan to a month whatever the zones.
  return sql`
    select o.store_marketplace_id, i.seller_sku,
      sum(i.quantity_ordered) filter (where o.purchase_day >= to_char((now() at time zone m.time_zone)::date - 7, 'YYYY-MM-DD')) as units_7,
      sum(i.quantity_ordered) filter (where o.purchase_day >= to_char((now() at time zone m.time_zone)::date - 14, 'YYYY-MM-DD')) as units_14,
      sum(i.quantity_ordered) as units_30
    from orders o
    join order_items i on i.store_marketplace_id = o.store_marketplace_id and i.amazon_order_id = o.amazon_order_id
    join store_marketplaces m on m.id = o.store_marketplace_id
    where o.organization_id = ${organizationId}::uuid
      and o.purchase_day >= to_char((now() at time zone 'UTC')::date - 32, 'YYYY-MM-DD')
      and o.purchase_day >= to_char((now() at time zone m.time_zone)::date - 30, 'YYYY-MM-DD')
      and o.purchase_day < to_char((now() at time zone m.time_zone)::date, 'YYYY-MM-DD')
      and o.status <> 'Canceled'
      and i.seller_sku is not null
    group by o.store_marketplace_id, i.seller_sku`;
}

const inbound = sql`(${t.inboundWorking} + ${t.inboundShipped} + ${t.inboundReceiving})`;
const restock = (s: ListSettings) =>
  sql`greatest(0, ceil(${sold(30)}::numeric * ${(s.lead ?? LEAD_TIME_DAYS) + (s.cover ?? COVER_DAYS)} / 30) - (${t.fulfillable} + ${inbound}))::int`;

export const inventoryList = defineList({
  key: "inventory",
  title: "Inventory",
  task: "inventory",
  table: t,
  organization: t.organizationId,
  scope: { kind: "store_marketplace", column: t.storeMarketplaceId },
  search: [t.sellerSku, t.asin, t.fnsku, t.productName],
  joins: ({ organizationId }) => [
    { source: salesOf(organizationId), alias: SALES, on: sql`${sql.identifier(SALES)}.store_marketplace_id = ${t.storeMarketplaceId} and ${sql.identifier(SALES)}.seller_sku = ${t.sellerSku}` },
  ],
  settings: [
    { key: "lead", label: "Lead time", unit: "days", default: LEAD_TIME_DAYS, min: 0, max: 365 },
    { key: "cover", label: "Days of cover", unit: "days", default: COVER_DAYS, min: 1, max: 365 },
  ],
  filters: [
    {
      key: "stock",
      label: "Stock",
      options: [
        { value: "restock", label: "Needs restock", when: (s) => sql`${restock(s)} > 0` },
        { value: "out", label: "Out of stock", when: sql`${t.fulfillable} = 0 and ${t.removedAt} is null` },
        { value: "gone", label: "No longer listed by Amazon", when: sql`${t.removedAt} is not null` },
      ],
    },
  ],
  columns: [
    { key: "sellerSku", label: "SKU", column: t.sellerSku, kind: "code" },
    { key: "asin", label: "ASIN", column: t.asin, kind: "code" },
    { key: "fnsku", label: "FNSKU", column: t.fnsku, kind: "code" },
    { key: "productName", label: "Product", column: t.productName, kind: "text" },
    { key: "fulfillable", label: "Fulfillable", column: t.fulfillable, kind: "int", total: true },
    { key: "inboundWorking", label: "Inbound working", column: t.inboundWorking, kind: "int", total: true },
    { key: "inboundShipped", label: "Inbound shipped", column: t.inboundShipped, kind: "int", total: true },
    { key: "inboundReceiving", label: "Inbound receiving", column: t.inboundReceiving, kind: "int", total: true },
    { key: "reserved", label: "Reserved", column: t.reserved, kind: "int", total: true },
    { key: "researching", label: "Researching", column: t.researching, kind: "int", total: true },
    { key: "unfulfillable", label: "Unfulfillable", column: t.unfulfillable, kind: "int", total: true },
    { key: "totalQuantity", label: "Total", column: t.totalQuantity, kind: "int", total: true },
    { key: "units7", label: "Sold 7 days", column: sql`${sold(7)}::int`, kind: "int", total: true },
    { key: "units14", label: "Sold 14 days", column: sql`${sold(14)}::int`, kind: "int", total: true },
    { key: "units30", label: "Sold 30 days", column: sql`${sold(30)}::int`, kind: "int", total: true },
    {
      key: "daysOfSupply",
      label: "Days of supply",
      column: sql`case when ${sold(30)} > 0 then round(${t.fulfillable}::numeric * 30 / ${sold(30)}, 1) end`,
      kind: "decimal",
      empty: "no sales",
    },
    { key: "restock", label: "Restock", column: restock, kind: "int", total: true },
    { key: "changedAt", label: "Quantities changed", column: t.changedAt, kind: "instant" },
    { key: "removedAt", label: "No longer listed since", column: t.removedAt, kind: "instant", empty: "" },
  ],
  defaultSort: { key: "restock", dir: "desc" },
  rowKey: [t.storeMarketplaceId, t.sellerSku],
  detail: { column: "sellerSku", href: "/inventory/history", param: "sku", label: "Quantities over time" },
});
