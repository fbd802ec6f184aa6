import postgres from "postgres";
import { copyInto, type CopyValue } from "../../replace-days";
import { freshItems, freshOrder, ITEM_COLUMNS, LocalDayOf, linesByOrder, ORDER_COLUMNS } from "./fresh";
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

const UNIQUE_VIOLATION = "23505";
const PURCHASED = STAGING_COLUMNS.indexOf("purchase_date");
const ORDER_ID = STAGING_COLUMNS.indexOf("amazon_order_id");

/**
 * Merges one orders report into the orders and their items, in one transaction; orders placed from
 * `placedBefore` on are left to the incremental sync. The report is read whole first (a malformed line
 * then writes nothing). Orders not stored yet are COPY'd with their items (fresh.ts); the others go
 * through a staging table and are replaced only when the report's version is newer. An order the
 * incremental sync stores meanwhile makes the COPY fail on its key: the whole report is merged instead.
 * A failure midway leaves everything as it was.
 */
export async function mergeOrderHistory(
  sql: postgres.Sql,
  scope: { organizationId: string; scopeId: string; timeZone: string; placedBefore: string },
  feed: (push: (lines: CopyValue[][]) => Promise<void>) => Promise<void>,
): Promise<HistoryMergeResult> {
  const syncedAt = new Date().toISOString();
  const cutoff = Date.parse(scope.placedBefore);
  let lines = 0;
  const kept: CopyValue[][] = [];
  await feed(async (rows) => {
    lines += rows.length;
    for (const row of rows) if (Date.parse(row[PURCHASED] as string) < cutoff) kept.push(row);
  });
  if (!kept.length) return { lines, orders: 0, items: 0 };
  const byOrder = linesByOrder(kept);
  const days = new LocalDayOf(scope.timeZone);
  const merge = (tx: postgres.TransactionSql, of: CopyValue[][]) => mergeStored(tx, [scope.scopeId, scope.organizationId, scope.timeZone, syncedAt], of);
  return sql.begin(async (tx) => {
    // A report's orders are grouped in memory: PostgreSQL's 4 MB default spills a big seller's to disk.
    await tx.unsafe(`set local work_mem = '32MB'`);
    // The stored orders among the report's, looked up by the report's local days (an order's purchase
    // day never changes); one stored under another day would make the COPY fail on its key, and the
    // report is then merged whole.
    const [first, last] = purchaseDays(kept, days);
    const stored = new Set(
      (await tx.unsafe(`select amazon_order_id from orders where organization_id = $1 and store_marketplace_id = $2 and purchase_day between $3 and $4`, [scope.organizationId, scope.scopeId, first, last]))
        .map((r) => r.amazon_order_id as string)
        .filter((id) => byOrder.has(id)),
    );
    let copied = { orders: 0, items: 0 };
    if (stored.size < byOrder.size) {
      const fresh = { ...scope, syncedAt, days };
      try {
        copied = await tx.savepoint(async (sp) => {
          const ids = [...byOrder.keys()].filter((id) => !stored.has(id));
          const orders = await copyInto(sp.unsafe(`copy orders (${ORDER_COLUMNS.join(", ")}) from stdin`), async (push) => {
            for (let i = 0; i < ids.length; i += 2000) await push(ids.slice(i, i + 2000).map((id) => freshOrder(id, byOrder.get(id)!, fresh)));
          });
          const items = await copyInto(sp.unsafe(`copy order_items (${ITEM_COLUMNS.join(", ")}) from stdin`), async (push) => {
            for (let i = 0; i < ids.length; i += 2000) await push(ids.slice(i, i + 2000).flatMap((id) => freshItems(id, byOrder.get(id)!, fresh)));
          });
          return { orders, items };
        });
      } catch (error) {
        if (!(error instanceof postgres.PostgresError && error.code === UNIQUE_VIOLATION)) throw error;
        return { lines, ...(await merge(tx, kept)) };
      }
    }
    if (!stored.size) return { lines, ...copied };
    const merged = await merge(tx, kept.filter((row) => stored.has(row[ORDER_ID] as string)));
    return { lines, orders: copied.orders + merged.orders, items: copied.items + merged.items };
  });
}

/** The first and last local day the lines' orders were placed on. */
function purchaseDays(lines: readonly CopyValue[][], days: LocalDayOf): [string, string] {
  let min = Infinity;
  let max = -Infinity;
  for (const line of lines) {
    const ms = Date.parse(line[PURCHASED] as string);
    if (ms < min) min = ms;
    if (ms > max) max = ms;
  }
  return [days.of(min), days.of(max)];
}

/** Orders already stored: staged, then upserted where newer, and their items written where not of their version. */
async function mergeStored(tx: postgres.TransactionSql, params: [string, string, string, string], lines: CopyValue[][]): Promise<{ orders: number; items: number }> {
  await tx.unsafe(STAGING);
  await copyInto(tx.unsafe(`copy staging_order_lines (${STAGING_COLUMNS.join(", ")}) from stdin`), async (push) => {
    for (let i = 0; i < lines.length; i += 2000) await push(lines.slice(i, i + 2000));
  });
  await tx.unsafe(TARGETS);
  const orders = (await tx.unsafe(UPSERT_ORDERS, params)).count;
  await tx.unsafe(MISSING_ITEMS, [params[0]]);
  await tx.unsafe(DELETE_ITEMS, [params[0]]);
  const items = (await tx.unsafe(INSERT_ITEMS, [params[0], params[1], params[3]])).count;
  return { orders, items };
}
