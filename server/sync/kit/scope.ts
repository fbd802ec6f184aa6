import { and, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, storeMarketplaces, stores } from "~/db/schema";
import type { Region } from "~/server/amazon/endpoints";
import { regionTimeZone } from "~/server/amazon/marketplaces";
import type { AmazonCaller } from "~/server/amazon/request";
import type { SyncScope } from "./definition";

/** Who a run acts for and with which grant: what every Amazon call of the run needs. JSON only. */
export interface RunScope {
  kind: SyncScope;
  organizationId: string;
  /** ad_profiles.id or store_marketplaces.id. */
  scopeId: string;
  timeZone: string;
  grantId: string;
  region: Region;
  /** Whose quota buckets calls draw from: the selling partner, or the Amazon ad profile. */
  quotaScope: string;
  /** Amazon's ad profile id (Ads calls send it as a header). */
  amazonProfileId?: string;
  /** SP-API scopes: the marketplace (store_marketplace), or every participating one (store), and the seller. */
  marketplaceId?: string;
  marketplaceIds?: string[];
  /** The marketplace's currency (store_marketplace): Amazon's listing files give prices without one. */
  currencyCode?: string;
  sellingPartnerId?: string;
  storeId?: string;
}

export type ScopeResolution = { scope: RunScope } | { skipped: string };

/**
 * The scope a request names, if it belongs to the request's organization and can sync now. A scope of
 * another organization is "not found": a run never acts for anyone but the organization its event names.
 */
export async function resolveScope(db: Database, kind: SyncScope, organizationId: string, scopeId: string): Promise<ScopeResolution> {
  if (kind === "ad_profile") {
    const [p] = await db
      .select({
        timeZone: adProfiles.timeZone,
        profileId: adProfiles.profileId,
        connected: adProfiles.connected,
        grantId: amazonGrants.id,
        grantStatus: amazonGrants.status,
        region: amazonGrants.region,
      })
      .from(adProfiles)
      .leftJoin(amazonGrants, eq(amazonGrants.id, adProfiles.grantId))
      .where(and(eq(adProfiles.id, scopeId), eq(adProfiles.organizationId, organizationId)));
    if (!p || !p.connected || !p.grantId) return { skipped: "The ad profile is not connected." };
    if (p.grantStatus !== "active") return { skipped: "The Amazon Ads authorization needs to be renewed; syncing is paused." };
    return {
      scope: {
        kind,
        organizationId,
        scopeId,
        timeZone: p.timeZone,
        grantId: p.grantId,
        region: p.region as Region,
        quotaScope: p.profileId,
        amazonProfileId: p.profileId,
      },
    };
  }
  if (kind === "store") return resolveStore(db, organizationId, scopeId);
  const [m] = await db
    .select({
      timeZone: storeMarketplaces.timeZone,
      marketplaceId: storeMarketplaces.marketplaceId,
      currencyCode: storeMarketplaces.currencyCode,
      participating: storeMarketplaces.isParticipating,
      storeId: stores.id,
      sellingPartnerId: stores.sellingPartnerId,
      region: stores.region,
      grantId: amazonGrants.id,
      grantStatus: amazonGrants.status,
    })
    .from(storeMarketplaces)
    .innerJoin(stores, eq(stores.id, storeMarketplaces.storeId))
    .leftJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
    .where(and(eq(storeMarketplaces.id, scopeId), eq(storeMarketplaces.organizationId, organizationId)));
  if (!m?.grantId) return { skipped: "The store is disconnected." };
  if (m.grantStatus !== "active") return { skipped: "The store's Amazon authorization needs to be renewed; syncing is paused." };
  return {
    scope: {
      kind,
      organizationId,
      scopeId,
      timeZone: m.timeZone,
      grantId: m.grantId,
      region: m.region as Region,
      quotaScope: m.sellingPartnerId,
      marketplaceId: m.marketplaceId,
      currencyCode: m.currencyCode,
      sellingPartnerId: m.sellingPartnerId,
      storeId: m.storeId,
    },
  };
}

async function resolveStore(db: Database, organizationId: string, storeId: string): Promise<ScopeResolution> {
  const [s] = await db
    .select({ sellingPartnerId: stores.sellingPartnerId, region: stores.region, grantId: amazonGrants.id, grantStatus: amazonGrants.status })
    .from(stores)
    .leftJoin(amazonGrants, eq(amazonGrants.id, stores.grantId))
    .where(and(eq(stores.id, storeId), eq(stores.organizationId, organizationId)));
  if (!s?.grantId) return { skipped: "The store is disconnected." };
  if (s.grantStatus !== "active") return { skipped: "The store's Amazon authorization needs to be renewed; syncing is paused." };
  const marketplaces = await db
    .select({ marketplaceId: storeMarketplaces.marketplaceId })
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, storeId), eq(storeMarketplaces.isParticipating, true)));
  return {
    scope: {
      kind: "store",
      organizationId,
      scopeId: storeId,
      timeZone: regionTimeZone(s.region as Region),
      grantId: s.grantId,
      region: s.region as Region,
      quotaScope: s.sellingPartnerId,
      marketplaceIds: marketplaces.map((m) => m.marketplaceId).sort(),
      sellingPartnerId: s.sellingPartnerId,
      storeId,
    },
  };
}

/** An Amazon caller for the scope's grant and quotas. */
export function callerFor(db: Database, scope: RunScope, onCall?: () => void): AmazonCaller {
  return { db, grantId: scope.grantId, quotaScope: scope.quotaScope, adsProfileId: scope.amazonProfileId, onCall };
}
