import { and, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, storeMarketplaces, stores } from "~/db/schema";
import type { Actor } from "~/server/organizations/team";
import type { Publish } from "../publish";
import { AuthorizationError } from "./errors";

/**
 * Stops a store's syncs by deleting its grant (the refresh token is gone from our side). With keepData the
 * store and everything synced stay readable; without, they are deleted.
 */
export async function disconnectStore(
  deps: { db: Database; publish: Publish },
  actor: Actor,
  args: { storeId: string; keepData: boolean },
) {
  const storeMarketplaceIds = await deps.db.transaction(async (tx) => {
    const [store] = await tx
      .select()
      .from(stores)
      .where(and(eq(stores.id, args.storeId), eq(stores.organizationId, actor.organizationId)))
      .for("update");
    if (!store) throw new AuthorizationError("not_found");
    const marketplaces = await tx.select({ id: storeMarketplaces.id }).from(storeMarketplaces).where(eq(storeMarketplaces.storeId, store.id));
    if (store.grantId) await tx.delete(amazonGrants).where(eq(amazonGrants.id, store.grantId));
    if (!args.keepData) await tx.delete(stores).where(eq(stores.id, store.id));
    return marketplaces.map((m) => m.id);
  });
  // The marketplaces travel along so the store's running syncs are cancelled.
  await deps.publish({
    name: "amazon/store.disconnected",
    data: { organizationId: actor.organizationId, storeId: args.storeId, storeMarketplaceIds },
  });
  return { storeId: args.storeId, keptData: args.keepData };
}

export async function disconnectAdProfile(
  deps: { db: Database; publish: Publish },
  actor: Actor,
  args: { adProfileId: string; keepData: boolean },
) {
  const where = and(eq(adProfiles.id, args.adProfileId), eq(adProfiles.organizationId, actor.organizationId));
  const [row] = args.keepData
    ? await deps.db.update(adProfiles).set({ connected: false }).where(where).returning({ id: adProfiles.id })
    : await deps.db.delete(adProfiles).where(where).returning({ id: adProfiles.id });
  if (!row) throw new AuthorizationError("not_found");
  await deps.publish({
    name: "amazon/ads.disconnected",
    data: { organizationId: actor.organizationId, adProfileId: args.adProfileId },
  });
  return { adProfileId: args.adProfileId, keptData: args.keepData };
}
