import { and, eq, gte, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { orders, syncStates } from "~/db/schema";
import type { RunPlan } from "../../kit/plan";
import { addDays, startOfLocalDay } from "../../windows";

/**
 * Orders one report should hold at most. Amazon's order reports take longer, and FATAL more often, the
 * more they hold; smaller reports also lose less when one has to be asked for again.
 */
export const ORDERS_PER_REPORT = 15_000;
/**
 * Amazon refuses an order report over more than 30 days ("Date range exceeded", a one-line document in
 * place of the report). Local days: 30 of them across the end of daylight saving time are 30 days and an
 * hour, so a report spans 29 at most.
 */
export const MAX_SPAN_DAYS = 29;

/** The spec's dynamic span: the larger the seller's daily order volume, the fewer days a report covers. */
export function historySpanDays(ordersPerDay: number): number {
  if (!(ordersPerDay > 0)) return MAX_SPAN_DAYS;
  return Math.max(1, Math.min(MAX_SPAN_DAYS, Math.floor(ORDERS_PER_REPORT / ordersPerDay)));
}

export interface OrderVolume {
  /** Orders the incremental sync stored since 00:00 yesterday. */
  orders: number;
  /** The days that covers (yesterday and the part of today gone by). */
  days: number;
  /** False while the incremental sync has not finished once: there is no measurement yet. */
  measured: boolean;
}

/** The seller's order volume as the incremental sync measured it, for the marketplace of the plan. */
export async function incrementalVolume(db: Database, plan: RunPlan, now: Date): Promise<OrderVolume> {
  const [state] = await db
    .select({ lastSucceededAt: syncStates.lastSucceededAt })
    .from(syncStates)
    .where(and(eq(syncStates.task, "orders-incremental"), eq(syncStates.window, "since-yesterday"), eq(syncStates.scopeId, plan.scope.scopeId)));
  const from = startOfLocalDay(addDays(plan.today, -1), plan.scope.timeZone);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(eq(orders.storeMarketplaceId, plan.scope.scopeId), gte(orders.purchaseDate, from)));
  const days = Math.max(1, (now.getTime() - from.getTime()) / 86_400_000);
  return { orders: row?.n ?? 0, days, measured: Boolean(state?.lastSucceededAt) };
}
