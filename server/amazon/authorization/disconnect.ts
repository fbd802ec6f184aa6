import { and, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, stores } from "~/db/schema";
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
  await deps.db.transaction(async (tx) => {
    const [store] = await tx
      .select()
      .from(stores)
      .where(and(eq(stores.id, args.storeId), eq(stores.organizationId, actor.organizationId)))
      .for("update");
    if (!store) throw new AuthorizationError("not_found");
    if (store.grantId) await tx.delete(amazonGrants).where(eq(amazonGrants.id, store.grantId));
    if (!args.keepData) await tx.delete(stores).where(eq(stores.id, store.id));
  });
  await deps.publish({ name: "amazon/store.disconnected", data: { organizationId: actor.organizationId, storeId: args.storeId } });
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
