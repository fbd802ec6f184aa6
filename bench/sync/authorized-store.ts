import type { TestDatabase } from "~/db/testing";
import type { RunningSandbox } from "~/sandbox";

/**
 * A new organization that has authorized a sandbox seller's store, with no syncs started (nothing is
 * published): a benchmark then runs only the task it measures. Its modules load on call, after the
 * benchmark has set the environment they read.
 */
export async function authorizeStoreOnly(t: TestDatabase, amazon: RunningSandbox, options: { sellerIndex?: number; marketplaceId?: string } = {}) {
  const { and, eq } = await import("drizzle-orm");
  const { consentOnAmazon } = await import("~/test/amazon-sandbox");
  const { createMemberOf } = await import("~/test/factories");
  const { startStoreAuthorization, completeStoreAuthorization } = await import("~/server/amazon/authorization/store");
  const { storeMarketplaces } = await import("~/db/schema");
  const member = await createMemberOf(t.db, "owner");
  const actor = { userId: member.user.id, organizationId: member.organizationId, role: "owner" as const };
  const seller = amazon.sandbox.world.sellers[options.sellerIndex ?? 0]!;
  await completeStoreAuthorization({ db: t.db, publish: async () => {} }, member.user.id, await consentOnAmazon((await startStoreAuthorization(t.db, actor, "na")).url, seller.sellerId));
  const [marketplace] = await t.db
    .select()
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.organizationId, member.organizationId), eq(storeMarketplaces.marketplaceId, options.marketplaceId ?? "ATVPDKIKX0DER")));
  return { member, seller, marketplace: marketplace! };
}
