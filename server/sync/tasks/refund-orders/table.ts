import { sql } from "drizzle-orm";
import { index, integer, jsonb, numeric, pgTable, pgView, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { storeMarketplaces, stores } from "~/db/schema/amazon";
import { organizations } from "~/db/schema/organizations";
import { timestamptz } from "~/db/schema/columns";

const money = () => numeric({ precision: 18, scale: 4, mode: "string" });

/** One of Amazon's typed amount lines as it came (`ChargeType`/`FeeType`/`PromotionId`…, amount as exact text). */
export interface RefundLine {
  type: string;
  amount: string;
}

/**
 * What each refund gave back and charged, per item, as Amazon's Finances API lists it (listFinancialEvents,
 * RefundEventList): one row per refunded item (its OrderAdjustmentItemId) and posting. Amounts keep Amazon's
 * signs from the seller's side (a refunded principal is negative, a returned commission positive); the named
 * columns are sums of the typed lines kept in full in `charges`, `fees`, `promotions` and `taxes_withheld`.
 * Rows of orders the product has not synced are kept too: the Refunds page shows a refund once its order is
 * synced (the `refunds` view joins them). Thousands of rows per seller and year: plain foreign keys.
 */
export const refundItems = pgTable(
  "refund_items",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeMarketplaceId: uuid()
      .notNull()
      .references(() => storeMarketplaces.id, { onDelete: "cascade" }),
    amazonOrderId: text().notNull(),
    /** The refund's PostedDate. */
    postedAt: timestamptz().notNull(),
    /** Amazon's OrderAdjustmentItemId (else its OrderItemId); "" for the order-level lines of the refund. */
    adjustmentItemId: text().notNull(),
    orderItemId: text(),
    sellerSku: text(),
    quantity: integer().notNull(),
    /** The marketplace's local day of the posting (YYYY-MM-DD). */
    postedDay: text().notNull(),
    currency: text().notNull(),
    principal: money().notNull(),
    tax: money().notNull(),
    shipping: money().notNull(),
    shippingTax: money().notNull(),
    /** Every other charge adjustment (gift wrap, goodwill, restocking fee, points returned…). */
    otherCharges: money().notNull(),
    /** The promotions given on the item, reversed (positive: the seller gets them back). */
    promotion: money().notNull(),
    /** The referral fee Amazon returns (positive). */
    commission: money().notNull(),
    /** Amazon's refund administration fee (negative). */
    refundCommission: money().notNull(),
    otherFees: money().notNull(),
    /** Tax Amazon collected as marketplace facilitator and now gives back to the buyer itself. */
    taxWithheld: money().notNull(),
    charges: jsonb().$type<RefundLine[]>().notNull(),
    fees: jsonb().$type<RefundLine[]>().notNull(),
    promotions: jsonb().$type<RefundLine[]>().notNull(),
    taxesWithheld: jsonb().$type<RefundLine[]>().notNull(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeMarketplaceId, t.amazonOrderId, t.postedAt, t.adjustmentItemId] }),
    index().on(t.organizationId, t.postedDay),
  ],
);

/**
 * FBA customer returns as GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA reports them, per seller account (its
 * rows name no marketplace; the order id does): why the buyer returned the item and where the unit stands.
 * The Refunds page shows them beside the refund of the same order and SKU. `return_day` is the local day in
 * the account's home zone.
 */
export const customerReturns = pgTable(
  "customer_returns",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    amazonOrderId: text().notNull(),
    sku: text().notNull(),
    returnedAt: timestamptz().notNull(),
    /** Amazon's license plate number of the returned unit ("" when the report has none). */
    licensePlateNumber: text().notNull(),
    returnDay: text().notNull(),
    asin: text(),
    fnsku: text(),
    productName: text(),
    quantity: integer().notNull(),
    fulfillmentCenterId: text(),
    detailedDisposition: text(),
    reason: text(),
    status: text(),
    customerComments: text(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.amazonOrderId, t.sku, t.returnedAt, t.licensePlateNumber] }),
    index().on(t.organizationId, t.returnDay),
  ],
);

/**
 * The Refunds page's rows: refunds of orders the product has synced (an order synced later brings its
 * refunds with it), with the product's ASIN and title from the order's items (the refunded item by its id,
 * else by its SKU: the historical orders' report gives items no id of Amazon's), the reason and status of the
 * item's latest FBA return, and three exact sums (numeric arithmetic, never floats):
 * - refund amount: what the buyer got back, as it leaves the seller (charges and promotions, negative);
 * - refund fees: what Amazon returned and charged for it (returned commission less the refund commission and
 *   other fee adjustments);
 * - payable: what the refund costs the seller in all — the two above and the facilitator tax returned.
 */
export const refunds = pgView("refunds", {
  organizationId: uuid().notNull(),
  storeMarketplaceId: uuid().notNull(),
  storeId: uuid().notNull(),
  amazonOrderId: text().notNull(),
  postedAt: timestamptz().notNull(),
  adjustmentItemId: text().notNull(),
  postedDay: text().notNull(),
  sellerSku: text(),
  asin: text(),
  title: text(),
  quantity: integer().notNull(),
  currency: text().notNull(),
  principal: money().notNull(),
  tax: money().notNull(),
  shipping: money().notNull(),
  shippingTax: money().notNull(),
  promotion: money().notNull(),
  otherCharges: money().notNull(),
  commission: money().notNull(),
  refundCommission: money().notNull(),
  otherFees: money().notNull(),
  taxWithheld: money().notNull(),
  refundAmount: money().notNull(),
  refundFees: money().notNull(),
  payable: money().notNull(),
  reason: text(),
  status: text(),
}).as(sql`
  select r.organization_id, r.store_marketplace_id, m.store_id, r.amazon_order_id, r.posted_at, r.adjustment_item_id,
    r.posted_day, r.seller_sku, i.asin, i.title, r.quantity, r.currency,
    r.principal, r.tax, r.shipping, r.shipping_tax, r.promotion, r.other_charges,
    r.commission, r.refund_commission, r.other_fees, r.tax_withheld,
    r.principal + r.tax + r.shipping + r.shipping_tax + r.promotion + r.other_charges as refund_amount,
    r.commission + r.refund_commission + r.other_fees as refund_fees,
    r.principal + r.tax + r.shipping + r.shipping_tax + r.promotion + r.other_charges
      + r.commission + r.refund_commission + r.other_fees + r.tax_withheld as payable,
    x.reason, x.status
  from refund_items r
  join store_marketplaces m on m.id = r.store_marketplace_id
  join orders o on o.store_marketplace_id = r.store_marketplace_id and o.amazon_order_id = r.amazon_order_id
  left join lateral (
    select oi.asin, oi.title from order_items oi
    where oi.store_marketplace_id = r.store_marketplace_id and oi.amazon_order_id = r.amazon_order_id
      and (oi.order_item_id = r.order_item_id or oi.seller_sku = r.seller_sku)
    order by oi.order_item_id is not distinct from r.order_item_id desc, oi.order_item_id limit 1
  ) i on true
  left join lateral (
    select c.reason, c.status from customer_returns c
    where c.store_id = m.store_id and c.amazon_order_id = r.amazon_order_id and c.sku = r.seller_sku
    order by c.returned_at desc, c.license_plate_number limit 1
  ) x on true
`);
