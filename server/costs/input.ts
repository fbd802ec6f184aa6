import { z } from "zod";
import { OTHER_COST_CATEGORIES } from "~/db/schema/costs";
import { localDay } from "~/server/validation/day";
import { fromScaled, toScaled } from "./money";

/*
 * What the costs pages send, checked at the door with messages a seller can act on. Amounts travel as
 * decimal strings (never numbers, so never floats) and come out normalized to the columns' four places.
 */

/** ISO 4217 codes the runtime knows (Intl formats money with them). */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const isCurrencyCode = (code: string) => /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: "Enter a 3-letter currency code such as USD or EUR." })
  .refine(isCurrencyCode, { error: "This is not a currency code we know (ISO 4217, such as USD or EUR).", when: (p) => p.issues.length === 0 });

/** A cost of one unit: 0 or more, a point for decimals, at most 4 places, no currency sign. */
export const amount = z
  .string()
  .trim()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, { error: "Enter an amount such as 12.50: digits, a point and at most 4 decimals, no currency sign." })
  .transform((value) => fromScaled(toScaled(value)));

/** A seller SKU as Amazon allows it (up to 40 characters), with room for older, longer ones. */
export const sku = z.string().trim().min(1, { error: "Enter the SKU." }).max(100, { error: "A SKU has at most 100 characters." });

export const note = z.string().trim().max(500, { error: "Keep the note under 500 characters." }).optional();

/**
 * A unit's three costs. The currency may be left out: the store's own marketplace currency applies.
 * Inbound shipping and other costs left out are 0.
 */
export const unitCostFields = z.object({
  currency: currencyCode.optional(),
  purchaseCost: amount,
  inboundShippingCost: amount.optional(),
  otherCost: amount.optional(),
});

export const skuRef = z.object({ storeId: z.uuid(), sku });

/** One period of a SKU's cost: new from `validFrom`, or an edit of the period that started on `previousValidFrom`. */
export const setCostInput = skuRef.extend(unitCostFields.shape).extend({
  validFrom: localDay,
  previousValidFrom: localDay.optional(),
  note,
});

export const deleteCostInput = skuRef.extend({ validFrom: localDay });

/** The same cost for many SKUs at once (the list's selected rows). */
export const bulkSetCostInput = z
  .object({ storeId: z.uuid(), skus: z.array(sku).min(1, { error: "Select at least one SKU." }).max(1000, { error: "Select at most 1,000 SKUs at a time." }) })
  .extend(unitCostFields.shape)
  .extend({ validFrom: localDay, note });

export const setBatchInput = skuRef.extend(unitCostFields.shape).extend({
  batch: z.string().trim().min(1, { error: "Name the batch (an inbound shipment id, say)." }).max(100, { error: "A batch name has at most 100 characters." }),
  /** Renaming a batch: the name it had. */
  previousBatch: z.string().trim().min(1).max(100).optional(),
  receivedOn: localDay,
  units: z.number().int({ error: "Units are a whole number." }).min(1, { error: "A batch has at least 1 unit." }).max(10_000_000),
});

export const deleteBatchInput = skuRef.extend({ batch: z.string().trim().min(1).max(100) });

export const costListFilters = z.object({
  /** The store whose SKUs are listed; the organization's first store when left out. */
  storeId: z.uuid().optional(),
  /** Only the SKUs without any cost period. */
  missingOnly: z.boolean().optional(),
  /** SKU, ASIN or title. */
  search: z.string().trim().max(100).optional(),
});

export const costListInput = costListFilters.extend({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});

export type CostListFilters = z.infer<typeof costListFilters>;

/** The list's filters in its URL (and the export's): ?store=…&missing=1&q=… */
export const COST_URL_KEYS = ["store", "missing", "q", "page"] as const;

/** The filters a URL names; a value edited by hand into something unfit is left out rather than failing the page. */
export function costFiltersFromUrl(url: Partial<Record<string, string | null | undefined>>): CostListFilters {
  const storeId = z.uuid().safeParse(url.store);
  const search = costListFilters.shape.search.safeParse(url.q ?? undefined);
  return {
    storeId: storeId.success ? storeId.data : undefined,
    missingOnly: url.missing === "1" ? true : undefined,
    search: search.success && search.data ? search.data : undefined,
  };
}

/** A month of other costs: YYYY-MM. */
export const month = z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, { error: "Choose a month as YYYY-MM." });

export const otherCostFields = z.object({
  storeId: z.uuid(),
  /** One marketplace of the store, or the whole store when left out. */
  storeMarketplaceId: z.uuid().optional(),
  day: localDay,
  category: z.enum(OTHER_COST_CATEGORIES),
  amount: amount.refine((v) => toScaled(v) > 0n, { error: "Enter an amount above 0." }),
  currency: currencyCode.optional(),
  note,
});

export const otherCostId = z.object({ otherCostId: z.uuid() });
export const updateOtherCostInput = otherCostFields.extend(otherCostId.shape);
export const otherCostListInput = z.object({ storeId: z.uuid().optional(), month: month.optional() });
