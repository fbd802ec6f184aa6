import type { Ctx, Reply, Route } from "../http/types";
import { spError } from "../http/types";
import { minorToNumber } from "../util/money";
import { addDays, DAY, isoZ, localDay, MINUTE } from "../util/time";
import type { Reimbursement } from "../world/fba";
import { reimbursementsOnDay } from "../world/reimbursements";
import type { Marketplace } from "../world/marketplaces";
import type { FinancialEvent } from "../world/finances";
import { eventsOf } from "../world/finances";
import { MAX_REFUND_LAG_MS } from "../world/orders";

// Every list of the model's FinancialEvents, in its order: Amazon sends them all, empty ones included.
import { decodeToken, encodeToken, intParam, sellerOf, timeParam } from "./common";

const LISTS = ["ShipmentEventList", "ShipmentSettleEventList", "RefundEventList", "GuaranteeClaimEventList", "EBTRefundReimbursementOnlyEventList", "ChargebackEventList", "PayWithAmazonEventList", "ServiceProviderCreditEventList", "RetrochargeEventList", "RentalTransactionEventList", "ProductAdsPaymentEventList", "ServiceFeeEventList", "SellerDealPaymentEventList", "DebtRecoveryEventList", "LoanServicingEventList", "AdjustmentEventList", "SAFETReimbursementEventList", "SellerReviewEnrollmentPaymentEventList", "FBALiquidationEventList", "CouponPaymentEventList", "ImagingServicesFeeEventList", "NetworkComminglingTransactionEventList", "AffordabilityExpenseEventList", "AffordabilityExpenseReversalEventList", "RemovalShipmentEventList", "RemovalShipmentAdjustmentEventList", "TrialShipmentEventList", "TDSReimbursementEventList", "AdhocDisbursementEventList", "TaxWithholdingEventList", "ChargeRefundEventList", "FailedAdhocDisbursementEventList", "ValueAddedServiceChargeEventList", "CapacityReservationBillingEventList"];

function eventJson(e: FinancialEvent): Record<string, unknown> {
  const cur = e.order.marketplace.currency;
  const amt = (minor: number) => ({ CurrencyCode: cur, CurrencyAmount: minorToNumber(minor, cur) });
  const refund = e.kind === "Refund";
  const items = e.items.map((i) => {
    const it: Record<string, unknown> = { SellerSKU: i.line.product.sku, OrderItemId: i.line.orderItemId, QuantityShipped: i.quantity };
    const charges = i.charges.map((c) => ({ ChargeType: c.type, ChargeAmount: amt(c.amount) }));
    const fees = i.fees.map((f) => ({ FeeType: f.type, FeeAmount: amt(f.amount) }));
    const promos = i.promotions.map((p) => ({ PromotionType: "PromotionMetaDataDefinitionValue", PromotionId: p.id, PromotionAmount: amt(p.amount) }));
    if (refund) {
      if (i.adjustmentItemId) it.OrderAdjustmentItemId = i.adjustmentItemId;
      it.ItemChargeAdjustmentList = charges;
      it.ItemFeeAdjustmentList = fees;
      if (promos.length) it.PromotionAdjustmentList = promos;
    } else {
      it.ItemChargeList = charges;
      it.ItemFeeList = fees;
      it.ItemTaxWithheldList = [];
      it.PromotionList = promos;
    }
    return it;
  });
  const out: Record<string, unknown> = { AmazonOrderId: e.order.amazonOrderId, SellerOrderId: e.order.amazonOrderId, MarketplaceName: e.order.marketplace.name, PostedDate: isoZ(e.postedMs) };
  if (refund) out.ShipmentItemAdjustmentList = items;
  else out.ShipmentItemList = items;
  return out;
}

// Any other reason (Lost_Inbound, CustomerServiceIssue, FeeCorrection) posts as FBAInventoryReimbursement.
const ADJUSTMENT_TYPE: Record<string, string> = { Lost_Warehouse: "WAREHOUSE_LOST", Damaged_Warehouse: "WAREHOUSE_DAMAGE", CustomerReturn: "REVERSAL_REIMBURSEMENT", Removal_Order_Lost: "REMOVAL_ORDER_LOST" };

/** Cash reimbursements post as adjustment events, the same facts as GET_FBA_REIMBURSEMENTS_DATA. */
function adjustmentJson(x: Reimbursement, mp: Marketplace): Record<string, unknown> {
  const cur = mp.currency;
  const amt = (minor: number) => ({ CurrencyCode: cur, CurrencyAmount: minorToNumber(minor, cur) });
  return {
    AdjustmentType: ADJUSTMENT_TYPE[x.reason] ?? "FBAInventoryReimbursement",
    PostedDate: isoZ(x.approvalMs),
    AdjustmentAmount: amt(x.amountPerUnit * x.qtyCash),
    AdjustmentItemList: [{ Quantity: String(x.qtyCash), PerUnitAmount: amt(x.amountPerUnit), TotalAmount: amt(x.amountPerUnit * x.qtyCash), SellerSKU: x.product.sku, FnSKU: x.product.fnsku, ProductDescription: x.product.title, ASIN: x.product.asin, TransactionNumber: x.id }],
  };
}

type Posted = { ms: number; key: string; kind: "order"; e: FinancialEvent } | { ms: number; key: string; kind: "adjustment"; x: Reimbursement; mp: Marketplace };

function payload(events: Posted[]): Record<string, unknown> {
  const fe: Record<string, unknown[]> = {};
  for (const l of LISTS) fe[l] = [];
  for (const p of events) {
    if (p.kind === "adjustment") fe.AdjustmentEventList?.push(adjustmentJson(p.x, p.mp));
    else (p.e.kind === "Refund" ? fe.RefundEventList : fe.ShipmentEventList)?.push(eventJson(p.e));
  }
  return fe;
}

// A listing's pages all read one moment (`asOf`), so its events are built once and paged from memory: built
// per page, a year's listing of a small seller (some 500 pages) cost minutes of the sandbox's time.
const listings = new WeakMap<Ctx["sb"], Map<string, Posted[]>>();

function postedEvents(ctx: Ctx, seller: ReturnType<typeof sellerOf>, q: { after: number; before: number; asOf: number }): Posted[] {
  let recent = listings.get(ctx.sb);
  if (!recent) listings.set(ctx.sb, (recent = new Map()));
  const key = `${seller.sellerId}|${q.after}|${q.before}|${q.asOf}`;
  const cached = recent.get(key);
  if (cached) return cached;
  const events: Posted[] = [];
  for (const mp of ctx.sb.world.marketplaces(seller)) {
    for (const o of ctx.sb.world.ordersPurchasedBetween(seller, mp, q.after - MAX_REFUND_LAG_MS, q.before)) {
      for (const e of eventsOf(o, q.asOf)) if (e.postedMs >= q.after && e.postedMs < q.before) events.push({ ms: e.postedMs, key: `${e.order.amazonOrderId}${e.kind}`, kind: "order", e });
    }
    const last = localDay(Math.min(q.before, q.asOf) - 1, mp.timezone);
    for (let d = localDay(q.after, mp.timezone); d <= last; d = addDays(d, 1)) {
      for (const x of reimbursementsOnDay(ctx.sb.world, seller, mp, d)) {
        if (x.qtyCash > 0 && x.approvalMs >= q.after && x.approvalMs < q.before && x.approvalMs <= q.asOf) events.push({ ms: x.approvalMs, key: `R${x.id}`, kind: "adjustment", x, mp });
      }
    }
  }
  events.sort((a, b) => a.ms - b.ms || (a.key < b.key ? -1 : 1));
  if (recent.size >= 8) recent.delete(recent.keys().next().value!);
  recent.set(key, events);
  return events;
}

/**
 * Events posted in [PostedAfter, PostedBefore), oldest first, as Finances shows them when the listing's first
 * page is asked for: the pages of one listing (its NextToken) read the same moment, so an event that becomes
 * visible meanwhile neither shifts a page nor repeats one — it shows in the next listing of its period.
 */
function listFinancialEvents(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const now = ctx.sb.clock.now();
  let q: { after: number; before: number; size: number; asOf: number };
  let offset = 0;
  const token = ctx.query.get("NextToken");
  if (token) {
    try {
      ({ q, o: offset } = JSON.parse(Buffer.from(token, "base64url").toString()) as { q: typeof q; o: number });
      if (typeof q.asOf !== "number" || typeof offset !== "number") throw new Error("token");
    } catch { throw spError(400, "InvalidInput", "Invalid NextToken"); }
  } else {
    const after = timeParam(ctx, "PostedAfter");
    if (after === undefined) throw spError(400, "InvalidInput", "PostedAfter is required");
    const before = timeParam(ctx, "PostedBefore") ?? now - 2 * MINUTE;
    if (after > now - 2 * MINUTE || before > now - 2 * MINUTE) throw spError(400, "InvalidInput", "Date must be no later than 2 minutes before the time the request was submitted.");
    if (after >= before) throw spError(400, "InvalidInput", "PostedAfter must be before PostedBefore");
    q = { after, before, size: intParam(ctx, "MaxResultsPerPage", 100, 1, 100), asOf: now };
  }
  // A span over 180 days answers empty, like Amazon.
  if (q.before - q.after > 180 * DAY) return { status: 200, body: { payload: { FinancialEvents: payload([]) } } };
  const events = postedEvents(ctx, seller, q);
  const slice = events.slice(offset, offset + q.size);
  const p: Record<string, unknown> = { FinancialEvents: payload(slice) };
  if (offset + q.size < events.length) p.NextToken = Buffer.from(JSON.stringify({ q, o: offset + q.size })).toString("base64url");
  return { status: 200, body: { payload: p } };
}

/** Every event of one order Finances shows now; an id not in Amazon's 3-7-7 form is refused as Amazon does. */
function listByOrder(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const id = ctx.params.orderId ?? "";
  if (!/^\d{3}-\d{7}-\d{7}$/.test(id)) throw spError(400, "InvalidInput", "Bad order ID provided.");
  const token = ctx.query.get("NextToken");
  const size = intParam(ctx, "MaxResultsPerPage", 100, 1, 100);
  const offset = token ? decodeToken(token, id) : 0;
  const now = ctx.sb.clock.now();
  const o = ctx.sb.world.findOrder(seller, id, now);
  const events = o ? eventsOf(o, now) : [];
  const slice = events.slice(offset, offset + size);
  const p: Record<string, unknown> = { FinancialEvents: payload(slice.map((e) => ({ ms: e.postedMs, key: e.kind, kind: "order" as const, e }))) };
  if (offset + size < events.length) p.NextToken = encodeToken(id, offset + size);
  return { status: 200, body: { payload: p } };
}

export const financesRoutes: Route[] = [
  { method: "GET", path: "/finances/v0/financialEvents", operation: "listFinancialEvents", auth: "sp", handler: listFinancialEvents },
  { method: "GET", path: "/finances/v0/orders/{orderId}/financialEvents", operation: "listFinancialEventsByOrderId", auth: "sp", handler: listByOrder },
];
