import { z } from "zod";
import { amazonHosts, type Region } from "~/server/amazon/endpoints";
import { amazonRequest, type AmazonCaller } from "~/server/amazon/request";

/*
 * Finances v0 listFinancialEvents, read for its refunds (RefundEventList). Shipment and the other 32 event
 * lists of a page are left unread: the product keeps refunds only. Amazon's amounts are JSON numbers
 * (BigDecimal); each is turned into its exact decimal text at once, so money never passes through float
 * arithmetic.
 */

const amount = z.object({ CurrencyCode: z.string().min(1), CurrencyAmount: z.number() });
const charge = z.object({ ChargeType: z.string().min(1), ChargeAmount: amount });
const fee = z.object({ FeeType: z.string().min(1), FeeAmount: amount });
const promotion = z.object({ PromotionType: z.string().nullish(), PromotionId: z.string().nullish(), PromotionAmount: amount });
const taxWithheld = z.object({ TaxCollectionModel: z.string().nullish(), TaxesWithheld: z.array(charge).nullish() });

const refundItem = z.object({
  SellerSKU: z.string().nullish(),
  OrderItemId: z.string().nullish(),
  OrderAdjustmentItemId: z.string().nullish(),
  QuantityShipped: z.number().int().nullish(),
  ItemChargeAdjustmentList: z.array(charge).nullish(),
  ItemFeeAdjustmentList: z.array(fee).nullish(),
  PromotionAdjustmentList: z.array(promotion).nullish(),
  ItemTaxWithheldList: z.array(taxWithheld).nullish(),
  CostOfPointsReturned: amount.nullish(),
});

const refundEvent = z.object({
  AmazonOrderId: z.string().min(1),
  MarketplaceName: z.string().nullish(),
  PostedDate: z.iso.datetime({ offset: true }),
  OrderChargeAdjustmentList: z.array(charge).nullish(),
  OrderFeeAdjustmentList: z.array(fee).nullish(),
  ShipmentFeeAdjustmentList: z.array(fee).nullish(),
  ShipmentItemAdjustmentList: z.array(refundItem).nullish(),
});

const eventsPage = z.object({
  payload: z.object({
    NextToken: z.string().nullish(),
    FinancialEvents: z.object({ RefundEventList: z.array(refundEvent).nullish() }),
  }),
});

export type AmazonRefundEvent = z.infer<typeof refundEvent>;
export type AmazonRefundItem = z.infer<typeof refundItem>;
export type AmazonAmount = z.infer<typeof amount>;

/** Amazon's answer could not be read: said in plain words, naming what was wrong and where. */
export class FinancesAnswerError extends Error {
  override name = "FinancesAnswerError";
}

/**
 * A JSON number of Amazon's as exact decimal text: the shortest text that reads back as the same number, which
 * is the decimal Amazon wrote for any amount of at most 15 significant digits. More than the 4 decimal places
 * the product keeps is refused rather than rounded.
 */
export function decimalText(value: number): string {
  if (!Number.isFinite(value)) throw new FinancesAnswerError(`Amazon sent an amount that is not a number (${value}).`);
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  const places = text.split(".")[1]?.length ?? 0;
  if (places > 4) throw new FinancesAnswerError(`Amazon sent the amount ${text}, with more than the 4 decimal places Shelfwise keeps.`);
  return text;
}

function readPage(text: string): z.infer<typeof eventsPage>["payload"] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FinancesAnswerError(`Amazon's financial events answer is not valid JSON (it begins "${text.slice(0, 40)}").`);
  }
  const parsed = eventsPage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // payload.FinancialEvents.RefundEventList.<n>.…: name the refund's order, and the field within it.
    const [, , list, index, ...field] = issue.path.map(String);
    const refunds = (json as { payload?: { FinancialEvents?: { RefundEventList?: { AmazonOrderId?: unknown }[] } } } | null)?.payload?.FinancialEvents?.RefundEventList;
    const orderId = list === "RefundEventList" ? refunds?.[Number(index)]?.AmazonOrderId : undefined;
    const where = typeof orderId === "string" && field.length ? `the refund of order ${orderId}, ${field.join(".")}` : issue.path.join(".") || "the answer";
    throw new FinancesAnswerError(`Amazon's financial events answer is not as its model says (${where}: ${issue.message}).`);
  }
  return parsed.data.payload;
}

/**
 * One page of listFinancialEvents: events posted in [postedAfter, postedBefore) — without `postedBefore`,
 * up to Amazon's default, two minutes before the request — or the next page of such a listing. Amazon asks
 * for the listing's arguments again with its NextToken, so they are always sent.
 */
export async function listRefundEventsPage(
  caller: AmazonCaller,
  region: Region,
  args: { postedAfter: string; postedBefore: string | null; nextToken: string | null },
): Promise<{ refunds: AmazonRefundEvent[]; nextToken: string | null }> {
  const params = new URLSearchParams({ PostedAfter: args.postedAfter, MaxResultsPerPage: "100" });
  if (args.postedBefore) params.set("PostedBefore", args.postedBefore);
  if (args.nextToken) params.set("NextToken", args.nextToken);
  const response = await amazonRequest(caller, {
    api: "sp-api",
    operation: "listFinancialEvents",
    url: `${amazonHosts(region).spApi}/finances/v0/financialEvents?${params}`,
  });
  const page = readPage(await response.text());
  return { refunds: page.FinancialEvents.RefundEventList ?? [], nextToken: page.NextToken || null };
}
