import { sql } from "drizzle-orm";
import type { Database } from "~/db/client";

/*
 * Underpaid reimbursements: Amazon reimburses a lost or damaged unit at its own estimate of the item's
 * value, which can be below what the unit cost the seller. Where the seller has entered product costs, every
 * cash reimbursement whose amount per unit is below the unit cost in force on its approval day (purchase +
 * inbound shipping + other, the cost period rule of product costs; converted at that day's ECB rate when the
 * currencies differ) is listed with the shortfall — evidence for asking Amazon to reconsider.
 */

export interface UnderpaidRow {
  storeId: string;
  storeName: string;
  reimbursementId: string;
  approvalDay: string;
  caseId: string | null;
  amazonOrderId: string | null;
  reason: string;
  sku: string;
  asin: string | null;
  productName: string | null;
  quantityCash: number;
  currency: string;
  amountPerUnit: string;
  /** The seller's unit cost in the reimbursement's currency, and as entered. */
  unitCost: string;
  costCurrency: string;
  costAsEntered: string;
  costValidFrom: string;
  shortfallPerUnit: string;
  shortfall: string;
}

export interface UnderpaidFilters {
  storeId?: string;
  search?: string;
  page: number;
  pageSize: number;
}

/** Each cash reimbursement of the organization beside the seller's unit cost on its approval day. */
function compared(organizationId: string, f: Omit<UnderpaidFilters, "page" | "pageSize">) {
  const search = f.search ? `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return sql`
    select r.store_id, s.name as store_name, r.reimbursement_id, r.approval_day, r.case_id, r.amazon_order_id, r.reason,
      r.sku, r.asin, r.product_name, r.quantity_cash, r.currency, r.amount_per_unit, cost.currency as cost_currency,
      cost.valid_from as cost_valid_from, cost.unit_cost as cost_as_entered,
      round(in_currency(cost.unit_cost, cost.currency, r.currency, r.approval_day), 4) as unit_cost
    from reimbursements r
    join stores s on s.id = r.store_id and s.organization_id = ${organizationId}
    cross join lateral (
      -- The cost in force on the day: the latest period from before it, else the earliest (product costs' rule).
      select pc.currency, pc.valid_from, pc.purchase_cost + pc.inbound_shipping_cost + pc.other_cost as unit_cost
      from product_costs pc
      where pc.organization_id = ${organizationId} and pc.store_id = r.store_id and pc.sku = r.sku
      order by (pc.valid_from <= r.approval_day) desc, case when pc.valid_from <= r.approval_day then pc.valid_from end desc nulls last, pc.valid_from asc
      limit 1
    ) cost
    where r.organization_id = ${organizationId} and r.quantity_cash > 0 and r.amount_per_unit is not null
      ${f.storeId ? sql`and r.store_id = ${f.storeId}` : sql``}
      ${search ? sql`and (r.sku ilike ${search} or r.asin ilike ${search} or r.product_name ilike ${search} or r.reimbursement_id ilike ${search})` : sql``}`;
}

type Record_ = {
  store_id: string; store_name: string; reimbursement_id: string; approval_day: string; case_id: string | null; amazon_order_id: string | null;
  reason: string; sku: string; asin: string | null; product_name: string | null; quantity_cash: number; currency: string; amount_per_unit: string;
  cost_currency: string; cost_valid_from: string; cost_as_entered: string; unit_cost: string; shortfall_per_unit: string; shortfall: string;
};

const toRow = (r: Record_): UnderpaidRow => ({
  storeId: r.store_id,
  storeName: r.store_name,
  reimbursementId: r.reimbursement_id,
  approvalDay: r.approval_day,
  caseId: r.case_id,
  amazonOrderId: r.amazon_order_id,
  reason: r.reason,
  sku: r.sku,
  asin: r.asin,
  productName: r.product_name,
  quantityCash: r.quantity_cash,
  currency: r.currency,
  amountPerUnit: r.amount_per_unit,
  unitCost: r.unit_cost,
  costCurrency: r.cost_currency,
  costAsEntered: r.cost_as_entered,
  costValidFrom: r.cost_valid_from,
  shortfallPerUnit: r.shortfall_per_unit,
  shortfall: r.shortfall,
});

/**
 * A page of underpaid reimbursements, most recent first, with the shortfall totals per currency, how many
 * cash reimbursements were compared, and how many could not be (no ECB rate for a currency pair that day).
 */
export async function underpaidReimbursements(db: Database, organizationId: string, f: UnderpaidFilters) {
  const base = compared(organizationId, f);
  const rows = await db.execute<Record_>(sql`
    with c as (${base})
    select c.store_id, c.store_name, c.reimbursement_id, c.approval_day, c.case_id, c.amazon_order_id, c.reason, c.sku, c.asin,
      c.product_name, c.quantity_cash, c.currency, c.amount_per_unit::text, c.cost_currency, c.cost_valid_from,
      c.cost_as_entered::text, c.unit_cost::text, (c.unit_cost - c.amount_per_unit)::text as shortfall_per_unit,
      ((c.unit_cost - c.amount_per_unit) * c.quantity_cash)::text as shortfall
    from c
    where c.unit_cost > c.amount_per_unit
    order by c.approval_day desc, c.reimbursement_id, c.sku
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const totals = await db.execute<{ currency: string; count: number; units: number; shortfall: string }>(sql`
    with c as (${base})
    select c.currency, count(*)::int as count, sum(c.quantity_cash)::int as units, sum((c.unit_cost - c.amount_per_unit) * c.quantity_cash)::text as shortfall
    from c where c.unit_cost > c.amount_per_unit
    group by c.currency order by c.currency`);
  const [coverage] = await db.execute<{ compared: number; without_rate: number }>(sql`
    with c as (${base})
    select count(*) filter (where c.unit_cost is not null)::int as compared, count(*) filter (where c.unit_cost is null)::int as without_rate from c`);
  return {
    rows: rows.map(toRow),
    count: totals.reduce((n, t) => n + t.count, 0),
    totals: totals.map((t) => ({ currency: t.currency, reimbursements: t.count, units: t.units, shortfall: t.shortfall })),
    compared: coverage?.compared ?? 0,
    withoutRate: coverage?.without_rate ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}
