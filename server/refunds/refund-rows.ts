import { AmountSum } from "~/server/sync/tasks/orders-history/amounts";
import type { RefundLine } from "~/server/sync/tasks/refund-orders/table";
import { localToday } from "~/server/sync/windows";
import { decimalText, FinancesAnswerError, type AmazonAmount, type AmazonRefundEvent } from "./finances-api";

/** A store marketplace as a refund names it (`MarketplaceName`, "Amazon.com"). */
export interface RefundMarketplace {
  id: string;
  name: string;
  domainName: string;
  timeZone: string;
}

/** One row of refund_items, without who it belongs to and when it was stored. */
export interface RefundItemRow {
  storeMarketplaceId: string;
  amazonOrderId: string;
  postedAt: Date;
  adjustmentItemId: string;
  orderItemId: string | null;
  sellerSku: string | null;
  quantity: number;
  postedDay: string;
  currency: string;
  principal: string;
  tax: string;
  shipping: string;
  shippingTax: string;
  otherCharges: string;
  promotion: string;
  commission: string;
  refundCommission: string;
  otherFees: string;
  taxWithheld: string;
  charges: RefundLine[];
  fees: RefundLine[];
  promotions: RefundLine[];
  taxesWithheld: RefundLine[];
}

/** Charge and fee types with a column of their own; every other type is summed under "other". */
const CHARGE_COLUMNS = { Principal: "principal", Tax: "tax", ShippingCharge: "shipping", ShippingTax: "shippingTax" } as const;
const FEE_COLUMNS = { Commission: "commission", RefundCommission: "refundCommission" } as const;

type SumColumn = "principal" | "tax" | "shipping" | "shippingTax" | "otherCharges" | "promotion" | "commission" | "refundCommission" | "otherFees" | "taxWithheld";
const SUM_COLUMNS: SumColumn[] = ["principal", "tax", "shipping", "shippingTax", "otherCharges", "promotion", "commission", "refundCommission", "otherFees", "taxWithheld"];

/** The marketplace a refund's `MarketplaceName` names, among the store's ("Amazon.com", "Amazon.co.jp"). */
export function marketplaceNamed(marketplaces: RefundMarketplace[], name: string | null | undefined): RefundMarketplace | undefined {
  if (!name) return undefined;
  const wanted = name.trim().toLowerCase();
  return marketplaces.find((m) => m.name.toLowerCase() === wanted || `amazon.${m.domainName.replace(/^www\.amazon\./i, "")}`.toLowerCase() === wanted);
}

/** Sums of one row's typed lines, all in one currency. */
class RowAmounts {
  readonly lines = { charges: [] as RefundLine[], fees: [] as RefundLine[], promotions: [] as RefundLine[], taxesWithheld: [] as RefundLine[] };
  private readonly sums = new Map<SumColumn, AmountSum>(SUM_COLUMNS.map((c) => [c, new AmountSum()]));
  currency: string | null = null;

  constructor(private readonly orderId: string) {}

  add(list: keyof RowAmounts["lines"], column: SumColumn, type: string, value: AmazonAmount) {
    if (this.currency && this.currency !== value.CurrencyCode)
      throw new FinancesAnswerError(`Amazon's refund of order ${this.orderId} mixes currencies (${this.currency} and ${value.CurrencyCode}).`);
    this.currency = value.CurrencyCode;
    const amount = decimalText(value.CurrencyAmount);
    this.lines[list].push({ type, amount });
    this.sums.get(column)!.add(amount);
  }

  total(column: SumColumn): string {
    return this.sums.get(column)!.total() ?? "0";
  }
}

/** The currency of any amount of the refund (null when it has none at all, and so nothing to keep). */
function eventCurrency(event: AmazonRefundEvent): string | null {
  for (const item of event.ShipmentItemAdjustmentList ?? []) {
    const any = item.ItemChargeAdjustmentList?.[0]?.ChargeAmount ?? item.ItemFeeAdjustmentList?.[0]?.FeeAmount ?? item.PromotionAdjustmentList?.[0]?.PromotionAmount;
    if (any) return any.CurrencyCode;
  }
  return event.OrderChargeAdjustmentList?.[0]?.ChargeAmount.CurrencyCode ?? event.OrderFeeAdjustmentList?.[0]?.FeeAmount.CurrencyCode ?? event.ShipmentFeeAdjustmentList?.[0]?.FeeAmount.CurrencyCode ?? null;
}

/**
 * One refund event → its rows: one per refunded item (keyed by Amazon's OrderAdjustmentItemId), and one
 * with the key "" for lines Amazon gives for the order as a whole, if any. Every typed line is kept as it
 * came; the named columns sum them by type.
 */
export function refundRows(event: AmazonRefundEvent, marketplace: RefundMarketplace): RefundItemRow[] {
  const orderId = event.AmazonOrderId;
  const postedAt = new Date(event.PostedDate);
  const base = { storeMarketplaceId: marketplace.id, amazonOrderId: orderId, postedAt, postedDay: localToday(marketplace.timeZone, postedAt) };
  const rows: RefundItemRow[] = [];
  const finish = (amounts: RowAmounts, key: { adjustmentItemId: string; orderItemId: string | null; sellerSku: string | null; quantity: number }) => {
    if (!amounts.currency) return;
    rows.push({
      ...base,
      ...key,
      currency: amounts.currency,
      ...(Object.fromEntries(SUM_COLUMNS.map((c) => [c, amounts.total(c)])) as Record<SumColumn, string>),
      ...amounts.lines,
    });
  };

  for (const item of event.ShipmentItemAdjustmentList ?? []) {
    const adjustmentItemId = item.OrderAdjustmentItemId || item.OrderItemId;
    if (!adjustmentItemId) throw new FinancesAnswerError(`Amazon's refund of order ${orderId} (posted ${event.PostedDate}) has an item without OrderAdjustmentItemId or OrderItemId.`);
    const amounts = new RowAmounts(orderId);
    for (const c of item.ItemChargeAdjustmentList ?? []) amounts.add("charges", CHARGE_COLUMNS[c.ChargeType as keyof typeof CHARGE_COLUMNS] ?? "otherCharges", c.ChargeType, c.ChargeAmount);
    if (item.CostOfPointsReturned) amounts.add("charges", "otherCharges", "CostOfPointsReturned", item.CostOfPointsReturned);
    for (const f of item.ItemFeeAdjustmentList ?? []) amounts.add("fees", FEE_COLUMNS[f.FeeType as keyof typeof FEE_COLUMNS] ?? "otherFees", f.FeeType, f.FeeAmount);
    for (const p of item.PromotionAdjustmentList ?? []) amounts.add("promotions", "promotion", p.PromotionId ?? p.PromotionType ?? "Promotion", p.PromotionAmount);
    for (const w of item.ItemTaxWithheldList ?? []) for (const t of w.TaxesWithheld ?? []) amounts.add("taxesWithheld", "taxWithheld", t.ChargeType, t.ChargeAmount);
    // An item Amazon lists without any amount still says what was refunded: kept, with zeros in the refund's currency.
    amounts.currency ??= eventCurrency(event);
    finish(amounts, { adjustmentItemId, orderItemId: item.OrderItemId ?? null, sellerSku: item.SellerSKU ?? null, quantity: item.QuantityShipped ?? 0 });
  }

  const order = new RowAmounts(orderId);
  for (const c of event.OrderChargeAdjustmentList ?? []) order.add("charges", CHARGE_COLUMNS[c.ChargeType as keyof typeof CHARGE_COLUMNS] ?? "otherCharges", c.ChargeType, c.ChargeAmount);
  for (const f of [...(event.OrderFeeAdjustmentList ?? []), ...(event.ShipmentFeeAdjustmentList ?? [])])
    order.add("fees", FEE_COLUMNS[f.FeeType as keyof typeof FEE_COLUMNS] ?? "otherFees", f.FeeType, f.FeeAmount);
  finish(order, { adjustmentItemId: "", orderItemId: null, sellerSku: null, quantity: 0 });

  // Amazon names each adjusted item once per refund; the same one twice would be two different refunds.
  const keys = new Set<string>();
  for (const r of rows) {
    if (keys.has(r.adjustmentItemId)) throw new FinancesAnswerError(`Amazon's refund of order ${orderId} (posted ${event.PostedDate}) lists the item ${r.adjustmentItemId} twice.`);
    keys.add(r.adjustmentItemId);
  }
  return rows;
}
