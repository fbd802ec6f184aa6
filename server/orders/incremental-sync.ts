import { and, eq, gte, inArray, notInArray, sql } from "drizzle-orm";
import { orderItems, orders } from "~/db/schema";
import type { AmazonCaller } from "~/server/amazon/request";
import type { RunPlan } from "~/server/sync/kit/plan";
import { localToday, startOfLocalDay } from "~/server/sync/windows";
import { getAllOrderItems, getOrdersPage, type AmazonOrder } from "./orders-api";

/** Orders are asked for from 00:00 (the marketplace's time) of the run's first day. */
export function createdAfter(plan: RunPlan): string {
  return startOfLocalDay(plan.days[0] ?? plan.today, plan.scope.timeZone).toISOString();
}

const amount = (m: AmazonOrder["OrderTotal"]) => m?.Amount ?? null;

/** Amazon lists an order's change a little late: a listing reaches at most 2 minutes before its request. */
const LISTING_LAG_MS = 2 * 60_000;

/**
 * What a run lists: after a successful run, what changed since the instant its listing reached (a big
 * seller's quarter hour is a page, not every order since yesterday again); the first time, or when that
 * instant is older than the run's days (a long pause), every order created since the first day.
 */
export function listingOf(plan: RunPlan): { createdAfter: string } | { lastUpdatedAfter: string } {
  const from = createdAfter(plan);
  if (plan.resumeFrom && Date.parse(plan.resumeFrom) >= Date.parse(from)) return { lastUpdatedAfter: plan.resumeFrom };
  return { createdAfter: from };
}

/**
 * Fetches one page of orders and upserts it; returns the orders whose items need (re)fetching: new ones
 * and those Amazon changed since we last saw them (a pending order gets its prices once it ships). The
 * first page also names the run's orders whose items are still pending from an earlier run, and where the
 * next run resumes.
 */
export async function syncOrdersPage(caller: AmazonCaller, plan: RunPlan, nextToken: string | null) {
  const db = caller.db;
  const requestedAt = Date.now();
  const page = await getOrdersPage(caller, plan.scope.region, {
    marketplaceId: plan.scope.marketplaceId!,
    since: listingOf(plan),
    nextToken,
  });
  const scopeId = plan.scope.scopeId;
  const ids = page.orders.map((o) => o.AmazonOrderId);
  const known = ids.length
    ? await db
        .select({ id: orders.amazonOrderId, itemsSyncedFor: orders.itemsSyncedFor })
        .from(orders)
        .where(and(eq(orders.storeMarketplaceId, scopeId), inArray(orders.amazonOrderId, ids)))
    : [];
  const knownById = new Map(known.map((k) => [k.id, k]));
  // Items are stored for one version of the order; any other version (or none yet) needs them fetched.
  const needItems = page.orders
    .filter((o) => knownById.get(o.AmazonOrderId)?.itemsSyncedFor?.getTime() !== new Date(o.LastUpdateDate).getTime())
    .map((o) => o.AmazonOrderId);

  let written = 0;
  if (page.orders.length) {
    const now = new Date();
    const values = page.orders.map((o) => ({
      organizationId: plan.scope.organizationId,
      storeMarketplaceId: scopeId,
      amazonOrderId: o.AmazonOrderId,
      purchaseDate: new Date(o.PurchaseDate),
      purchaseDay: localToday(plan.scope.timeZone, new Date(o.PurchaseDate)),
      lastUpdateDate: new Date(o.LastUpdateDate),
      status: o.OrderStatus,
      fulfillmentChannel: o.FulfillmentChannel ?? null,
      salesChannel: o.SalesChannel ?? null,
      orderTotal: amount(o.OrderTotal),
      currencyCode: o.OrderTotal?.CurrencyCode ?? null,
      numberOfItemsShipped: o.NumberOfItemsShipped ?? 0,
      numberOfItemsUnshipped: o.NumberOfItemsUnshipped ?? 0,
      isBusinessOrder: o.IsBusinessOrder === undefined || o.IsBusinessOrder === null ? null : String(o.IsBusinessOrder),
      syncedAt: now,
    }));
    const result = await db
      .insert(orders)
      .values(values)
      .onConflictDoUpdate({
        target: [orders.storeMarketplaceId, orders.amazonOrderId],
        set: {
          lastUpdateDate: sql`excluded.last_update_date`,
          status: sql`excluded.status`,
          fulfillmentChannel: sql`excluded.fulfillment_channel`,
          salesChannel: sql`excluded.sales_channel`,
          orderTotal: sql`excluded.order_total`,
          currencyCode: sql`excluded.currency_code`,
          numberOfItemsShipped: sql`excluded.number_of_items_shipped`,
          numberOfItemsUnshipped: sql`excluded.number_of_items_unshipped`,
          isBusinessOrder: sql`excluded.is_business_order`,
          syncedAt: sql`excluded.synced_at`,
        },
        // Unchanged orders stay untouched: running the sync again changes nothing.
        setWhere: sql`(${orders.lastUpdateDate}, ${orders.status}, ${orders.orderTotal}, ${orders.numberOfItemsShipped}, ${orders.numberOfItemsUnshipped})
          is distinct from (excluded.last_update_date, excluded.status, excluded.order_total, excluded.number_of_items_shipped, excluded.number_of_items_unshipped)`,
      })
      .returning({ id: orders.amazonOrderId });
    written = result.length;
  }
  if (nextToken) return { nextToken: page.nextToken, followUp: needItems, written };
  // Orders of the run's days stored without their items (a run that died before them, or one that
  // stored them from a listing this run does not repeat).
  const pending = await db
    .select({ id: orders.amazonOrderId })
    .from(orders)
    .where(and(eq(orders.storeMarketplaceId, scopeId), gte(orders.purchaseDate, new Date(createdAfter(plan))), sql`${orders.itemsSyncedFor} is distinct from ${orders.lastUpdateDate}`));
  return {
    nextToken: page.nextToken,
    followUp: [...new Set([...needItems, ...pending.map((p) => p.id)])],
    written,
    resumeFrom: page.listedBefore ?? new Date(requestedAt - LISTING_LAG_MS).toISOString(),
  };
}

/**
 * Replaces the items of each order with Amazon's current list, one order per transaction, and records in
 * that transaction which version of the order they belong to.
 */
export async function syncOrderItems(caller: AmazonCaller, plan: RunPlan, amazonOrderIds: string[]) {
  const db = caller.db;
  let written = 0;
  for (const amazonOrderId of amazonOrderIds) {
    const items = await getAllOrderItems(caller, plan.scope.region, amazonOrderId);
    const now = new Date();
    await db.transaction(async (tx) => {
      const where = and(eq(orderItems.storeMarketplaceId, plan.scope.scopeId), eq(orderItems.amazonOrderId, amazonOrderId));
      const ids = items.map((i) => i.OrderItemId);
      await tx.delete(orderItems).where(ids.length ? and(where, notInArray(orderItems.orderItemId, ids)) : where);
      await tx
        .update(orders)
        .set({ itemsSyncedFor: sql`${orders.lastUpdateDate}` })
        .where(and(eq(orders.storeMarketplaceId, plan.scope.scopeId), eq(orders.amazonOrderId, amazonOrderId), sql`${orders.itemsSyncedFor} is distinct from ${orders.lastUpdateDate}`));
      if (!items.length) return;
      const rows = await tx
        .insert(orderItems)
        .values(
          items.map((i) => ({
            organizationId: plan.scope.organizationId,
            storeMarketplaceId: plan.scope.scopeId,
            amazonOrderId,
            orderItemId: i.OrderItemId,
            asin: i.ASIN,
            sellerSku: i.SellerSKU ?? null,
            title: i.Title ?? null,
            quantityOrdered: i.QuantityOrdered,
            quantityShipped: i.QuantityShipped ?? 0,
            itemPrice: i.ItemPrice?.Amount ?? null,
            itemTax: i.ItemTax?.Amount ?? null,
            shippingPrice: i.ShippingPrice?.Amount ?? null,
            promotionDiscount: i.PromotionDiscount?.Amount ?? null,
            currencyCode: i.ItemPrice?.CurrencyCode ?? null,
            syncedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [orderItems.storeMarketplaceId, orderItems.amazonOrderId, orderItems.orderItemId],
          set: {
            quantityOrdered: sql`excluded.quantity_ordered`,
            quantityShipped: sql`excluded.quantity_shipped`,
            itemPrice: sql`excluded.item_price`,
            itemTax: sql`excluded.item_tax`,
            shippingPrice: sql`excluded.shipping_price`,
            promotionDiscount: sql`excluded.promotion_discount`,
            currencyCode: sql`excluded.currency_code`,
            title: sql`excluded.title`,
            syncedAt: sql`excluded.synced_at`,
          },
          setWhere: sql`(${orderItems.quantityOrdered}, ${orderItems.quantityShipped}, ${orderItems.itemPrice}, ${orderItems.itemTax}, ${orderItems.shippingPrice}, ${orderItems.promotionDiscount})
            is distinct from (excluded.quantity_ordered, excluded.quantity_shipped, excluded.item_price, excluded.item_tax, excluded.shipping_price, excluded.promotion_discount)`,
        })
        .returning({ id: orderItems.orderItemId });
      written += rows.length;
    });
  }
  return { written };
}
