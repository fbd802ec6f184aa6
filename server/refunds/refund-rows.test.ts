import { describe, expect, it } from "vitest";
import { decimalText, FinancesAnswerError, type AmazonRefundEvent } from "./finances-api";
import { marketplaceNamed, refundRows, type RefundMarketplace } from "./refund-rows";

const US: RefundMarketplace = { id: "m-us", name: "Amazon.com", domainName: "www.amazon.com", timeZone: "America/Los_Angeles" };
const JP: RefundMarketplace = { id: "m-jp", name: "Amazon.co.jp", domainName: "www.amazon.co.jp", timeZone: "Asia/Tokyo" };
const usd = (n: number) => ({ CurrencyCode: "USD", CurrencyAmount: n });

/** A refund as Amazon's Finances lists it: principal, tax and shipping back, promotion reversed, fees adjusted. */
const refund = (overrides: Partial<AmazonRefundEvent> = {}): AmazonRefundEvent => ({
  AmazonOrderId: "111-2222222-3333333",
  MarketplaceName: "Amazon.com",
  PostedDate: "2026-03-08T07:30:00Z",
  ShipmentItemAdjustmentList: [
    {
      SellerSKU: "KETTLE-1",
      OrderItemId: "12345678901234",
      OrderAdjustmentItemId: "98765432109876",
      QuantityShipped: 2,
      ItemChargeAdjustmentList: [
        { ChargeType: "Principal", ChargeAmount: usd(-39.98) },
        { ChargeType: "Tax", ChargeAmount: usd(-3.2) },
        { ChargeType: "ShippingCharge", ChargeAmount: usd(-4.99) },
        { ChargeType: "ShippingTax", ChargeAmount: usd(-0.4) },
        { ChargeType: "Goodwill", ChargeAmount: usd(-1) },
        { ChargeType: "RestockingFee", ChargeAmount: usd(2.5) },
      ],
      ItemFeeAdjustmentList: [
        { FeeType: "Commission", FeeAmount: usd(6.75) },
        { FeeType: "RefundCommission", FeeAmount: usd(-1.35) },
        { FeeType: "ShippingChargeback", FeeAmount: usd(-0.1) },
      ],
      PromotionAdjustmentList: [{ PromotionType: "PromotionMetaDataDefinitionValue", PromotionId: "PLM-1", PromotionAmount: usd(4) }],
      ItemTaxWithheldList: [{ TaxCollectionModel: "MarketplaceFacilitator", TaxesWithheld: [{ ChargeType: "MarketplaceFacilitatorTax-Principal", ChargeAmount: usd(3.2) }] }],
    },
  ],
  ...overrides,
});

describe("a refund's rows", () => {
  it("sum each item's typed lines by kind, exactly, and keep the lines as Amazon gave them", () => {
    const [row, ...rest] = refundRows(refund(), US);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      storeMarketplaceId: "m-us",
      amazonOrderId: "111-2222222-3333333",
      adjustmentItemId: "98765432109876",
      orderItemId: "12345678901234",
      sellerSku: "KETTLE-1",
      quantity: 2,
      // 07:30 UTC is still the 7th in Los Angeles: the marketplace's day.
      postedDay: "2026-03-07",
      currency: "USD",
      principal: "-39.98",
      tax: "-3.2",
      shipping: "-4.99",
      shippingTax: "-0.4",
      otherCharges: "1.5",
      promotion: "4",
      commission: "6.75",
      refundCommission: "-1.35",
      otherFees: "-0.1",
      taxWithheld: "3.2",
    });
    expect(row!.postedAt.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(row!.charges).toEqual([
      { type: "Principal", amount: "-39.98" },
      { type: "Tax", amount: "-3.2" },
      { type: "ShippingCharge", amount: "-4.99" },
      { type: "ShippingTax", amount: "-0.4" },
      { type: "Goodwill", amount: "-1" },
      { type: "RestockingFee", amount: "2.5" },
    ]);
    expect(row!.promotions).toEqual([{ type: "PLM-1", amount: "4" }]);
    expect(row!.taxesWithheld).toEqual([{ type: "MarketplaceFacilitatorTax-Principal", amount: "3.2" }]);
  });

  it("keep the order's own lines apart, under an empty item id, and an item Amazon gives no amount with zeros", () => {
    const rows = refundRows(
      refund({
        OrderChargeAdjustmentList: [{ ChargeType: "CODOrderCharge", ChargeAmount: usd(-2) }],
        ShipmentFeeAdjustmentList: [{ FeeType: "FBAPerOrderFulfillmentFee", FeeAmount: usd(0.5) }],
        ShipmentItemAdjustmentList: [...refund().ShipmentItemAdjustmentList!, { SellerSKU: "MUG-2", OrderAdjustmentItemId: "11111111111111", QuantityShipped: 1 }],
      }),
      US,
    );
    expect(rows.map((r) => [r.adjustmentItemId, r.sellerSku, r.otherCharges, r.otherFees, r.principal, r.currency])).toEqual([
      ["98765432109876", "KETTLE-1", "1.5", "-0.1", "-39.98", "USD"],
      ["11111111111111", "MUG-2", "0", "0", "0", "USD"],
      ["", null, "-2", "0.5", "0", "USD"],
    ]);
  });

  it("read yen without decimals, and a refund of an item Amazon names only by its order item id", () => {
    const [row] = refundRows(
      {
        AmazonOrderId: "503-1234567-7654321",
        MarketplaceName: "Amazon.co.jp",
        PostedDate: "2026-03-07T16:00:00Z",
        ShipmentItemAdjustmentList: [{ SellerSKU: "JP-1", OrderItemId: "55555555555555", ItemChargeAdjustmentList: [{ ChargeType: "Principal", ChargeAmount: { CurrencyCode: "JPY", CurrencyAmount: -1980 } }] }],
      },
      JP,
    );
    expect(row).toMatchObject({ adjustmentItemId: "55555555555555", principal: "-1980", currency: "JPY", postedDay: "2026-03-08", quantity: 0 });
  });

  it("refuse in plain words what cannot be one refund: no item id, two currencies, an item twice", () => {
    const item = refund().ShipmentItemAdjustmentList![0]!;
    expect(() => refundRows(refund({ ShipmentItemAdjustmentList: [{ ...item, OrderAdjustmentItemId: null, OrderItemId: null }] }), US)).toThrow(
      "Amazon's refund of order 111-2222222-3333333 (posted 2026-03-08T07:30:00Z) has an item without OrderAdjustmentItemId or OrderItemId.",
    );
    const euro = { ...item, ItemFeeAdjustmentList: [{ FeeType: "Commission", FeeAmount: { CurrencyCode: "EUR", CurrencyAmount: 1 } }] };
    expect(() => refundRows(refund({ ShipmentItemAdjustmentList: [euro] }), US)).toThrow("Amazon's refund of order 111-2222222-3333333 mixes currencies (USD and EUR).");
    expect(() => refundRows(refund({ ShipmentItemAdjustmentList: [item, item] }), US)).toThrow(FinancesAnswerError);
  });
});

describe("Amazon's amounts", () => {
  it("become their exact decimal text, never rounded", () => {
    expect([25.37, -0.1, 1980, 0, 1e-4, -123456789.12].map(decimalText)).toEqual(["25.37", "-0.1", "1980", "0", "0.0001", "-123456789.12"]);
    expect(() => decimalText(0.12345)).toThrow("Amazon sent the amount 0.12345, with more than the 4 decimal places Shelfwise keeps.");
    expect(() => decimalText(Number.NaN)).toThrow(FinancesAnswerError);
  });
});

describe("a refund's marketplace", () => {
  it("is the store's marketplace its MarketplaceName names, by name or by domain", () => {
    expect(marketplaceNamed([US, JP], "Amazon.co.jp")).toBe(JP);
    expect(marketplaceNamed([US, JP], "amazon.com")).toBe(US);
    expect(marketplaceNamed([{ ...US, name: "United States" }], "Amazon.com")?.id).toBe("m-us");
    expect(marketplaceNamed([US, JP], "Non-Amazon")).toBeUndefined();
    expect(marketplaceNamed([US, JP], null)).toBeUndefined();
  });
});
