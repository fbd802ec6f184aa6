import type { World } from "../world/world";
import type { Seller } from "../world/sellers";
import { mustMarketplace } from "../world/marketplaces";
import type { Marketplace } from "../world/marketplaces";
import { hash32 } from "../util/rng";

export interface AdsProfile {
  profileId: string;
  sellerId: string;
  marketplace: Marketplace;
}

/** Mutable Ads account state: profiles, then entities per profile (loaded lazily). */
export class AdsState {
  private profiles: AdsProfile[];
  constructor(readonly world: World, readonly now: () => number) {
    this.profiles = world.sellers.flatMap((s: Seller) => s.marketplaceIds.map((id) => ({
      profileId: String(1_000_000_000_000 + (hash32(world.seed, "profile", s.sellerId, id) % 9_000_000_000_000)),
      sellerId: s.sellerId,
      marketplace: mustMarketplace(id),
    })));
  }

  allProfiles(): AdsProfile[] { return this.profiles; }

  profile(id: string): AdsProfile | undefined {
    return this.profiles.find((p) => p.profileId === id);
  }
}
