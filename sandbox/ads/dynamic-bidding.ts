import type { EntityTypeSpec, Placement, PlacementBid } from "./entities";
import { BIDDING_STRATEGIES, MAX_PLACEMENT_PERCENTAGE, PLACEMENTS } from "./entities";
import type { ItemError } from "./sp-errors";
import { duplicate, invalidPlacement, malformed, missing, outOfRange } from "./sp-errors";

/** What a campaign's `dynamicBidding` asks to change; an absent part changes nothing. */
export interface DynamicBiddingChange {
  strategy?: string;
  /** The whole new list of placement adjustments (it replaces the old one). */
  placements?: PlacementBid[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads the `dynamicBidding` of a campaign create or update item (SponsoredProductsCreateOrUpdateDynamicBidding):
 * `strategy` is required on create when `dynamicBidding` is given and optional on update; `placementBidding`
 * is a list of `{ placement, percentage }` with each placement at most once and an integer 0..900.
 */
export function readDynamicBidding(t: EntityTypeSpec, i: number, v: unknown, creating: boolean): DynamicBiddingChange | ItemError[] {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) return [malformed(t, i, "dynamicBidding", "dynamicBidding must be an object")];
  const errors: ItemError[] = [];
  const out: DynamicBiddingChange = {};
  if (v.strategy === undefined) {
    if (creating) errors.push(missing(t, i, "dynamicBidding.strategy"));
  } else if (typeof v.strategy === "string" && (BIDDING_STRATEGIES as readonly string[]).includes(v.strategy)) out.strategy = v.strategy;
  else errors.push(outOfRange(t, i, "dynamicBidding.strategy", `strategy must be one of ${BIDDING_STRATEGIES.join(", ")}`, { reason: "INVALID_ENUM_VALUE", allowed: BIDDING_STRATEGIES }));
  if (v.placementBidding !== undefined) {
    const list = readPlacements(t, i, v.placementBidding);
    if (Array.isArray(list)) out.placements = list; else errors.push(...list.errors);
  }
  return errors.length ? errors : out;
}

const isPlacement = (v: unknown): v is Placement => typeof v === "string" && (PLACEMENTS as readonly string[]).includes(v);

function readPlacements(t: EntityTypeSpec, i: number, v: unknown): PlacementBid[] | { errors: ItemError[] } {
  const field = "dynamicBidding.placementBidding";
  if (!Array.isArray(v)) return { errors: [malformed(t, i, field, "placementBidding must be an array")] };
  const errors: ItemError[] = [];
  const out: PlacementBid[] = [];
  const seen = new Set<unknown>();
  v.forEach((x: unknown, j) => {
    const at = `${field}[${String(j)}]`;
    if (!isObject(x)) { errors.push(malformed(t, i, at, "a placement bidding must be an object { placement, percentage }")); return; }
    const { placement, percentage } = x;
    const before = errors.length;
    if (placement === undefined) errors.push(missing(t, i, `${at}.placement`));
    else if (!isPlacement(placement)) errors.push(invalidPlacement(t, i, `${at}.placement`, `placement must be one of ${PLACEMENTS.join(", ")}`));
    else if (seen.has(placement)) errors.push(duplicate(t, i, `${at}.placement`, `placement ${placement} is given twice`));
    seen.add(placement);
    if (percentage === undefined) errors.push(missing(t, i, `${at}.percentage`));
    else if (typeof percentage !== "number" || !Number.isInteger(percentage)) errors.push(malformed(t, i, `${at}.percentage`, "percentage must be an integer"));
    else if (percentage < 0) errors.push(outOfRange(t, i, `${at}.percentage`, "percentage must be at least 0", { reason: "TOO_LOW", lowerLimit: "0" }));
    else if (percentage > MAX_PLACEMENT_PERCENTAGE) errors.push(outOfRange(t, i, `${at}.percentage`, `percentage must be at most ${String(MAX_PLACEMENT_PERCENTAGE)}`, { reason: "TOO_HIGH", upperLimit: String(MAX_PLACEMENT_PERCENTAGE) }));
    if (errors.length === before && isPlacement(placement) && typeof percentage === "number") out.push({ placement, percentage });
  });
  return errors.length ? { errors } : out;
}
