import { asc, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, storeMarketplaces, stores } from "~/db/schema";

export type ConnectionStatus = "active" | "needs_reauthorization" | "disconnected";

/** Everything the Amazon authorizations page shows: stores with marketplaces, ad profiles, their health. */
export async function listAuthorizations(db: Database, organizationId: string) {
  const [storeRows, marketplaceRows, profileRows] = await Promise.all([
    db
      .select({
        id: stores.id,
        name: stores.name,
        sellingPartnerId: stores.sellingPartnerId,
        region: stores.region,
        createdAt: stores.createdAt,
        grantStatus: amazonGrants.status,
        statusReason: amazonGrants.statusReason,
        authorizedAt: amazonGrants.authorizedAt,
      })
      .from(stores)
      .leftJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
      .where(eq(stores.organizationId, organizationId))
      .orderBy(asc(stores.createdAt)),
    db
      .select()
      .from(storeMarketplaces)
      .where(eq(storeMarketplaces.organizationId, organizationId))
      .orderBy(asc(storeMarketplaces.countryCode)),
    db
      .select({
        id: adProfiles.id,
        profileId: adProfiles.profileId,
        countryCode: adProfiles.countryCode,
        currencyCode: adProfiles.currencyCode,
        timeZone: adProfiles.timeZone,
        marketplaceId: adProfiles.marketplaceId,
        accountName: adProfiles.accountName,
        accountType: adProfiles.accountType,
        connected: adProfiles.connected,
        storeMarketplaceId: adProfiles.storeMarketplaceId,
        grantStatus: amazonGrants.status,
        statusReason: amazonGrants.statusReason,
      })
      .from(adProfiles)
      .leftJoin(amazonGrants, eq(amazonGrants.id, adProfiles.grantId))
      .where(eq(adProfiles.organizationId, organizationId))
      .orderBy(asc(adProfiles.countryCode)),
  ]);
  const status = (grantStatus: "active" | "needs_reauthorization" | null): ConnectionStatus => grantStatus ?? "disconnected";
  return {
    stores: storeRows.map(({ grantStatus, ...s }) => ({
      ...s,
      status: status(grantStatus),
      marketplaces: marketplaceRows.filter((m) => m.storeId === s.id),
    })),
    adProfiles: profileRows.map(({ grantStatus, ...p }) => ({
      ...p,
      status: p.connected ? status(grantStatus) : ("disconnected" as const),
      available: grantStatus !== null,
      store: storeRows.find((s) => marketplaceRows.some((m) => m.id === p.storeMarketplaceId && m.storeId === s.id))?.name ?? null,
    })),
  };
}
