import { z } from "zod";
import { AmazonApiError } from "~/server/amazon/api-error";
import { amazonHosts, type Region } from "~/server/amazon/endpoints";
import { amazonRequest, type AmazonCaller } from "~/server/amazon/request";
import { readAnswer } from "./amazon-answer";

/** The seller's offer: status and title (summaries), price (offers), who ships (fulfillment), and issues (incomplete or not). */
export const LISTINGS_INCLUDED_DATA = ["summaries", "offers", "fulfillmentAvailability", "issues"] as const;
/** searchListingsItems takes at most 20 identifiers and gives at most 20 items a page. */
export const LISTINGS_BATCH = 20;

const money = z.object({ currencyCode: z.string(), amount: z.union([z.string(), z.number()]) });
const item = z.object({
  sku: z.string(),
  summaries: z
    .array(
      z.object({
        marketplaceId: z.string(),
        asin: z.string().nullish(),
        itemName: z.string().nullish(),
        status: z.array(z.string()).nullish(),
        fnSku: z.string().nullish(),
        conditionType: z.string().nullish(),
        createdDate: z.string().nullish(),
        mainImage: z.object({ link: z.string() }).nullish(),
      }),
    )
    .nullish(),
  offers: z.array(z.object({ marketplaceId: z.string(), offerType: z.string(), price: money })).nullish(),
  fulfillmentAvailability: z.array(z.object({ fulfillmentChannelCode: z.string(), quantity: z.number().int().nullish() })).nullish(),
  issues: z.array(z.object({ severity: z.string(), marketplaceIds: z.array(z.string()).nullish() })).nullish(),
});
type Item = z.infer<typeof item>;
const searchResults = z.object({ numberOfResults: z.number(), items: z.array(item), pagination: z.object({ nextToken: z.string().nullish() }).nullish() });

/** Amazon's condition types in Seller Central's words (those of the all-listings report). */
const CONDITIONS: Record<string, string> = {
  new_new: "New", new_open_box: "New – Open Box", new_oem: "New – OEM", refurbished_refurbished: "Refurbished",
  used_like_new: "Used – Like New", used_very_good: "Used – Very Good", used_good: "Used – Good", used_acceptable: "Used – Acceptable",
  collectible_like_new: "Collectible – Like New", collectible_very_good: "Collectible – Very Good", collectible_good: "Collectible – Good",
  collectible_acceptable: "Collectible – Acceptable", club_club: "Club",
};

export interface ListingDetails {
  sku: string;
  asin: string | null;
  title: string | null;
  /** Seller Central's words: Active (buyable), Inactive, or Incomplete (an ERROR issue stops it). */
  status: string | null;
  amazonStatuses: string[];
  price: string | null;
  currency: string | null;
  fulfillmentChannel: string | null;
  fulfilledBy: "FBA" | "FBM" | null;
  quantity: number | null;
  fnsku: string | null;
  condition: string | null;
  imageUrl: string | null;
  createdAt: Date | null;
}

/** An amount as exact decimal text (Amazon's Decimal is a string; a number is read as written, never rounded). */
const decimalText = (v: string | number) => (typeof v === "number" ? String(v) : v);

/** One marketplace's listing of a SKU. */
export function listingDetails(it: Item, marketplaceId: string): ListingDetails {
  const summary = it.summaries?.find((s) => s.marketplaceId === marketplaceId) ?? null;
  const offer = it.offers?.find((o) => o.marketplaceId === marketplaceId && o.offerType === "B2C") ?? null;
  // An FBA listing names Amazon's network (AMAZON_NA…); a listing the seller ships says DEFAULT, with its quantity.
  const channels = it.fulfillmentAvailability ?? [];
  const amazon = channels.find((c) => c.fulfillmentChannelCode.toUpperCase().startsWith("AMAZON"));
  const own = channels.find((c) => c.fulfillmentChannelCode === "DEFAULT");
  const channel = amazon ?? own ?? null;
  const statuses = summary?.status ?? [];
  const blocked = (it.issues ?? []).some((i) => i.severity === "ERROR" && (!i.marketplaceIds?.length || i.marketplaceIds.includes(marketplaceId)));
  return {
    sku: it.sku,
    asin: summary?.asin ?? null,
    title: summary?.itemName ?? null,
    status: !summary ? null : statuses.includes("BUYABLE") ? "Active" : blocked ? "Incomplete" : "Inactive",
    amazonStatuses: statuses,
    price: offer ? decimalText(offer.price.amount) : null,
    currency: offer?.price.currencyCode ?? null,
    fulfillmentChannel: channel?.fulfillmentChannelCode ?? null,
    fulfilledBy: amazon ? "FBA" : own ? "FBM" : null,
    quantity: amazon ? null : (own?.quantity ?? null),
    fnsku: summary?.fnSku ?? null,
    condition: summary?.conditionType ? (CONDITIONS[summary.conditionType] ?? summary.conditionType) : null,
    imageUrl: summary?.mainImage?.link ?? null,
    createdAt: summary?.createdDate ? new Date(summary.createdDate) : null,
  };
}

const params = (marketplaceId: string) => new URLSearchParams({ marketplaceIds: marketplaceId, includedData: LISTINGS_INCLUDED_DATA.join(",") });

/**
 * Listings Items 2021-08-01 searchListingsItems by up to 20 of the seller's SKUs in one marketplace: one call
 * for 20 SKUs where getListingsItem takes 20. A SKU the seller no longer lists is not among the items. SKUs
 * travel as a comma-separated list, so a SKU with a comma cannot be searched for (getListingsItem can).
 */
export async function searchListingsBySkus(caller: AmazonCaller, region: Region, sellerId: string, marketplaceId: string, skus: string[]): Promise<ListingDetails[]> {
  if (skus.length > LISTINGS_BATCH) throw new Error(`searchListingsItems takes at most ${LISTINGS_BATCH} SKUs, not ${skus.length}`);
  if (skus.some((s) => !searchable(s))) throw new Error("A SKU with a comma (or blank at either end) cannot be searched for; ask getListingsItem");
  const found: ListingDetails[] = [];
  let pageToken: string | null | undefined;
  do {
    const query = params(marketplaceId);
    query.set("identifiersType", "SKU");
    query.set("identifiers", skus.join(","));
    query.set("pageSize", String(LISTINGS_BATCH));
    if (pageToken) query.set("pageToken", pageToken);
    const response = await amazonRequest(caller, {
      api: "sp-api",
      operation: "searchListingsItems",
      url: `${amazonHosts(region).spApi}/listings/2021-08-01/items/${encodeURIComponent(sellerId)}?${query}`,
    });
    const page = await readAnswer(response, searchResults, "Listings Items search");
    found.push(...page.items.map((i) => listingDetails(i, marketplaceId)));
    pageToken = page.pagination?.nextToken;
  } while (pageToken);
  return found;
}

/** Whether a SKU survives a comma-separated list as itself. */
export const searchable = (sku: string) => !sku.includes(",") && sku.trim() === sku && sku.length > 0;

/** Listings Items 2021-08-01 getListingsItem for one SKU; null when the seller has no such listing (404). */
export async function getListingsItem(caller: AmazonCaller, region: Region, sellerId: string, marketplaceId: string, sku: string): Promise<ListingDetails | null> {
  try {
    const response = await amazonRequest(caller, {
      api: "sp-api",
      operation: "getListingsItem",
      url: `${amazonHosts(region).spApi}/listings/2021-08-01/items/${encodeURIComponent(sellerId)}/${encodeURIComponent(sku)}?${params(marketplaceId)}`,
    });
    return listingDetails(await readAnswer(response, item, `Listings Items (SKU ${sku})`), marketplaceId);
  } catch (error) {
    if (error instanceof AmazonApiError && error.status === 404) return null;
    throw error;
  }
}
