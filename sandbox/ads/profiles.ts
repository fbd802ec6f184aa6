import type { Ctx, Reply, Route } from "../http/types";
import { adsError } from "../http/types";
import type { AdsProfile } from "./state";

export function profileJson(ctx: Ctx, p: AdsProfile): Record<string, unknown> {
  const seller = ctx.sb.world.seller(p.sellerId);
  return {
    profileId: Number(p.profileId),
    // Ads names the United Kingdom "UK" where SP-API says "GB".
    countryCode: p.marketplace.countryCode === "GB" ? "UK" : p.marketplace.countryCode,
    currencyCode: p.marketplace.currency,
    dailyBudget: 999999999,
    timezone: p.marketplace.timezone,
    accountInfo: { marketplaceStringId: p.marketplace.id, id: p.sellerId, type: "seller", name: seller?.name ?? "", validPaymentMethod: true },
  };
}

function listProfiles(ctx: Ctx): Reply {
  const sellerId = ctx.principal?.sellerId;
  const type = ctx.query.get("profileTypeFilter");
  const profiles = ctx.sb.ads.allProfiles().filter((p) => p.sellerId === sellerId);
  const out = type && !type.split(",").includes("seller") ? [] : profiles.map((p) => profileJson(ctx, p));
  return { status: 200, body: out };
}

function getProfile(ctx: Ctx): Reply {
  const p = ctx.sb.ads.profile(ctx.params.profileId ?? "");
  if (!p || p.sellerId !== ctx.principal?.sellerId) throw adsError(404, "NOT_FOUND", "Profile not found");
  return { status: 200, body: profileJson(ctx, p) };
}

export const profileRoutes: Route[] = [
  { method: "GET", path: "/v2/profiles", operation: "listProfiles", auth: "ads-noscope", handler: listProfiles },
  { method: "GET", path: "/v2/profiles/{profileId}", operation: "getProfileById", auth: "ads-noscope", handler: getProfile },
];
