import { z } from "zod";
import { AmazonApiError } from "~/server/amazon/api-error";
import { amazonHosts, type Region } from "~/server/amazon/endpoints";
import { amazonRequest, type AmazonCaller } from "~/server/amazon/request";
import { readAnswer } from "./amazon-answer";

/** What a product shows of a catalog item: summaries (title, brand), images, dimensions and product type. */
export const CATALOG_INCLUDED_DATA = ["summaries", "images", "dimensions", "productTypes"] as const;
/** searchCatalogItems takes at most 20 identifiers, and gives at most 20 items a page. */
export const CATALOG_BATCH = 20;

const dimension = z.object({ unit: z.string().nullish(), value: z.number().nullish() }).nullish();
const perMarketplace = { marketplaceId: z.string() };
const item = z.object({
  asin: z.string(),
  summaries: z.array(z.object({ ...perMarketplace, itemName: z.string().nullish(), brand: z.string().nullish() })).nullish(),
  images: z
    .array(z.object({ ...perMarketplace, images: z.array(z.object({ variant: z.string(), link: z.string(), height: z.number(), width: z.number() })) }))
    .nullish(),
  dimensions: z.array(z.object({ ...perMarketplace, item: z.object({ length: dimension, width: dimension, height: dimension, weight: dimension }).nullish() })).nullish(),
  productTypes: z.array(z.object({ marketplaceId: z.string().nullish(), productType: z.string().nullish() })).nullish(),
});
type Item = z.infer<typeof item>;
const searchResults = z.object({ numberOfResults: z.number(), items: z.array(item), pagination: z.object({ nextToken: z.string().nullish() }).nullish() });

/** A value with its unit, exactly as Amazon gives it (the value as decimal text: stored as numeric, never a float). */
export interface Measure {
  value: string;
  unit: string;
}

export interface CatalogDetails {
  asin: string;
  title: string | null;
  brand: string | null;
  imageUrl: string | null;
  productType: string | null;
  length: Measure | null;
  width: Measure | null;
  height: Measure | null;
  weight: Measure | null;
}

function measure(d: z.infer<typeof dimension>): Measure | null {
  if (d?.value === undefined || d.value === null || !d.unit) return null;
  return { value: String(d.value), unit: d.unit };
}

/** One marketplace's view of an item: Amazon answers per marketplace, and an item may lack some of them. */
export function catalogDetails(it: Item, marketplaceId: string): CatalogDetails {
  const mine = <T extends { marketplaceId?: string | null }>(list: T[] | null | undefined) => list?.find((x) => x.marketplaceId === marketplaceId);
  const summary = mine(it.summaries);
  // The MAIN picture comes in several sizes: the largest reads best, even as a thumbnail on a sharp screen.
  const main = (mine(it.images)?.images ?? []).filter((i) => i.variant === "MAIN").sort((a, b) => b.width * b.height - a.width * a.height)[0];
  const dims = mine(it.dimensions)?.item;
  return {
    asin: it.asin,
    title: summary?.itemName ?? null,
    brand: summary?.brand ?? null,
    imageUrl: main?.link ?? null,
    productType: mine(it.productTypes)?.productType ?? null,
    length: measure(dims?.length),
    width: measure(dims?.width),
    height: measure(dims?.height),
    weight: measure(dims?.weight),
  };
}

/**
 * Catalog Items 2022-04-01 searchCatalogItems by up to 20 ASINs in one marketplace: one call (a second page
 * only if Amazon splits the answer). An ASIN the catalog does not know there is simply not among the items.
 */
export async function searchCatalogByAsins(caller: AmazonCaller, region: Region, marketplaceId: string, asins: string[]): Promise<CatalogDetails[]> {
  if (asins.length > CATALOG_BATCH) throw new Error(`searchCatalogItems takes at most ${CATALOG_BATCH} ASINs, not ${asins.length}`);
  const found: CatalogDetails[] = [];
  let pageToken: string | null | undefined;
  do {
    const params = new URLSearchParams({
      marketplaceIds: marketplaceId,
      identifiersType: "ASIN",
      identifiers: asins.join(","),
      includedData: CATALOG_INCLUDED_DATA.join(","),
      pageSize: String(CATALOG_BATCH),
    });
    if (pageToken) params.set("pageToken", pageToken);
    const response = await amazonRequest(caller, { api: "sp-api", operation: "searchCatalogItems", url: `${amazonHosts(region).spApi}/catalog/2022-04-01/items?${params}` });
    const page = await readAnswer(response, searchResults, "Catalog Items search");
    found.push(...page.items.map((i) => catalogDetails(i, marketplaceId)));
    pageToken = page.pagination?.nextToken;
  } while (pageToken);
  return found;
}

/** Catalog Items 2022-04-01 getCatalogItem for one ASIN; null when Amazon's catalog does not know it there (404). */
export async function getCatalogItem(caller: AmazonCaller, region: Region, marketplaceId: string, asin: string): Promise<CatalogDetails | null> {
  const params = new URLSearchParams({ marketplaceIds: marketplaceId, includedData: CATALOG_INCLUDED_DATA.join(",") });
  try {
    const response = await amazonRequest(caller, {
      api: "sp-api",
      operation: "getCatalogItem",
      url: `${amazonHosts(region).spApi}/catalog/2022-04-01/items/${encodeURIComponent(asin)}?${params}`,
    });
    return catalogDetails(await readAnswer(response, item, `Catalog Items (ASIN ${asin})`), marketplaceId);
  } catch (error) {
    if (error instanceof AmazonApiError && error.status === 404) return null;
    throw error;
  }
}
