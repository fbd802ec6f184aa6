import { hash32, Rng } from "../util/rng";
import type { Seller } from "./sellers";

export interface Product {
  sku: string;
  asin: string;
  fnsku: string;
  title: string;
  brand: string;
  /** Variation parent ASIN (children only). */
  parentAsin?: string;
  /** True for the non-buyable variation parent itself. */
  isParent: boolean;
  variation?: { color: string; size: string };
  /** Price in US cents; marketplaces scale it by their priceFactor. */
  priceUsdCents: number;
  channel: "AFN" | "MFN";
  openDate: string;
  productType: string;
  dims: { longestCm: number; medianCm: number; shortestCm: number; weightKg: number };
  /** Relative popularity, larger sells more. */
  popularity: number;
  ean: string;
}

const NOUNS = ["Water Bottle", "Camping Lantern", "Yoga Mat", "Trail Backpack", "Coffee Grinder", "Desk Lamp", "Cutting Board", "Throw Blanket", "Phone Stand", "Dog Leash", "Garden Hose", "Kitchen Scale", "Travel Pillow", "Bike Light", "Storage Bin"];
const ADJ = ["Insulated", "Foldable", "Premium", "Compact", "Eco", "Heavy-Duty", "Ultralight", "Classic", "Smart", "Bamboo"];
/**
 * Words of Western sellers' titles beyond ASCII, all within Cp1252 (the charset of their listing files):
 * Amazon writes a character its charset lacks as "?", which no seller of these marketplaces would see.
 */
const ADJ_LATIN = [...ADJ, "Café-Style", "Über-Soft", "Piñata-Bright", "Crème"];
/** Amazon JP's titles lead with a Japanese tag (windows-31j, the charset of Amazon JP's files). */
export const JP_TITLE_TAG = "【国内正規品】";
const COLORS = ["Black", "Blue", "Green", "Red", "Grey", "White"];
const SIZES = ["S", "M", "L", "XL"];
const TYPES = ["HOME", "SPORTING_GOODS", "KITCHEN", "PET_SUPPLIES", "OUTDOOR_LIVING"];

const ASIN_ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function makeCatalog(seed: string, seller: Seller, historyStart: string): Product[] {
  const rng = new Rng(seed, "catalog", seller.sellerId);
  const brand = seller.name.split(" ")[1] ?? "Sandbox";
  const out: Product[] = [];
  let n = 0;
  const base = (isParent: boolean, title: string, price: number): Product => {
    n++;
    const openOffset = rng.int(0, 400);
    const open = new Date(Date.parse(`${historyStart}T00:00:00Z`) - openOffset * 86_400_000).toISOString().slice(0, 10);
    const long = rng.int(10, 60);
    const med = Math.min(long, rng.int(8, 40));
    const short = Math.min(med, rng.int(2, 20));
    return {
      sku: `SW-${String(seller.index)}${String(n).padStart(5, "0")}`,
      asin: "B0" + rng.alnum(8, ASIN_ALPHA),
      fnsku: "X00" + rng.alnum(7, ASIN_ALPHA),
      title,
      brand,
      isParent,
      priceUsdCents: price,
      channel: rng.chance(0.8) ? "AFN" : "MFN",
      openDate: open,
      productType: rng.pick(TYPES),
      dims: { longestCm: long, medianCm: med, shortestCm: short, weightKg: rng.int(1, 80) / 10 },
      popularity: isParent ? 0 : 1 / (1 + rng.next() * 8) ** 1.5,
      ean: "40" + rng.digits(11),
    };
  };
  for (let p = 0; p < seller.profile.parents; p++) {
    const title = `${brand} ${rng.pick(seller.feedLanguage === "en" ? ADJ_LATIN : ADJ)} ${rng.pick(NOUNS)}`;
    const price = rng.int(9, 120) * 100 + 99;
    const parent = base(true, title, price);
    out.push(parent);
    for (let c = 0; c < seller.profile.childrenPerParent; c++) {
      const color = COLORS[c % COLORS.length] ?? "Black";
      const size = SIZES[Math.floor(c / COLORS.length) % SIZES.length] ?? "M";
      const child = base(false, `${title}, ${color}, ${size}`, price + rng.int(0, 5) * 100);
      child.parentAsin = parent.asin;
      child.variation = { color, size };
      child.channel = parent.channel;
      out.push(child);
    }
  }
  for (let s = 0; s < seller.profile.standalone; s++) {
    out.push(base(false, `${brand} ${rng.pick(ADJ)} ${rng.pick(NOUNS)}`, rng.int(5, 200) * 100 + rng.pick([0, 49, 95, 99])));
  }
  return out;
}

/** Cumulative popularity table for weighted SKU picks. */
export function popularityTable(products: readonly Product[]): { items: Product[]; cum: Float64Array } {
  const items = products.filter((p) => !p.isParent);
  const cum = new Float64Array(items.length);
  let t = 0;
  items.forEach((p, i) => { t += p.popularity; cum[i] = t; });
  return { items, cum };
}

export function pickWeighted(table: { items: Product[]; cum: Float64Array }, r: number): Product {
  const total = table.cum[table.cum.length - 1] ?? 0;
  const x = r * total;
  let lo = 0;
  let hi = table.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table.cum[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  const p = table.items[lo];
  if (!p) throw new Error("empty catalog");
  return p;
}

export function localPriceMinor(p: Product, priceFactor: number, currency: string): number {
  const cents = p.priceUsdCents * priceFactor;
  // JPY has no minor unit; round to whole yen, others to .x9 endings.
  if (currency === "JPY") return Math.round(cents / 100 / 10) * 10 - 2;
  return Math.max(99, Math.round(cents / 100) * 100 - 1);
}

/** A product's title in one marketplace: Amazon JP's carry the Japanese tag its listing files show too. */
export function localTitle(p: Product, m: { countryCode: string }): string {
  return (m.countryCode === "JP" ? JP_TITLE_TAG : "") + p.title;
}

/**
 * A catalog item's dimensions in a marketplace's own units, as Amazon's catalog gives them there: inches and
 * pounds on Amazon.com, centimeters and kilograms elsewhere. The Catalog Items model leaves `unit` a free
 * string, so a client must keep the unit each value came with.
 */
export function catalogDimensions(p: Product, m: { countryCode: string }) {
  const d = (value: number, unit: string) => ({ unit, value: Math.round(value * 100) / 100 });
  return m.countryCode === "US"
    ? { length: d(p.dims.longestCm / 2.54, "inches"), width: d(p.dims.medianCm / 2.54, "inches"), height: d(p.dims.shortestCm / 2.54, "inches"), weight: d(p.dims.weightKg * 2.20462, "pounds") }
    : { length: d(p.dims.longestCm, "centimeters"), width: d(p.dims.medianCm, "centimeters"), height: d(p.dims.shortestCm, "centimeters"), weight: d(p.dims.weightKg, "kilograms") };
}

/** A listing's status in Seller Central's words, as the all-listings report gives it. */
export type ListingStatus = "Active" | "Inactive" | "Incomplete";

/**
 * Most listings are active; some the seller closed (inactive), a few lack required attributes
 * (incomplete), and a seller-fulfilled listing with no stock is inactive until it is restocked.
 */
export function listingStatus(seed: string, sellerId: string, marketplaceId: string, p: Product, ownStock: number | null): ListingStatus {
  if (p.isParent) return "Active";
  const h = hash32(seed, "listing-status", sellerId, marketplaceId, p.sku) % 40;
  if (h === 0) return "Incomplete";
  if (h < 4) return "Inactive";
  return ownStock === 0 ? "Inactive" : "Active";
}
