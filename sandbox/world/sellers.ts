import { Rng } from "../util/rng";
import type { Volume, VolumeProfile } from "./config";
import { VOLUMES } from "./config";

export interface Seller {
  index: number;
  sellerId: string;
  name: string;
  marketplaceIds: string[];
  /** Fraction of the volume profile this seller runs at. */
  scale: number;
  profile: VolumeProfile;
  /** Login shown on the consent page. */
  email: string;
  /** Ads: the advertiser account id shared by this seller's profiles. */
  adsAccountId: string;
  /**
   * Seller Central's "Language for feed processing report": a Japanese seller's listing files come with
   * Japanese headers (and Amazon JP's own columns) unless it is English or the request asks for en_US.
   */
  feedLanguage: "en" | "ja";
}

const TEMPLATES = [
  { name: "Sandbox Outdoor Co.", marketplaceIds: ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8"], scale: 1, feedLanguage: "en" },
  { name: "Sandbox Home Europe GmbH", marketplaceIds: ["A1F83G8C2ARO7P", "A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS"], scale: 0.25, feedLanguage: "en" },
  { name: "Sandbox Japan KK", marketplaceIds: ["A1VC38T7YXB528", "A39IBJ37TRP1C6"], scale: 0.05, feedLanguage: "ja" },
] as const;

export function makeSellers(seed: string, volume: Volume): Seller[] {
  return TEMPLATES.map((t, index) => {
    const rng = new Rng(seed, "seller", index);
    const base = VOLUMES[volume];
    // Small sellers keep at least a handful of products and orders.
    const s = Math.max(t.scale, 0.01);
    const profile: VolumeProfile = {
      ordersPerDay: Math.max(3, Math.round(base.ordersPerDay * s)),
      parents: Math.max(1, Math.round(base.parents * s)),
      childrenPerParent: base.childrenPerParent,
      standalone: Math.max(2, Math.round(base.standalone * s)),
      campaigns: Math.max(1, Math.round(base.campaigns * s)),
      adGroupsPerCampaign: base.adGroupsPerCampaign,
      keywordsPerAdGroup: base.keywordsPerAdGroup,
      targetsPerAdGroup: base.targetsPerAdGroup,
    };
    return {
      index,
      sellerId: "A" + rng.alnum(13, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
      name: t.name,
      marketplaceIds: [...t.marketplaceIds],
      feedLanguage: t.feedLanguage,
      scale: t.scale,
      profile,
      email: `seller${index + 1}@sandbox.example`,
      adsAccountId: "ENTITY" + rng.alnum(12, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
    };
  });
}
