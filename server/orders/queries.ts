import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "~/db/client";
import { orderItems, orders, storeMarketplaces, syncStates } from "~/db/schema";
import { refundItems } from "~/server/sync/tasks/refund-orders/table";

export interface OrderFilters {
  /** The last N local days of each order's own marketplace. */
  days: number;
  storeMarketplaceId?: string | undefined;
  status?: string | undefined;
  /** An order id, SKU or ASIN. */
  search?: string | undefined;
  page: number;
  pageSize: number;
}

function where(organizationId: string, f: OrderFilters): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(orders.organizationId, organizationId),
    sql`${orders.purchaseDay}::date > (now() at time zone ${storeMarketplaces.timeZone})::date - ${f.days}::int`,
  ];
  if (f.storeMarketplaceId) conditions.push(eq(orders.storeMarketplaceId, f.storeMarketplaceId));
  if (f.status) conditions.push(eq(orders.status, f.status));
  if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(
      or(
        ilike(orders.amazonOrderId, like),
        sql`exists (select 1 from ${orderItems} i where i.store_marketplace_id = ${orders.storeMarketplaceId} and i.amazon_order_id = ${orders.amazonOrderId} and (i.seller_sku ilike ${like} or i.asin ilike ${like}))`,
      ),
    );
  }
  return and(...conditions)!;
}

/** A page of orders, newest first, with their marketplace and item totals, and the range's totals. */
export async function listOrders(db: Database, organizationId: string, f: OrderFilters) {
  const filter = where(organizationId, f);
  const [rows, summary, statuses] = await Promise.all([
    db
      .select({
        storeMarketplaceId: orders.storeMarketplaceId,
        amazonOrderId: orders.amazonOrderId,
        purchaseDate: orders.purchaseDate,
        purchaseDay: orders.purchaseDay,
        status: orders.status,
        fulfillmentChannel: orders.fulfillmentChannel,
        orderTotal: orders.orderTotal,
        currencyCode: sql<string>`coalesce(${orders.currencyCode}, ${storeMarketplaces.currencyCode})`,
        countryCode: storeMarketplaces.countryCode,
        timeZone: storeMarketplaces.timeZone,
        // Null while the order's items were never loaded (a run stored the order, its items follow): "0 units" would be a lie.
        units: sql<number | null>`case when ${orders.itemsSyncedFor} is null then null else
          (select coalesce(sum(i.quantity_ordered), 0)::int from ${orderItems} i where i.store_marketplace_id = ${orders.storeMarketplaceId} and i.amazon_order_id = ${orders.amazonOrderId}) end`,
        skus: sql<string>`(select string_agg(distinct i.seller_sku, ', ') from ${orderItems} i where i.store_marketplace_id = ${orders.storeMarketplaceId} and i.amazon_order_id = ${orders.amazonOrderId})`,
        // Amazon's Finances booked a refund of it (the refunds sync): the Orders API never says so.
        refunded: sql<boolean>`exists (select 1 from ${refundItems} r where r.store_marketplace_id = ${orders.storeMarketplaceId} and r.amazon_order_id = ${orders.amazonOrderId})`,
      })
      .from(orders)
      .innerJoin(storeMarketplaces, eq(storeMarketplaces.id, orders.storeMarketplaceId))
      .where(filter)
      .orderBy(desc(orders.purchaseDate), asc(orders.amazonOrderId))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({
        currencyCode: sql<string>`coalesce(${orders.currencyCode}, ${storeMarketplaces.currencyCode})`,
        count: sql<number>`count(*)::int`,
        pending: sql<number>`count(*) filter (where ${orders.status} in ('Pending', 'PendingAvailability'))::int`,
        // Canceled orders carry no sale; pending ones have no amount yet (Amazon withholds it).
        total: sql<string>`coalesce(sum(${orders.orderTotal}) filter (where ${orders.status} <> 'Canceled'), 0)::text`,
      })
      .from(orders)
      .innerJoin(storeMarketplaces, eq(storeMarketplaces.id, orders.storeMarketplaceId))
      .where(filter)
      .groupBy(sql`1`),
    db
      .selectDistinct({ status: orders.status })
      .from(orders)
      .where(eq(orders.organizationId, organizationId))
      .orderBy(asc(orders.status)),
  ]);
  const count = summary.reduce((n, s) => n + s.count, 0);
  return { rows, summary, count, statuses: statuses.map((s) => s.status), page: f.page, pageSize: f.pageSize };
}

export async function orderMarketplaces(db: Database, organizationId: string) {
  return db
    .select({ id: storeMarketplaces.id, countryCode: storeMarketplaces.countryCode, name: storeMarketplaces.name })
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.organizationId, organizationId), eq(storeMarketplaces.isParticipating, true)))
    .orderBy(asc(storeMarketplaces.countryCode));
}

/**
 * How far the historical orders backfill of each participating marketplace has come (days of the year
 * before yesterday loaded), with its state and last error: the Orders page says what is there yet.
 */
export async function orderHistoryProgress(db: Database, organizationId: string) {
  return db
    .select({
      storeMarketplaceId: storeMarketplaces.id,
      countryCode: storeMarketplaces.countryCode,
      status: syncStates.status,
      progressDone: syncStates.progressDone,
      progressTotal: syncStates.progressTotal,
      lastSucceededAt: syncStates.lastSucceededAt,
      lastError: syncStates.lastError,
    })
    .from(storeMarketplaces)
    .innerJoin(
      syncStates,
      and(
        eq(syncStates.scopeId, storeMarketplaces.id),
        eq(syncStates.organizationId, organizationId),
        eq(syncStates.task, "orders-history"),
        eq(syncStates.window, "backfill"),
      ),
    )
    .where(and(eq(storeMarketplaces.organizationId, organizationId), eq(storeMarketplaces.isParticipating, true)))
    .orderBy(asc(storeMarketplaces.countryCode));
}
