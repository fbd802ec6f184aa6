import { sql } from "drizzle-orm";
import type { AmazonCaller } from "~/server/amazon/request";
import type { RunPlan } from "~/server/sync/kit/plan";
import { salesMetricsDaily as t } from "~/server/sync/tasks/sales-api/table";
import { getDailyOrderMetrics } from "./order-metrics";

/**
 * Amazon's figures for the run's days, asked for in one call and stored by (marketplace, day): a day whose
 * figures did not change is left as it was, so a run with nothing new writes nothing.
 */
export async function syncSalesMetrics(caller: AmazonCaller, plan: RunPlan) {
  const { scope, days } = plan;
  if (!scope.marketplaceId || !days.length) return { nextToken: null, written: 0, followUp: [] };
  const figures = await getDailyOrderMetrics(caller, scope.region, { marketplaceId: scope.marketplaceId, timeZone: scope.timeZone, from: days[0]!, to: days.at(-1)! });
  // Only the run's days: a partial bucket Amazon adds at an edge belongs to another window.
  const wanted = new Set(days);
  const rows = figures.filter((f) => wanted.has(f.day)).map((f) => ({ organizationId: scope.organizationId, storeMarketplaceId: scope.scopeId, ...f, syncedAt: new Date() }));
  if (!rows.length) return { nextToken: null, written: 0, followUp: [] };
  const written = await caller.db
    .insert(t)
    .values(rows)
    .onConflictDoUpdate({
      target: [t.storeMarketplaceId, t.day],
      set: {
        orderCount: sql`excluded.order_count`,
        orderItemCount: sql`excluded.order_item_count`,
        unitCount: sql`excluded.unit_count`,
        totalSales: sql`excluded.total_sales`,
        averageUnitPrice: sql`excluded.average_unit_price`,
        currency: sql`excluded.currency`,
        syncedAt: sql`excluded.synced_at`,
      },
      setWhere: sql`(${t.orderCount}, ${t.orderItemCount}, ${t.unitCount}, ${t.totalSales}, ${t.averageUnitPrice}, ${t.currency})
        is distinct from (excluded.order_count, excluded.order_item_count, excluded.unit_count, excluded.total_sales, excluded.average_unit_price, excluded.currency)`,
    })
    .returning({ day: t.day });
  return { nextToken: null, written: written.length, followUp: [] };
}
