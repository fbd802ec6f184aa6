import type { Database } from "~/db/client";
import { adChanges, adEntities } from "~/db/schema";

/*
 * Test support for the Advertising queries: ad entities and history rows as the settings sync leaves them
 * (`db/testing.ts` is the precedent for support code beside the code it serves).
 */

export interface ProfileScope {
  organizationId: string;
  adProfileId: string;
}

type EntityValues = Omit<typeof adEntities.$inferInsert, "organizationId" | "adProfileId" | "seenBy" | "syncedAt">;

/** An entity as a listing stores it; only what a test names differs from an enabled, just-synced one. */
export async function insertEntity(db: Database, scope: ProfileScope, values: Partial<EntityValues> & Pick<EntityValues, "kind" | "entityId" | "campaignId">) {
  await db.insert(adEntities).values({ ...scope, state: "ENABLED", seenBy: "authorization", syncedAt: new Date(), ...values });
}

type ChangeValues = Omit<typeof adChanges.$inferInsert, "organizationId" | "adProfileId">;

/** A history row; by default a change Seller Central made that a sync detected. */
export async function insertChange(db: Database, scope: ProfileScope, values: Partial<ChangeValues> & Pick<ChangeValues, "kind" | "entityId" | "campaignId" | "field" | "at">) {
  await db.insert(adChanges).values({ ...scope, source: "seller_central", result: "detected", ...values });
}
