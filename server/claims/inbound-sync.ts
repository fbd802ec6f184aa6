import { sql } from "drizzle-orm";
import { db } from "~/db/client";
import type { AmazonCaller } from "~/server/amazon/request";
import type { RunPlan } from "~/server/sync/kit/plan";
import { inboundShipmentItems, inboundShipments } from "~/server/sync/tasks/claims/table";
import { addDays, startOfLocalDay } from "~/server/sync/windows";
import { getShipmentItemsPage, getShipmentsPage, type InboundQuery } from "./inbound-api";

/** Statuses that say the shipment has reached Amazon (v0 gives no dates: the first time we see one stands in). */
const DELIVERED = new Set(["DELIVERED", "CHECKED_IN", "RECEIVING", "CLOSED"]);

/** The shipments Amazon updated during the run's days: from 00:00 of the first to now or 24:00 of the last. */
export function inboundQuery(plan: RunPlan, now = new Date()): InboundQuery {
  const first = plan.days[0];
  const last = plan.days.at(-1);
  if (!first || !last) throw new Error(`${plan.task}: a run over no days lists no inbound shipments`);
  const after = startOfLocalDay(first, plan.scope.timeZone);
  const end = startOfLocalDay(addDays(last, 1), plan.scope.timeZone);
  return {
    region: plan.scope.region,
    marketplaceId: plan.scope.marketplaceId!,
    after: after.toISOString(),
    before: (end < now ? end : now).toISOString(),
  };
}

/** One page of shipments, stored: their status now, and when each was first seen delivered and closed. */
export async function storeShipmentsPage(caller: AmazonCaller, plan: RunPlan, nextToken: string | null) {
  const page = await getShipmentsPage(caller, inboundQuery(plan), nextToken);
  if (!page.shipments.length) return { nextToken: page.nextToken, written: 0, followUp: [] };
  const now = new Date();
  const t = inboundShipments;
  const rows = await db
    .insert(t)
    .values(
      page.shipments.map((s) => ({
        organizationId: plan.scope.organizationId,
        storeMarketplaceId: plan.scope.scopeId,
        shipmentId: s.ShipmentId,
        name: s.ShipmentName ?? null,
        status: s.ShipmentStatus,
        destinationFulfillmentCenterId: s.DestinationFulfillmentCenterId ?? null,
        firstSeenAt: now,
        deliveredSeenAt: DELIVERED.has(s.ShipmentStatus) ? now : null,
        closedSeenAt: s.ShipmentStatus === "CLOSED" ? now : null,
        syncedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [t.storeMarketplaceId, t.shipmentId],
      set: {
        name: sql`excluded.name`,
        status: sql`excluded.status`,
        destinationFulfillmentCenterId: sql`excluded.destination_fulfillment_center_id`,
        deliveredSeenAt: sql`coalesce(${t.deliveredSeenAt}, excluded.delivered_seen_at)`,
        closedSeenAt: sql`coalesce(${t.closedSeenAt}, excluded.closed_seen_at)`,
        syncedAt: sql`excluded.synced_at`,
      },
      // An unchanged shipment is not written again.
      setWhere: sql`(${t.name}, ${t.status}, ${t.destinationFulfillmentCenterId}, ${t.deliveredSeenAt} is null and excluded.delivered_seen_at is not null, ${t.closedSeenAt} is null and excluded.closed_seen_at is not null)
        is distinct from (excluded.name, excluded.status, excluded.destination_fulfillment_center_id, false, false)`,
    })
    .returning({ id: t.shipmentId });
  return { nextToken: page.nextToken, written: rows.length, followUp: [] };
}

/** One page of shipment items, stored: what the seller declared and what Amazon has counted in so far. */
export async function storeItemsPage(caller: AmazonCaller, plan: RunPlan, nextToken: string | null) {
  const page = await getShipmentItemsPage(caller, inboundQuery(plan), nextToken);
  // A page may name one item twice (Amazon pages by shipment): the last one counts.
  const unique = new Map(page.items.map((i) => [`${i.ShipmentId}\u0000${i.SellerSKU}`, i]));
  if (!unique.size) return { nextToken: page.nextToken, written: 0, followUp: [] };
  const now = new Date();
  const t = inboundShipmentItems;
  const rows = await db
    .insert(t)
    .values(
      [...unique.values()].map((i) => ({
        organizationId: plan.scope.organizationId,
        storeMarketplaceId: plan.scope.scopeId,
        shipmentId: i.ShipmentId,
        sku: i.SellerSKU,
        fnsku: i.FulfillmentNetworkSKU ?? null,
        quantityShipped: i.QuantityShipped,
        quantityReceived: i.QuantityReceived ?? 0,
        quantityInCase: i.QuantityInCase ?? null,
        syncedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [t.storeMarketplaceId, t.shipmentId, t.sku],
      set: {
        fnsku: sql`excluded.fnsku`,
        quantityShipped: sql`excluded.quantity_shipped`,
        quantityReceived: sql`excluded.quantity_received`,
        quantityInCase: sql`excluded.quantity_in_case`,
        syncedAt: sql`excluded.synced_at`,
      },
      setWhere: sql`(${t.fnsku}, ${t.quantityShipped}, ${t.quantityReceived}, ${t.quantityInCase})
        is distinct from (excluded.fnsku, excluded.quantity_shipped, excluded.quantity_received, excluded.quantity_in_case)`,
    })
    .returning({ id: t.sku });
  return { nextToken: page.nextToken, written: rows.length, followUp: [] };
}
