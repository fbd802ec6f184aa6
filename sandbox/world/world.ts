import type { Product } from "./catalog";
import { makeCatalog } from "./catalog";
import type { Volume, WorldConfig } from "./config";
import type { Marketplace } from "./marketplaces";
import { mustMarketplace } from "./marketplaces";
import type { Order } from "./orders";
import { generateOrdersForDay, MAX_ORDER_LIFECYCLE_MS } from "./orders";
import type { Seller } from "./sellers";
import { makeSellers } from "./sellers";
import { addDays, localDay } from "../util/time";

/** Small LRU so hot days stay generated while a year-long scan stays bounded. */
class Lru<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) { this.map.delete(k); this.map.set(k, v); }
    return v;
  }
  set(k: string, v: V): void {
    this.map.set(k, v);
    if (this.map.size > this.max) {
      const first = this.map.keys().next().value;
      if (first !== undefined) this.map.delete(first);
    }
  }
}

export class World {
  readonly sellers: Seller[];
  private catalogs = new Map<string, Product[]>();
  private orderDays: Lru<Order[]>;

  constructor(readonly config: WorldConfig) {
    this.sellers = makeSellers(config.seed, config.volume);
    // Big worlds keep about two weeks of marketplace-days hot; a year-long scan regenerates (cheap) instead of holding ~800k orders.
    this.orderDays = new Lru(config.volume === "big" ? 45 : 2000);
  }

  get seed(): string { return this.config.seed; }
  get volume(): Volume { return this.config.volume; }

  seller(sellerId: string): Seller | undefined {
    return this.sellers.find((s) => s.sellerId === sellerId);
  }

  catalog(seller: Seller): Product[] {
    let c = this.catalogs.get(seller.sellerId);
    if (!c) {
      c = makeCatalog(this.seed, seller, this.config.historyStart);
      this.catalogs.set(seller.sellerId, c);
    }
    return c;
  }

  /** Catalog Items are global on Amazon: any seller can read any ASIN. */
  productByAsin(asin: string): { product: Product; seller: Seller } | undefined {
    for (const seller of this.sellers) {
      const product = this.catalog(seller).find((p) => p.asin === asin);
      if (product) return { product, seller };
    }
    return undefined;
  }

  productBySku(seller: Seller, sku: string): Product | undefined {
    return this.catalog(seller).find((p) => p.sku === sku);
  }

  marketplaces(seller: Seller): Marketplace[] {
    return seller.marketplaceIds.map(mustMarketplace);
  }

  private totalWeight(seller: Seller): number {
    return this.marketplaces(seller).reduce((a, m) => a + m.weight, 0);
  }

  /** Orders purchased on one local day; [] before history starts. */
  ordersOnDay(seller: Seller, mp: Marketplace, day: string): Order[] {
    if (day < this.config.historyStart) return [];
    const key = `${seller.sellerId}|${mp.id}|${day}`;
    let v = this.orderDays.get(key);
    if (!v) {
      v = generateOrdersForDay(this.seed, seller, mp, this.catalog(seller), day, this.totalWeight(seller));
      this.orderDays.set(key, v);
    }
    return v;
  }

  /** Orders purchased in [fromMs, toMs), in purchase order. */
  *ordersPurchasedBetween(seller: Seller, mp: Marketplace, fromMs: number, toMs: number): Generator<Order> {
    if (toMs <= fromMs) return;
    const last = localDay(toMs - 1, mp.timezone);
    for (let d = localDay(fromMs, mp.timezone); d <= last; d = addDays(d, 1)) {
      for (const o of this.ordersOnDay(seller, mp, d)) {
        if (o.purchaseMs >= fromMs && o.purchaseMs < toMs) yield o;
      }
    }
  }

  /** Orders whose purchase could make them change in [fromMs, toMs). */
  *ordersTouchable(seller: Seller, mp: Marketplace, fromMs: number, toMs: number, lagMs = MAX_ORDER_LIFECYCLE_MS): Generator<Order> {
    yield* this.ordersPurchasedBetween(seller, mp, fromMs - lagMs, toMs);
  }

  findOrder(seller: Seller, amazonOrderId: string, nowMs: number): Order | undefined {
    // The id's last block encodes (day number mod 1000): scan back to the day that matches.
    const block = Number(amazonOrderId.split("-")[2] ?? "0");
    const dnMod = Math.floor(block / 10000);
    for (const mp of this.marketplaces(seller)) {
      const today = localDay(nowMs, mp.timezone);
      for (let back = 0; back < 1000 * 3; back++) {
        const d = addDays(today, -back);
        if (d < this.config.historyStart) break;
        const dn = Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
        if (dn % 1000 !== dnMod) continue;
        const o = this.ordersOnDay(seller, mp, d).find((x) => x.amazonOrderId === amazonOrderId);
        if (o && o.purchaseMs <= nowMs) return o;
      }
    }
    return undefined;
  }
}
