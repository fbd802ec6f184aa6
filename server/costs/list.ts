import { sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { costBatches } from "./batches";
import type { CostListFilters } from "./input";
import { addAmounts } from "./money";
import { costPeriods, periodCostOn, periodOrder } from "./periods";
import { costStores, ownedStore, storeToday, type CostStore } from "./stores";

/*
 * The product costs page: every SKU of a store — known from its products (the Products page's list, in any
 * of its marketplaces) or from a cost already entered — with the cost that applies today, so the seller
 * sees at once which SKUs still have none. Best sellers first: their costs matter most to profit.
 */

type Reader = Pick<Database, "select" | "execute">;

export interface CostListRow {
  sku: string;
  asin: string | null;
  title: string | null;
  imageUrl: string | null;
  unitsOrdered: number;
  /** Today's period; all null when the SKU has no cost. */
  validFrom: string | null;
  currency: string | null;
  purchaseCost: string | null;
  inboundShippingCost: string | null;
  otherCost: string | null;
  totalCost: string | null;
  note: string | null;
  periods: number;
  batches: number;
}

type CostRecord = {
  sku: string;
  asin: string | null;
  title: string | null;
  image_url: string | null;
  units_ordered: number;
  valid_from: string | null;
  currency: string | null;
  purchase_cost: string | null;
  inbound_shipping_cost: string | null;
  other_cost: string | null;
  total_cost: string | null;
  note: string | null;
  periods: number;
  batches: number;
  total_count: number;
};

/** The store's SKUs with today's cost, filtered; one SQL statement (paged, or everything for the export). */
function costRowsSql(organizationId: string, store: CostStore, today: string, f: CostListFilters & { sku?: string }, page?: { limit: number; offset: number }) {
  const like = f.search ? `%${f.search.replace(/[%_\\]/g, "\\$&")}%` : null;
  return sql`
    with p as (
      select o.sku,
        (array_agg(o.asin order by o.units_ordered desc, o.store_marketplace_id) filter (where o.asin is not null))[1] as asin,
        (array_agg(o.title order by o.units_ordered desc, o.store_marketplace_id) filter (where o.title is not null))[1] as title,
        (array_agg(o.image_url order by o.units_ordered desc, o.store_marketplace_id) filter (where o.image_url is not null))[1] as image_url,
        sum(o.units_ordered)::int as units_ordered
      from product_overview o
      join store_marketplaces m on m.id = o.store_marketplace_id and m.store_id = ${store.id} and m.organization_id = ${organizationId}
      where o.organization_id = ${organizationId}
      group by o.sku
    ),
    periods as (
      select sku, count(*)::int as n from product_costs where organization_id = ${organizationId} and store_id = ${store.id} group by sku
    ),
    batches as (
      select sku, count(*)::int as n from product_cost_batches where organization_id = ${organizationId} and store_id = ${store.id} group by sku
    ),
    current as (
      select distinct on (sku) sku, valid_from, currency, purchase_cost, inbound_shipping_cost, other_cost, note
      from product_costs where organization_id = ${organizationId} and store_id = ${store.id}
      order by sku, ${periodOrder(today)}
    ),
    skus as (select sku from p union select sku from periods union select sku from batches)
    select s.sku, p.asin, p.title, p.image_url, coalesce(p.units_ordered, 0) as units_ordered,
      c.valid_from, c.currency, c.purchase_cost, c.inbound_shipping_cost, c.other_cost,
      (c.purchase_cost + c.inbound_shipping_cost + c.other_cost)::text as total_cost, c.note,
      coalesce(pc.n, 0) as periods, coalesce(bc.n, 0) as batches,
      count(*) over ()::int as total_count
    from skus s
    left join p on p.sku = s.sku
    left join current c on c.sku = s.sku
    left join periods pc on pc.sku = s.sku
    left join batches bc on bc.sku = s.sku
    where true
      ${f.sku !== undefined ? sql`and s.sku = ${f.sku}` : sql``}
      ${f.missingOnly ? sql`and c.sku is null` : sql``}
      ${like ? sql`and (s.sku ilike ${like} or p.asin ilike ${like} or p.title ilike ${like})` : sql``}
    order by coalesce(p.units_ordered, 0) desc, s.sku
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`;
}

const toRow = (r: CostRecord): CostListRow => ({
  sku: r.sku,
  asin: r.asin,
  title: r.title,
  imageUrl: r.image_url,
  unitsOrdered: r.units_ordered,
  validFrom: r.valid_from,
  currency: r.currency,
  purchaseCost: r.purchase_cost,
  inboundShippingCost: r.inbound_shipping_cost,
  otherCost: r.other_cost,
  totalCost: r.total_cost,
  note: r.note,
  periods: r.periods,
  batches: r.batches,
});

/** The store the filters name, or the organization's first; null when it has no store. */
async function chosenStore(db: Reader, organizationId: string, storeId: string | undefined) {
  const stores = await costStores(db, organizationId);
  if (!storeId) return { stores, store: stores[0] ?? null };
  return { stores, store: await ownedStore(db, organizationId, storeId) };
}

/** One page of the costs list, the organization's stores, and how many of the store's SKUs have no cost. */
export async function costList(db: Reader, organizationId: string, f: CostListFilters & { page: number; pageSize: number }, now = new Date()) {
  const { stores, store } = await chosenStore(db, organizationId, f.storeId);
  const storeChoices = stores.map((s) => ({ id: s.id, name: s.name, currency: s.currency, marketplaces: s.marketplaces }));
  if (!store) return { stores: storeChoices, store: null, today: null, rows: [] as CostListRow[], count: 0, skus: 0, missing: 0, page: f.page, pageSize: f.pageSize };
  const today = storeToday(store, now);
  const rows = await db.execute<CostRecord>(costRowsSql(organizationId, store, today, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize }));
  // The store's figures whatever the filters: what the "missing costs" badge counts.
  const [all] = await db.execute<{ skus: number; missing: number }>(sql`
    select count(*)::int as skus, count(*) filter (where valid_from is null)::int as missing
    from (${costRowsSql(organizationId, store, today, {})}) r`);
  return {
    stores: storeChoices,
    store: { id: store.id, name: store.name, currency: store.currency },
    today,
    rows: rows.map(toRow),
    count: rows[0]?.total_count ?? 0,
    skus: all?.skus ?? 0,
    missing: all?.missing ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** Every row the filters select, in the list's order, in batches (the CSV export). */
export async function* allCostRows(db: Reader, organizationId: string, store: CostStore, f: CostListFilters, now = new Date(), batch = 1000) {
  const today = storeToday(store, now);
  for (let offset = 0; ; offset += batch) {
    const rows = await db.execute<CostRecord>(costRowsSql(organizationId, store, today, f, { limit: batch, offset }));
    if (rows.length) yield rows.map(toRow);
    if (rows.length < batch) return;
  }
}

/** One SKU of a store: its product, every cost period (today's marked), its batches. */
export async function costSkuDetail(db: Reader, organizationId: string, storeId: string, sku: string, now = new Date()) {
  const store = await ownedStore(db, organizationId, storeId);
  const today = storeToday(store, now);
  const [listed] = await db.execute<CostRecord>(costRowsSql(organizationId, store, today, { sku }));
  const periods = await costPeriods(db, organizationId, store.id, sku);
  const batches = await costBatches(db, organizationId, store.id, sku);
  const current = periodCostOn(periods, today);
  return {
    store: { id: store.id, name: store.name, currency: store.currency },
    today,
    sku,
    /** False for a SKU the store does not know: nothing can be entered for it. */
    known: Boolean(listed),
    product: listed ? { asin: listed.asin, title: listed.title, imageUrl: listed.image_url, unitsOrdered: listed.units_ordered } : null,
    current,
    periods: periods.map((p) => ({
      validFrom: p.validFrom,
      currency: p.currency,
      purchaseCost: p.purchaseCost,
      inboundShippingCost: p.inboundShippingCost,
      otherCost: p.otherCost,
      total: addAmounts(p.purchaseCost, p.inboundShippingCost, p.otherCost),
      note: p.note,
      updatedAt: p.updatedAt,
      current: current?.validFrom === p.validFrom,
    })),
    batches: batches.map((b) => ({
      batch: b.batch,
      receivedOn: b.receivedOn,
      units: b.units,
      currency: b.currency,
      purchaseCost: b.purchaseCost,
      inboundShippingCost: b.inboundShippingCost,
      otherCost: b.otherCost,
      total: addAmounts(b.purchaseCost, b.inboundShippingCost, b.otherCost),
      updatedAt: b.updatedAt,
    })),
  };
}
