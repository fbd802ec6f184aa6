import { z } from "zod";
import { amazonHosts, type Region } from "~/server/amazon/endpoints";
import { amazonRequest, type AmazonCaller } from "~/server/amazon/request";

const money = z.object({ CurrencyCode: z.string(), Amount: z.string() }).nullish();

const order = z.object({
  AmazonOrderId: z.string(),
  PurchaseDate: z.string(),
  LastUpdateDate: z.string(),
  OrderStatus: z.string(),
  FulfillmentChannel: z.string().nullish(),
  SalesChannel: z.string().nullish(),
  OrderTotal: money,
  NumberOfItemsShipped: z.number().nullish(),
  NumberOfItemsUnshipped: z.number().nullish(),
  MarketplaceId: z.string().nullish(),
  IsBusinessOrder: z.boolean().nullish(),
});
export type AmazonOrder = z.infer<typeof order>;

const ordersPage = z.object({
  payload: z.object({ Orders: z.array(order), NextToken: z.string().nullish(), CreatedBefore: z.string().nullish(), LastUpdatedBefore: z.string().nullish() }),
});

const orderItem = z.object({
  ASIN: z.string(),
  SellerSKU: z.string().nullish(),
  OrderItemId: z.string(),
  Title: z.string().nullish(),
  QuantityOrdered: z.number(),
  QuantityShipped: z.number().nullish(),
  ItemPrice: money,
  ItemTax: money,
  ShippingPrice: money,
  PromotionDiscount: money,
});
export type AmazonOrderItem = z.infer<typeof orderItem>;

const itemsPage = z.object({
  payload: z.object({ AmazonOrderId: z.string(), OrderItems: z.array(orderItem), NextToken: z.string().nullish() }),
});

/**
 * Orders v0 getOrders: one page of a marketplace's orders created since `createdAfter`, or changed since
 * `lastUpdatedAfter` (new orders too: creating one is a change). `listedBefore` is the instant Amazon's
 * listing reached (its CreatedBefore or LastUpdatedBefore), where a listing of what changed next resumes.
 */
export async function getOrdersPage(
  caller: AmazonCaller,
  region: Region,
  args: { marketplaceId: string; since: { createdAfter: string } | { lastUpdatedAfter: string }; nextToken?: string | null },
) {
  const params = new URLSearchParams({ MarketplaceIds: args.marketplaceId, MaxResultsPerPage: "100" });
  // With NextToken Amazon keeps the original filters; they must then be left out.
  if (args.nextToken) params.set("NextToken", args.nextToken);
  else if ("createdAfter" in args.since) params.set("CreatedAfter", args.since.createdAfter);
  else params.set("LastUpdatedAfter", args.since.lastUpdatedAfter);
  const response = await amazonRequest(caller, {
    api: "sp-api",
    operation: "getOrders",
    url: `${amazonHosts(region).spApi}/orders/v0/orders?${params}`,
  });
  const page = ordersPage.parse(await response.json()).payload;
  return { orders: page.Orders, nextToken: page.NextToken ?? null, listedBefore: page.LastUpdatedBefore ?? page.CreatedBefore ?? null };
}

/** Orders v0 getOrderItems, every page of it. */
export async function getAllOrderItems(caller: AmazonCaller, region: Region, amazonOrderId: string): Promise<AmazonOrderItem[]> {
  const items: AmazonOrderItem[] = [];
  let nextToken: string | null | undefined;
  do {
    const params = nextToken ? `?${new URLSearchParams({ NextToken: nextToken })}` : "";
    const response = await amazonRequest(caller, {
      api: "sp-api",
      operation: "getOrderItems",
      url: `${amazonHosts(region).spApi}/orders/v0/orders/${encodeURIComponent(amazonOrderId)}/orderItems${params}`,
    });
    const page = itemsPage.parse(await response.json()).payload;
    items.push(...page.OrderItems);
    nextToken = page.NextToken;
  } while (nextToken);
  return items;
}
