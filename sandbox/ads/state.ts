import { hash32, Rng } from "../util/rng";
import { addDays, localDay } from "../util/time";
import type { World } from "../world/world";
import type { Seller } from "../world/sellers";
import type { Marketplace } from "../world/marketplaces";
import { mustMarketplace } from "../world/marketplaces";
import type { Entity, EntityKind, PlacementBid, State } from "./entities";
import { AUTO_TARGET_TYPES } from "./entities";

export interface AdsProfile {
  profileId: string;
  sellerId: string;
  marketplace: Marketplace;
}

export interface ProfileEntities {
  byKind: Map<EntityKind, Map<string, Entity>>;
  seq: number;
}

const MATCH = ["EXACT", "PHRASE", "BROAD"] as const;
const WORDS = ["bottle", "insulated", "steel", "kids", "camping", "lantern", "yoga", "mat", "thick", "backpack", "hiking", "coffee", "grinder", "manual", "lamp", "led", "board", "wood", "blanket", "fleece", "stand", "phone", "leash", "dog", "hose", "garden", "scale", "kitchen", "pillow", "travel", "light", "bike", "bin", "storage", "large", "small", "best", "cheap", "gift", "set"];

/**
 * The placement adjustments a seeded campaign had before the product connected. They come from a stream of
 * their own, not the account's generator, so adding them moved no other generated value (ids, bids, metrics).
 * The first campaign always has some, so every account shows adjustments; the others two in three.
 */
function seededPlacements(seed: string, profileId: string, campaignId: string, index: number): PlacementBid[] {
  const r = new Rng(seed, "ads-placements", profileId, campaignId);
  if (index > 0 && !r.chance(0.65)) return [];
  const out: PlacementBid[] = [];
  if (r.chance(0.85)) out.push({ placement: "PLACEMENT_TOP", percentage: 5 * r.int(2, 60) });
  if (r.chance(0.4)) out.push({ placement: "PLACEMENT_PRODUCT_PAGE", percentage: 5 * r.int(1, 30) });
  if (r.chance(0.3)) out.push({ placement: "PLACEMENT_REST_OF_SEARCH", percentage: 5 * r.int(1, 20) });
  if (r.chance(0.1)) out.push({ placement: "SITE_AMAZON_BUSINESS", percentage: 5 * r.int(1, 20) });
  if (!out.length) out.push({ placement: "PLACEMENT_TOP", percentage: 5 * r.int(2, 20) });
  return out;
}

/** Mutable Ads account state: profiles, then entities per profile (generated lazily). */
export class AdsState {
  private profiles: AdsProfile[];
  private entities = new Map<string, ProfileEntities>();

  constructor(readonly world: World, readonly now: () => number) {
    this.profiles = world.sellers.flatMap((s: Seller) => s.marketplaceIds.map((id) => ({
      profileId: String(1_000_000_000_000 + (hash32(world.seed, "profile", s.sellerId, id) % 8_999_999_999_999)),
      sellerId: s.sellerId,
      marketplace: mustMarketplace(id),
    })));
  }

  allProfiles(): AdsProfile[] { return this.profiles; }

  profile(id: string): AdsProfile | undefined {
    return this.profiles.find((p) => p.profileId === id);
  }

  newId(profile: AdsProfile, pe: ProfileEntities): string {
    pe.seq += 1;
    const prefix = 10000 + (hash32(this.world.seed, "ids", profile.profileId) % 89999);
    return `${String(prefix)}${String(pe.seq).padStart(10, "0")}`;
  }

  of(profile: AdsProfile): ProfileEntities {
    let pe = this.entities.get(profile.profileId);
    if (!pe) {
      pe = { byKind: new Map(), seq: 0 };
      this.entities.set(profile.profileId, pe);
      this.generate(profile, pe);
    }
    return pe;
  }

  list(profile: AdsProfile, kind: EntityKind): Map<string, Entity> {
    const pe = this.of(profile);
    let m = pe.byKind.get(kind);
    if (!m) { m = new Map(); pe.byKind.set(kind, m); }
    return m;
  }

  add(profile: AdsProfile, e: Entity): void {
    this.list(profile, e.kind).set(e.id, e);
  }

  find(profile: AdsProfile, kind: EntityKind, id: string): Entity | undefined {
    return this.list(profile, kind).get(id);
  }

  /** The seller's ad account as it stood before the product connected: made "in the console". */
  private generate(profile: AdsProfile, pe: ProfileEntities): void {
    const seller = this.world.seller(profile.sellerId);
    if (!seller) return;
    const mp = profile.marketplace;
    const rng = new Rng(this.world.seed, "ads", profile.profileId);
    const primary = seller.marketplaceIds[0] === mp.id;
    const nCampaigns = Math.max(1, Math.round(seller.profile.campaigns * (primary ? 1 : Math.min(0.5, mp.weight))));
    const catalog = this.world.catalog(seller).filter((p) => !p.isParent);
    const historyStart = this.world.config.historyStart;
    const createdMs = Date.parse(`${historyStart}T00:00:00Z`) - 30 * 86_400_000;
    const base = (kind: EntityKind, campaignId: string, extra: Partial<Entity>): Entity => {
      const id = this.newId(profile, pe);
      return { kind, id, campaignId: kind === "campaign" ? id : campaignId, state: "ENABLED", createdMs, updatedMs: createdMs, firstImpressionDay: historyStart, weight: 0.2 + rng.next() * 1.8, ...extra };
    };
    const put = (e: Entity) => {
      let m = pe.byKind.get(e.kind);
      if (!m) { m = new Map(); pe.byKind.set(e.kind, m); }
      m.set(e.id, e);
      return e;
    };
    const f = mp.priceFactor;
    for (let c = 0; c < nCampaigns; c++) {
      const auto = c % 4 === 3;
      const camp = put(base("campaign", "", {
        name: `SP ${auto ? "Auto" : "Manual"} ${String(c + 1)} - ${mp.countryCode}`,
        targetingType: auto ? "AUTO" : "MANUAL",
        money: Math.round(rng.int(10, 200) * 100 * f),
        startDate: addDays(historyStart, -30),
        biddingStrategy: rng.pick(["LEGACY_FOR_SALES", "AUTO_FOR_SALES", "MANUAL"]),
        state: rng.chance(0.1) ? "PAUSED" : "ENABLED",
      }));
      camp.id = camp.campaignId;
      camp.placements = seededPlacements(this.world.seed, profile.profileId, camp.id, c);
      for (let g = 0; g < seller.profile.adGroupsPerCampaign; g++) {
        const ag = put(base("adGroup", camp.id, { name: `Ad group ${String(g + 1)}`, money: Math.round(rng.int(30, 150) * f) }));
        ag.adGroupId = ag.id;
        const products = Array.from({ length: rng.int(1, 3) }, () => rng.pick(catalog));
        for (const p of new Set(products)) put(base("productAd", camp.id, { adGroupId: ag.id, sku: p.sku, asin: p.asin }));
        if (auto) {
          for (const t of AUTO_TARGET_TYPES) put(base("target", camp.id, { adGroupId: ag.id, expression: [{ type: t }], expressionType: "AUTO", money: Math.round(rng.int(30, 120) * f) }));
        } else {
          for (let k = 0; k < seller.profile.keywordsPerAdGroup; k++) {
            const text = `${rng.pick(WORDS)} ${rng.pick(WORDS)}${rng.chance(0.4) ? " " + rng.pick(WORDS) : ""}`;
            put(base("keyword", camp.id, { adGroupId: ag.id, text, matchType: MATCH[k % 3] ?? "EXACT", money: Math.round(rng.int(20, 250) * f), state: rng.chance(0.05) ? "PAUSED" : "ENABLED" }));
          }
          for (let t = 0; t < seller.profile.targetsPerAdGroup; t++) {
            put(base("target", camp.id, { adGroupId: ag.id, expression: [{ type: "ASIN_SAME_AS", value: "B0" + rng.alnum(8) }], expressionType: "MANUAL", money: Math.round(rng.int(30, 200) * f) }));
          }
          put(base("negativeKeyword", camp.id, { adGroupId: ag.id, text: `${rng.pick(WORDS)} free`, matchType: "NEGATIVE_EXACT" }));
          if (rng.chance(0.3)) put(base("negativeTarget", camp.id, { adGroupId: ag.id, expression: [{ type: "ASIN_SAME_AS", value: "B0" + rng.alnum(8) }] }));
        }
      }
      if (rng.chance(0.3)) put(base("campaignNegativeKeyword", camp.id, { text: `${rng.pick(WORDS)} used`, matchType: "NEGATIVE_PHRASE" }));
    }
  }

  /** Day from which an entity created now gets impressions: the next local day. */
  firstDayFor(profile: AdsProfile, ms: number): string {
    return addDays(localDay(ms, profile.marketplace.timezone), 1);
  }

  /** Every state change goes through here, so the entity's state log stays whole. */
  setState(e: Entity, state: State, now: number): void {
    if (state !== e.state) {
      e.stateLog ??= [{ ms: e.createdMs, state: e.state }];
      e.stateLog.push({ ms: now, state });
      e.state = state;
    }
    e.updatedMs = now;
  }
}
