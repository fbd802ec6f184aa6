import type { Ctx, Reply, Route } from "../http/types";
import { mustMarketplace } from "../world/marketplaces";
import { sellerOf } from "./common";

function getMarketplaceParticipations(ctx: Ctx): Reply {
  const seller = sellerOf(ctx);
  const payload = seller.marketplaceIds.map((id) => {
    const m = mustMarketplace(id);
    return {
      marketplace: { id: m.id, name: m.name, countryCode: m.countryCode, defaultCurrencyCode: m.currency, defaultLanguageCode: m.language, domainName: m.domain },
      participation: { isParticipating: true, hasSuspendedListings: false },
      storeName: seller.name,
    };
  });
  return { status: 200, body: { payload } };
}

export const sellersRoutes: Route[] = [
  { method: "GET", path: "/sellers/v1/marketplaceParticipations", operation: "getMarketplaceParticipations", auth: "sp", handler: getMarketplaceParticipations },
];
