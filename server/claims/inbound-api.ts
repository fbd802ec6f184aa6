import { z } from "zod";
import { amazonHosts, type Region } from "~/server/amazon/endpoints";
import { amazonRequest, type AmazonCaller } from "~/server/amazon/request";

/*
 * Fulfillment Inbound v0 (fulfillmentInboundV0 model; ../shared/notes/amazon-apis.md §h): the seller's
 * inbound shipments and their items, by when Amazon last updated them. These reads are "not planned for
 * deprecation" (v0's create and transport operations are gone). QuantityShipped is what the seller declared,
 * QuantityReceived what Amazon counted in: on a CLOSED shipment, the difference is a lost-inbound claim.
 */

/** A page of an answer unlike the model: refused whole, nothing of it stored. */
export class MalformedInboundError extends Error {
  override name = "MalformedInboundError";
}

const shipmentSchema = z.object({
  ShipmentId: z.string().trim().min(1, "a shipment has no ShipmentId"),
  ShipmentName: z.string().optional(),
  ShipmentStatus: z.string().trim().min(1, "a shipment has no ShipmentStatus"),
  DestinationFulfillmentCenterId: z.string().optional(),
});

const itemSchema = z.object({
  ShipmentId: z.string().trim().min(1, "an item has no ShipmentId"),
  SellerSKU: z.string().trim().min(1, "an item has no SellerSKU"),
  FulfillmentNetworkSKU: z.string().optional(),
  QuantityShipped: z.number().int().nonnegative(),
  QuantityReceived: z.number().int().nonnegative().optional(),
  QuantityInCase: z.number().int().nonnegative().optional(),
});

const shipmentsPage = z.object({ payload: z.object({ ShipmentData: z.array(shipmentSchema).optional(), NextToken: z.string().optional() }) });
const itemsPage = z.object({ payload: z.object({ ItemData: z.array(itemSchema).optional(), NextToken: z.string().optional() }) });

export type InboundShipment = z.infer<typeof shipmentSchema>;
export type InboundShipmentItem = z.infer<typeof itemSchema>;

export interface InboundQuery {
  region: Region;
  marketplaceId: string;
  /** Shipments Amazon updated within [after, before] (ISO instants). */
  after: string;
  before: string;
}

function params(q: InboundQuery, nextToken: string | null): URLSearchParams {
  if (nextToken) return new URLSearchParams({ QueryType: "NEXT_TOKEN", NextToken: nextToken, MarketplaceId: q.marketplaceId });
  return new URLSearchParams({ QueryType: "DATE_RANGE", MarketplaceId: q.marketplaceId, LastUpdatedAfter: q.after, LastUpdatedBefore: q.before });
}

async function read<T extends z.ZodType>(response: Response, schema: T, what: string): Promise<z.infer<T>> {
  const body = schema.safeParse(await response.json().catch(() => null));
  if (!body.success) {
    const why = body.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    throw new MalformedInboundError(`Amazon's ${what} are not as documented (${why}); nothing of this page was stored.`);
  }
  return body.data;
}

/** One page of the marketplace's inbound shipments updated in the range. */
export async function getShipmentsPage(caller: AmazonCaller, q: InboundQuery, nextToken: string | null) {
  const url = `${amazonHosts(q.region).spApi}/fba/inbound/v0/shipments?${params(q, nextToken)}`;
  const body = await read(await amazonRequest(caller, { api: "sp-api", operation: "getShipments", url }), shipmentsPage, "inbound shipments");
  return { shipments: body.payload.ShipmentData ?? [], nextToken: body.payload.NextToken || null };
}

/** One page of the items of the marketplace's inbound shipments updated in the range. */
export async function getShipmentItemsPage(caller: AmazonCaller, q: InboundQuery, nextToken: string | null) {
  const url = `${amazonHosts(q.region).spApi}/fba/inbound/v0/shipmentItems?${params(q, nextToken)}`;
  const body = await read(await amazonRequest(caller, { api: "sp-api", operation: "getShipmentItems", url }), itemsPage, "inbound shipment items");
  return { items: body.payload.ItemData ?? [], nextToken: body.payload.NextToken || null };
}
