import type postgres from "postgres";
import { copyInto, type CopyValue } from "../../replace-days";
import { STAGING_COLUMNS } from "./lines";

export interface HistoryMergeResult {
  lines: number;
  /** Orders inserted, or updated because the report's version was newer than the stored one. */
  orders: number;
  /** Order items written for orders whose stored items were not of their stored version. */
  items: number;
}

const STAGING = `create temp table staging_order_lines (
  line int not null, amazon_order_id text collate "C" not null, purchase_date timestamptz not null, last_update_date timestamptz not null,
  status text not null, fulfillment_channel text, sales_channel text, sku text not null, asin text, title text, item_status text,
  quantity int not null, currency text, item_price numeric, item_tax numeric, shipping_price numeric, shipping_tax numeric,
  gift_wrap_price numeric, gift_wrap_tax numeric, item_promotion_discount numeric, ship_promotion_discount numeric, is_business_order text
) on commit drop`;

// The flat file words statuses and channels as Seller Central does; the Orders API (and our table) as the API does.
const STATUS = `case min(status) when 'Cancelled' then 'Canceled' when 'Shipping' then 'Unshipped' else min(status) end`;
const CHANNEL = `case min(fulfillment_channel) when 'Amazon' then 'AFN' when 'Merchant' then 'MFN' else min(fulfillment_channel) end`;
const LINE_TOTAL = ["item_price", "item_tax", "shipping_price", "shipping_tax", "gift_wrap_price", "gift_wrap_tax", "item_promotion_discount", "ship_promotion_discount"]
  .map((c) => `coalesce(${c}, 0)`)
  .join(" + ");

/**
 * Orders as the API would give them, one per order of the report: the order total is what the API's
 * OrderTotal sums (prices, taxes, shipping and gift wrap, less promotions; the file gives discounts as
 * negative amounts), withheld for pending and cancelled orders as the API withholds it. An order already
 * stored is replaced only by a newer version (`last_update_date`): what the incremental sync wrote since
 * is fresher than a report, and an identical report changes nothing.
 */
const UPSERT_ORDERS = `with o as (
    select amazon_order_id, min(purchase_date) as purchase_date, max(last_update_date) as last_update_date, ${STATUS} as status,
      ${CHANNEL} as fulfillment_channel, min(sales_channel) as sales_channel, sum(${LINE_TOTAL}) as total, min(currency) as currency,
      coalesce(sum(quantity) filter (where item_status = 'Shipped'), 0)::int as shipped,
      coalesce(sum(quantity) filter (where item_status is distinct from 'Shipped' and item_status is distinct from 'Cancelled'), 0)::int as unshipped,
      min(is_business_order) as is_business_order
    from staging_order_lines group by amazon_order_id),
  written as (insert into orders (organization_id, store_marketplace_id, amazon_order_id, purchase_date, purchase_day, last_update_date, status,
    fulfillment_channel, sales_channel, order_total, currency_code, number_of_items_shipped, number_of_items_unshipped, is_business_order,
    synced_at, items_synced_for)
  select $2, $1, amazon_order_id, purchase_date, to_char(purchase_date at time zone $3, 'YYYY-MM-DD'), last_update_date, status,
    fulfillment_channel, sales_channel, case when status in ('Pending', 'Canceled') then null else total end,
    case when status in ('Pending', 'Canceled') then null else currency end,
    shipped, case when status = 'Canceled' then 0 else unshipped end, is_business_order, $4, last_update_date
  from o
  on conflict (store_marketplace_id, amazon_order_id) do update set
    purchase_date = excluded.purchase_date, purchase_day = excluded.purchase_day, last_update_date = excluded.last_update_date,
    status = excluded.status, fulfillment_channel = excluded.fulfillment_channel, sales_channel = excluded.sales_channel,
    order_total = excluded.order_total, currency_code = excluded.currency_code, number_of_items_shipped = excluded.number_of_items_shipped,
    number_of_items_unshipped = excluded.number_of_items_unshipped, is_business_order = excluded.is_business_order,
    synced_at = excluded.synced_at, items_synced_for = excluded.last_update_date
  where excluded.last_update_date > orders.last_update_date
  returning amazon_order_id)
  insert into history_item_targets select amazon_order_id from written`;

/**
 * The orders whose items the report writes: those the upsert wrote (collected by UPSERT_ORDERS, their
 * `items_synced_for` already set), and stored orders of the report's version whose items are missing (a run
 * of the incremental sync that died between an order and its items), marked here.
 */
const TARGETS = `create temp table history_item_targets (amazon_order_id text collate "C" primary key) on commit drop`;
const MISSING_ITEMS = `with missing as (update orders o set items_synced_for = o.last_update_date
    from (select amazon_order_id, max(last_update_date) as last_update_date from staging_order_lines group by amazon_order_id) s
    where o.store_marketplace_id = $1 and o.amazon_order_id = s.amazon_order_id and o.last_update_date = s.last_update_date
      and o.items_synced_for is distinct from o.last_update_date
    returning o.amazon_order_id)
  insert into history_item_targets select amazon_order_id from missing`;

const DELETE_ITEMS = `delete from order_items i using history_item_targets t where i.store_marketplace_id = $1 and i.amazon_order_id = t.amazon_order_id`;

/**
 * The file has no order item id: an item is keyed by its SKU within the order (numbered when a SKU has two
 * lines). The incremental sync, fetching such an order again once it changes, replaces them with Amazon's ids.
 */
const INSERT_ITEMS = `insert into order_items (organization_id, store_marketplace_id, amazon_order_id, order_item_id, asin, seller_sku, title,
    quantity_ordered, quantity_shipped, item_price, item_tax, shipping_price, promotion_discount, currency_code, synced_at)
  select $2, $1, s.amazon_order_id,
    'flat:' || s.sku || case when n > 1 then ':' || n else '' end, coalesce(s.asin, ''), s.sku, s.title,
    s.quantity, case when s.item_status = 'Shipped' then s.quantity else 0 end, s.item_price, s.item_tax, s.shipping_price,
    abs(s.item_promotion_discount), s.currency, $3
  from (select *, row_number() over (partition by amazon_order_id, sku order by line) as n from staging_order_lines) s
  join history_item_targets t on t.amazon_order_id = s.amazon_order_id`;

/**
 * Merges one orders report into the orders and their items, in one transaction: the lines are COPY'd into
 * a staging table, orders are inserted or (when newer) updated, and items are written for the orders
 * whose items are not of their stored version; orders placed from `placedBefore` on are left to the
 * incremental sync. A failure midway leaves everything as it was.
 */
export async function mergeOrderHistory(
  sql: postgres.Sql,
  scope: { organizationId: string; scopeId: string; timeZone: string; placedBefore: string },
  feed: (push: (lines: CopyValue[][]) => Promise<void>) => Promise<void>,
): Promise<HistoryMergeResult> {
  const params = [scope.scopeId, scope.organizationId, scope.timeZone, new Date().toISOString()];
  const cutoff = Date.parse(scope.placedBefore);
  const purchased = STAGING_COLUMNS.indexOf("purchase_date");
  return sql.begin(async (tx) => {
    // A report's orders are grouped in memory: PostgreSQL's 4 MB default spills a big seller's to disk.
    await tx.unsafe(`set local work_mem = '32MB'`);
    await tx.unsafe(STAGING);
    let lines = 0;
    // Orders placed from the cutoff on are dropped before they reach the database (cheaper than deleting).
    const staged = await copyInto(tx.unsafe(`copy staging_order_lines (${STAGING_COLUMNS.join(", ")}) from stdin`), (push) =>
      feed(async (rows) => {
        lines += rows.length;
        await push(rows.filter((row) => Date.parse(row[purchased] as string) < cutoff));
      }),
    );
    if (!staged) return { lines, orders: 0, items: 0 };
    await tx.unsafe(TARGETS);
    const orders = (await tx.unsafe(UPSERT_ORDERS, params)).count;
    await tx.unsafe(MISSING_ITEMS, [scope.scopeId]);
    await tx.unsafe(DELETE_ITEMS, [scope.scopeId]);
    const items = (await tx.unsafe(INSERT_ITEMS, [scope.scopeId, scope.organizationId, params[3]!])).count;
    return { lines, orders, items };
  });
}
