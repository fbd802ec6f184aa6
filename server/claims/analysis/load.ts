import { DateTime } from "luxon";
import type postgres from "postgres";
import { localToday, startOfLocalDay } from "~/server/sync/windows";
import type { ClaimRegion } from "../policy";
import { ANALYSIS_MONTHS, caseKey } from "./analyze";
import type { AnalysisMarketplace, LedgerAdjustment, RefundedItem, ReimbursementRow, ShortInboundItem, StoreFacts } from "./types";

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Everything of a store the claims analysis reads, from what the syncs stored: the ledger's adjustments, the
 * account's reimbursements, refunds of FBA orders with what came back, and closed inbound shipments counted
 * short. A month more than the analysis reaches, so a loss is seen with what settled it.
 */
export async function loadStoreFacts(sql: postgres.Sql, organizationId: string, storeId: string, now: Date): Promise<StoreFacts | null> {
  const markets = await sql<Array<{ id: string; marketplace_id: string; country_code: string; currency_code: string; time_zone: string; region: ClaimRegion }>>`
    select m.id, m.marketplace_id, m.country_code, m.currency_code, m.time_zone, s.region
    from store_marketplaces m join stores s on s.id = m.store_id
    where m.store_id = ${storeId} and m.organization_id = ${organizationId}`;
  if (!markets.length) return null;
  const marketplaces: AnalysisMarketplace[] = markets.map((m) => ({ id: m.id, marketplaceId: m.marketplace_id, countryCode: m.country_code, currency: m.currency_code, timeZone: m.time_zone }));
  const ids = marketplaces.map((m) => m.id);
  const zoneOf = new Map(marketplaces.map((m) => [m.id, m.timeZone]));
  const oldestDay = DateTime.fromJSDate(now, { zone: "UTC" }).minus({ months: ANALYSIS_MONTHS + 1 }).toISODate()!;
  const oldest = `${oldestDay}T00:00:00Z`;

  // When the product last read each day of each marketplace's ledger: the start of the latest claims run that
  // covered it (the one running now included: it has just loaded its days).
  const reads = await sql<Array<{ scope_id: string; windows: string; started_at: Date | string }>>`
    select scope_id, windows::text as windows, started_at from sync_runs
    where task = 'claims' and scope_id = any(${ids}::uuid[]) and organization_id = ${organizationId} and status in ('succeeded', 'running')`;
  const runs = reads.map((r) => ({ scope_id: r.scope_id, started_at: r.started_at, windows: JSON.parse(r.windows) as Array<{ start: string; end: string }> }));
  const readAt = (storeMarketplaceId: string, day: string): string | null => {
    let latest: string | null = null;
    for (const r of runs) {
      // (The raw client hands timestamps over as text.)
      const started = iso(r.started_at)!;
      if (r.scope_id === storeMarketplaceId && r.windows.some((w) => w.start <= day && day <= w.end) && (!latest || started > latest)) latest = started;
    }
    return latest;
  };

  const ledger = await sql<Array<{ store_marketplace_id: string; event_day: string; occurred_at: Date | null; reason: string; reference_id: string; fnsku: string; sku: string | null; asin: string | null; title: string | null; quantity: number; fulfillment_center: string; reconciled_quantity: number | null; unreconciled_quantity: number | null }>>`
    select store_marketplace_id, event_day, occurred_at, reason, reference_id, fnsku, sku, asin, title, quantity, fulfillment_center, reconciled_quantity, unreconciled_quantity
    from inventory_ledger_events
    where store_marketplace_id = any(${ids}::uuid[]) and organization_id = ${organizationId}
      and event_type = 'Adjustments' and reason in ('M', 'E', 'F') and event_day >= ${oldestDay}`;
  const adjustments: LedgerAdjustment[] = [];
  for (const l of ledger) {
    // Lost and damaged units leave the inventory (negative), found ones come back: anything else is a correction, not a loss.
    const units = l.reason === "F" ? l.quantity : -l.quantity;
    if (units <= 0) continue;
    adjustments.push({
      storeMarketplaceId: l.store_marketplace_id, day: l.event_day,
      at: iso(l.occurred_at) ?? startOfLocalDay(l.event_day, zoneOf.get(l.store_marketplace_id)!).toISOString(),
      reason: l.reason as LedgerAdjustment["reason"], referenceId: l.reference_id, fnsku: l.fnsku, sku: l.sku, asin: l.asin, title: l.title, units, fulfillmentCenter: l.fulfillment_center,
      ...reconciliation(l.reason, units, l.reconciled_quantity, l.unreconciled_quantity),
      readAt: readAt(l.store_marketplace_id, l.event_day),
    });
  }

  const reimbursements: ReimbursementRow[] = (
    await sql<Array<{ reimbursement_id: string; sku: string; fnsku: string; case_id: string | null; amazon_order_id: string | null; reason: string; approved_at: Date; currency: string; quantity_total: number; amount_per_unit: string | null; amount_total: string }>>`
      select reimbursement_id, sku, fnsku, case_id, amazon_order_id, reason, approved_at, currency, quantity_total, amount_per_unit, amount_total
      from reimbursements where store_id = ${storeId} and organization_id = ${organizationId} and approved_at >= ${oldest}`
  ).map((r) => ({ reimbursementId: r.reimbursement_id, sku: r.sku, fnsku: r.fnsku, caseId: r.case_id, amazonOrderId: r.amazon_order_id, reason: r.reason, approvedAt: iso(r.approved_at)!, currency: r.currency, units: r.quantity_total, amountPerUnit: r.amount_per_unit, amountTotal: r.amount_total }));

  const refunds: RefundedItem[] = (
    await sql<Array<{ store_marketplace_id: string; amazon_order_id: string; sku: string; refunded_at: Date; refunded_day: string; units: number; currency: string; principal: string; returned: number; returned_at: Date | null; fnsku: string | null; asin: string | null; title: string | null }>>`
      with refunded as (
        select r.store_marketplace_id, r.amazon_order_id, r.seller_sku as sku, min(r.posted_at) as refunded_at, min(r.posted_day) as refunded_day,
          sum(r.quantity)::int as units, r.currency, -sum(r.principal) as principal
        from refund_items r
        join orders o on o.store_marketplace_id = r.store_marketplace_id and o.amazon_order_id = r.amazon_order_id
        where r.store_marketplace_id = any(${ids}::uuid[]) and r.organization_id = ${organizationId} and o.fulfillment_channel = 'AFN'
          and r.seller_sku is not null and r.quantity > 0 and r.posted_at >= ${oldest}
        group by 1, 2, 3, 7)
      select f.*, greatest(coalesce(c.units, 0), coalesce(l.units, 0))::int as returned, least(c.at, l.at) as returned_at,
        coalesce(c.fnsku, l.fnsku, v.fnsku) as fnsku, i.asin, i.title
      from refunded f
      left join lateral (select sum(quantity)::int as units, min(returned_at) as at, min(fnsku) as fnsku from customer_returns
        where store_id = ${storeId} and amazon_order_id = f.amazon_order_id and sku = f.sku) c on true
      left join lateral (select sum(quantity)::int as units, min(coalesce(occurred_at, event_day::date::timestamptz)) as at, min(fnsku) as fnsku from inventory_ledger_events
        where store_marketplace_id = f.store_marketplace_id and event_type = 'CustomerReturns' and reference_id = f.amazon_order_id and sku = f.sku) l on true
      left join inventory_levels v on v.store_marketplace_id = f.store_marketplace_id and v.seller_sku = f.sku
      left join lateral (select asin, title from order_items where store_marketplace_id = f.store_marketplace_id and amazon_order_id = f.amazon_order_id and seller_sku = f.sku limit 1) i on true`
  ).map((r) => ({
    storeMarketplaceId: r.store_marketplace_id, amazonOrderId: r.amazon_order_id, sku: r.sku, fnsku: r.fnsku, asin: r.asin, title: r.title,
    refundedAt: iso(r.refunded_at)!, refundedDay: r.refunded_day, units: r.units, returnedUnits: r.returned, returnedAt: iso(r.returned_at), currency: r.currency, principal: r.principal,
  }));

  const inbound: ShortInboundItem[] = (
    await sql<Array<{ store_marketplace_id: string; shipment_id: string; name: string | null; destination: string | null; sku: string; fnsku: string | null; shipped: number; received: number; delivered_seen_at: Date | null; closed_seen_at: Date | null; first_seen_at: Date; first_day: string | null; first_at: Date | null; last_day: string | null }>>`
      select s.store_marketplace_id, s.shipment_id, s.name, s.destination_fulfillment_center_id as destination, i.sku, i.fnsku,
        i.quantity_shipped as shipped, i.quantity_received as received, s.delivered_seen_at, s.closed_seen_at, s.first_seen_at, rc.first_day, rc.first_at, rc.last_day
      from inbound_shipments s
      join inbound_shipment_items i on i.store_marketplace_id = s.store_marketplace_id and i.shipment_id = s.shipment_id
      left join lateral (select min(event_day) as first_day, min(occurred_at) as first_at, max(event_day) as last_day from inventory_ledger_events l
        where l.store_marketplace_id = s.store_marketplace_id and l.event_type = 'Receipts' and l.reference_id = s.shipment_id) rc on true
      where s.store_marketplace_id = any(${ids}::uuid[]) and s.organization_id = ${organizationId} and s.status = 'CLOSED' and i.quantity_shipped > i.quantity_received`
  ).map((r) => {
    const zone = zoneOf.get(r.store_marketplace_id)!;
    const seen = r.delivered_seen_at ?? r.closed_seen_at ?? r.first_seen_at;
    // The first unit Amazon counted in is the latest the shipment can have been delivered; v0 gives no dates.
    const deliveredDay = r.first_day ?? localToday(zone, seen);
    const closedDay = r.last_day ?? localToday(zone, r.closed_seen_at ?? seen);
    return {
      storeMarketplaceId: r.store_marketplace_id, shipmentId: r.shipment_id, shipmentName: r.name, destination: r.destination, sku: r.sku, fnsku: r.fnsku,
      shipped: r.shipped, received: r.received, deliveredDay, deliveredAt: iso(r.first_at) ?? startOfLocalDay(deliveredDay, zone).toISOString(), closedDay: closedDay < deliveredDay ? deliveredDay : closedDay,
    };
  });

  const unitValues = new Map<string, { value: string; basis: string }>();
  const lastPaid = await sql<Array<{ sku: string; currency: string; amount_per_unit: string }>>`
    select distinct on (sku, currency) sku, currency, amount_per_unit from reimbursements
    where store_id = ${storeId} and organization_id = ${organizationId} and amount_per_unit > 0 order by sku, currency, approved_at desc`;
  for (const p of lastPaid)
    for (const m of marketplaces) if (m.currency === p.currency) unitValues.set(`${m.id}/${p.sku}`, { value: p.amount_per_unit, basis: "what Amazon last reimbursed per unit of this SKU" });
  const prices = await sql<Array<{ store_marketplace_id: string; sku: string; price: string }>>`
    select i.store_marketplace_id, i.seller_sku as sku, round(sum(i.item_price) / sum(i.quantity_ordered), 4)::text as price
    from order_items i join orders o on o.store_marketplace_id = i.store_marketplace_id and o.amazon_order_id = i.amazon_order_id
    where i.store_marketplace_id = any(${ids}::uuid[]) and i.organization_id = ${organizationId} and i.seller_sku is not null
      and i.item_price is not null and i.quantity_ordered > 0 and o.purchase_date >= ${new Date(now.getTime() - 90 * 86_400_000).toISOString()}
    group by 1, 2`;
  for (const p of prices)
    if (!unitValues.has(`${p.store_marketplace_id}/${p.sku}`)) unitValues.set(`${p.store_marketplace_id}/${p.sku}`, { value: p.price, basis: "its average selling price over the last 90 days" });

  const filed = await sql<Array<{ kind: string; store_marketplace_id: string; source_ref: string; amazon_case_id: string }>>`
    select kind, store_marketplace_id, source_ref, amazon_case_id from claim_cases
    where store_id = ${storeId} and organization_id = ${organizationId} and amazon_case_id is not null`;
  const filedCaseIds = new Map(filed.map((f) => [caseKey(f.kind as never, f.store_marketplace_id, f.source_ref), f.amazon_case_id]));

  return { region: markets[0]!.region, marketplaces, adjustments, reimbursements, refunds, inbound, filedCaseIds, unitValues };
}

/** A lost or damaged row's reconciliation, when the file says it in whole units that add up to the loss. */
function reconciliation(reason: string, units: number, reconciled: number | null, unreconciled: number | null) {
  if (reason === "F" || reconciled === null || unreconciled === null || reconciled < 0 || unreconciled < 0 || reconciled + unreconciled !== units)
    return { reconciled: null, unreconciled: null };
  return { reconciled, unreconciled };
}
