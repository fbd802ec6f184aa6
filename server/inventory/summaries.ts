import { z } from "zod";
import { AmazonApiError } from "~/server/amazon/api-error";
import { amazonHosts, type Region } from "~/server/amazon/endpoints";
import { amazonRequest, type AmazonCaller } from "~/server/amazon/request";

/*
 * FBA Inventory v1 getInventorySummaries (fbaInventory model; ../shared/notes/amazon-apis.md §f): one
 * marketplace's FBA SKUs, 50 a page, with their quantities by state (details=true). Every SKU is asked for,
 * never "changed since" (startDateTime): Amazon does not count inbound changes as changes, and a SKU it stops
 * listing would go unnoticed.
 */

/** A quantity Amazon may leave out (no field of the model is required): absent means none in that state. */
const count = z.number().int().nonnegative().optional();

const summarySchema = z.object({
  asin: z.string().optional(),
  fnSku: z.string().optional(),
  sellerSku: z.string().trim().min(1, "it has no seller SKU"),
  condition: z.string().optional(),
  productName: z.string().optional(),
  lastUpdatedTime: z.string().optional(),
  totalQuantity: count,
  inventoryDetails: z.object(
    {
      fulfillableQuantity: count,
      inboundWorkingQuantity: count,
      inboundShippedQuantity: count,
      inboundReceivingQuantity: count,
      reservedQuantity: z.object({ totalReservedQuantity: count }).optional(),
      researchingQuantity: z.object({ totalResearchingQuantity: count }).optional(),
      unfulfillableQuantity: z.object({ totalUnfulfillableQuantity: count }).optional(),
    },
    { error: "it has no quantities (inventoryDetails), although they were asked for" },
  ),
});

const pageSchema = z.object({
  payload: z.object({ inventorySummaries: z.array(z.unknown()) }, { error: "the answer has no inventory summaries" }),
  pagination: z.object({ nextToken: z.string().optional() }).optional(),
});

/** One SKU's FBA inventory in a marketplace, as a listing page gives it. */
export interface InventorySummary {
  sellerSku: string;
  asin: string | null;
  fnsku: string | null;
  condition: string | null;
  productName: string | null;
  /** Amazon's lastUpdatedTime (ISO), when it gives a valid one. */
  amazonUpdatedAt: string | null;
  fulfillable: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
  reserved: number;
  researching: number;
  unfulfillable: number;
  totalQuantity: number;
}

/** An answer of Amazon's that does not look like the model: refused whole, nothing of it stored. */
export class MalformedInventoryError extends Error {
  override name = "MalformedInventoryError";
}

/** Amazon no longer accepts the page token (it lives 30 seconds): the listing has to start over. */
export class ExpiredPageTokenError extends Error {
  override name = "ExpiredPageTokenError";
  constructor() {
    super("Amazon's page token for the FBA inventory listing expired (it lives 30 seconds).");
  }
}

/** Amazon's answer to a page token it no longer accepts: 400 InvalidInput "Next token is invalid or expired". */
export const isExpiredPageToken = (error: unknown) =>
  error instanceof AmazonApiError && error.status === 400 && error.code === "InvalidInput" && /next ?token/i.test(error.detail);

const nonEmpty = (v: string | undefined) => (v && v.trim() ? v : null);
const instant = (v: string | undefined) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null);

function toSummary(raw: unknown, index: number, marketplaceId: string): InventorySummary {
  const parsed = summarySchema.safeParse(raw);
  if (!parsed.success) {
    const sku = (raw as { sellerSku?: unknown } | null)?.sellerSku;
    const which = typeof sku === "string" && sku ? `SKU "${sku}"` : `summary ${index + 1}`;
    const why = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    throw new MalformedInventoryError(`Amazon's FBA inventory for marketplace ${marketplaceId} is not as documented (${which}: ${why}); nothing of this listing was stored.`);
  }
  const s = parsed.data;
  const d = s.inventoryDetails;
  const q = {
    fulfillable: d.fulfillableQuantity ?? 0,
    inboundWorking: d.inboundWorkingQuantity ?? 0,
    inboundShipped: d.inboundShippedQuantity ?? 0,
    inboundReceiving: d.inboundReceivingQuantity ?? 0,
    reserved: d.reservedQuantity?.totalReservedQuantity ?? 0,
    researching: d.researchingQuantity?.totalResearchingQuantity ?? 0,
    unfulfillable: d.unfulfillableQuantity?.totalUnfulfillableQuantity ?? 0,
  };
  return {
    sellerSku: s.sellerSku,
    asin: nonEmpty(s.asin),
    fnsku: nonEmpty(s.fnSku),
    condition: nonEmpty(s.condition),
    productName: nonEmpty(s.productName),
    amazonUpdatedAt: instant(s.lastUpdatedTime),
    ...q,
    totalQuantity: s.totalQuantity ?? Object.values(q).reduce((a, b) => a + b, 0),
  };
}

/**
 * One page of a marketplace's FBA inventory: the first (no token) or the one a token names. A token Amazon
 * no longer accepts throws `ExpiredPageTokenError`; an answer unlike the model, `MalformedInventoryError`.
 */
export async function getInventoryPage(
  caller: AmazonCaller,
  region: Region,
  marketplaceId: string,
  nextToken: string | null,
): Promise<{ summaries: InventorySummary[]; nextToken: string | null }> {
  const params = new URLSearchParams({ details: "true", granularityType: "Marketplace", granularityId: marketplaceId, marketplaceIds: marketplaceId });
  if (nextToken) params.set("nextToken", nextToken);
  let response: Response;
  try {
    response = await amazonRequest(caller, { api: "sp-api", operation: "getInventorySummaries", url: `${amazonHosts(region).spApi}/fba/inventory/v1/summaries?${params}` });
  } catch (error) {
    if (nextToken && isExpiredPageToken(error)) throw new ExpiredPageTokenError();
    throw error;
  }
  const body = pageSchema.safeParse(await response.json().catch(() => null));
  if (!body.success)
    throw new MalformedInventoryError(`Amazon's FBA inventory for marketplace ${marketplaceId} is not as documented (${body.error.issues.map((i) => i.message).join("; ")}); nothing of this listing was stored.`);
  return {
    summaries: body.data.payload.inventorySummaries.map((raw, i) => toSummary(raw, i, marketplaceId)),
    nextToken: body.data.pagination?.nextToken || null,
  };
}
