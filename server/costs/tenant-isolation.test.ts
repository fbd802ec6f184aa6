import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createCosts } from "~/test/cost-factories";
import { createMemberOf, createStore } from "~/test/factories";
import { findTenantLeaks, organizationProcedures } from "~/test/tenant-isolation";
import { createTRPCRouter } from "~/server/trpc/init";
import { costsRouter } from "~/server/trpc/routers/costs";

/*
 * The app-wide probe (server/trpc/tenant-isolation.test.ts) walks these procedures too, against a victim
 * without costs; here the victim has periods, a batch and a store cost, so a procedure that read or wrote
 * them across organizations would show it.
 */

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

it("every costs procedure refuses or finds nothing of another organization's costs", { timeout: 180_000 }, async () => {
  const a = await createMemberOf(t.db, "owner");
  await createCosts(t.db, await createStore(t.db, a.organizationId), 3);
  const owner = await createMemberOf(t.db, "owner");
  const operator = await createMemberOf(t.db, "operator", owner.organizationId);
  const store = await createStore(t.db, owner.organizationId);
  const costs = await createCosts(t.db, store, 7);
  const router = createTRPCRouter({ costs: costsRouter });
  const { probed, findings } = await findTenantLeaks({
    t,
    router,
    attacker: { userId: a.user.id, organizationId: a.organizationId },
    victim: {
      organizationId: owner.organizationId,
      ids: [owner.organizationId, owner.user.id, operator.user.id, store.store.id, store.marketplace.id, costs.otherCostId],
      markers: [costs.tag, ...costs.skus, owner.user.email, store.store.name],
      userIds: [owner.user.id, operator.user.id],
      executorRunIds: [],
      idsByField: { storeId: [store.store.id], storeMarketplaceId: [store.marketplace.id], otherCostId: [costs.otherCostId] },
    },
  });
  expect(probed).toEqual(organizationProcedures(router));
  expect(probed.length).toBe(12);
  expect(findings).toEqual([]);
});
