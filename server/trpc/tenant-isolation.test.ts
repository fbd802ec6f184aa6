import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { inngest } from "~/inngest/client";
import { adCampaignDaily, invitations, memberships, orders } from "~/db/schema";
import { createInvitation } from "~/server/organizations/invitations";
import { pointAmazonAtSandbox } from "~/test/amazon-sandbox";
import { createClaims } from "~/test/claim-factories";
import { createCosts } from "~/test/cost-factories";
import { createMemberOf, createStore, createSyncedData } from "~/test/factories";
import { findTenantLeaks, organizationProcedures, type Victim } from "~/test/tenant-isolation";
import { createTRPCRouter, organizationProcedure } from "./init";
import { appRouter } from "./root";

const randomTag = () => Math.random().toString(36).slice(2, 10).toUpperCase();

let t: TestDatabase;
let attacker: { userId: string; organizationId: string };
let victim: Victim;

beforeAll(async () => {
  pointAmazonAtSandbox("http://127.0.0.1:9");
  t = await createTestDatabase();
  const a = await createMemberOf(t.db, "owner");
  attacker = { userId: a.user.id, organizationId: a.organizationId };
  // The attacker's organization has data of its own, so "finds nothing" is not just an empty database.
  await createMemberOf(t.db, "viewer", a.organizationId);
  await createInvitation(t.db, { ...attacker, role: "owner" }, { role: "viewer" });
  // …including synced orders, ad rows and sync state, with figures different from the victim's.
  const attackerStore = await createStore(t.db, a.organizationId);
  await createSyncedData(t.db, attackerStore, 3);
  await createClaims(t.db, attackerStore, 3, `CLM${randomTag()}`, "98765432103");

  const owner = await createMemberOf(t.db, "owner");
  const operator = await createMemberOf(t.db, "operator", owner.organizationId);
  const invitation = await createInvitation(
    t.db,
    { userId: owner.user.id, organizationId: owner.organizationId, role: "owner" },
    { role: "admin", email: "victim-invitee@example.com" },
  );
  const amazon = await createStore(t.db, owner.organizationId);
  // The victim has everything a sync leaves, so lists, counts and totals have something to leak.
  const synced = await createSyncedData(t.db, amazon, 7);
  // Claim cases open, filed (under an Amazon case id the probe may send) and reimbursed: something to see, file or undo.
  const claimTag = `CLM${randomTag()}`;
  const victimAmazonCaseId = "12345678907";
  const claims = await createClaims(t.db, amazon, 7, claimTag, victimAmazonCaseId);
  // Product costs the seller entered: periods, a batch and a store cost, each carrying the tag.
  const costs = await createCosts(t.db, amazon, 7);
  const victimRun = `run-${Math.random().toString(36).slice(2)}`;
  await t.sql`insert into executor_runs (id, function_id, status, event, events, created_at)
    values (${victimRun}, 'shelfwise-sync-ads-performance', 'completed',
      ${JSON.stringify({ name: "sync/ads-performance.requested", data: { organizationId: owner.organizationId, adProfileId: amazon.adProfile.id } })}::jsonb, '[]'::jsonb, now())`;
  victim = {
    organizationId: owner.organizationId,
    ids: [
      owner.organizationId,
      owner.user.id,
      operator.user.id,
      invitation.id,
      amazon.store.id,
      amazon.grant.id,
      amazon.marketplace.id,
      amazon.adProfile.id,
      victimRun,
      ...synced.ids,
      ...claims.ids,
      costs.otherCostId,
    ],
    markers: [
      owner.user.email,
      operator.user.email,
      "victim-invitee@example.com",
      amazon.store.sellingPartnerId,
      amazon.adProfile.profileId,
      amazon.adProfile.accountName,
      ...synced.markers,
      claimTag,
      costs.tag,
    ],
    userIds: [owner.user.id, operator.user.id],
    executorRunIds: [victimRun],
    idsByField: {
      userId: [owner.user.id, operator.user.id],
      invitationId: [invitation.id],
      storeId: [amazon.store.id],
      storeMarketplaceId: [amazon.marketplace.id],
      scopeId: [amazon.adProfile.id, amazon.marketplace.id, amazon.store.id],
      adProfileId: [amazon.adProfile.id],
      campaignId: [synced.campaignId],
      adGroupId: [synced.adGroupId],
      runId: [victimRun],
      caseId: claims.caseIds,
      amazonCaseId: [victimAmazonCaseId],
    },
  };
});
afterAll(async () => t.drop());

// Every procedure, with every id of the victim's, several times over: minutes on a busy 2-core machine.
it("every organization-scoped procedure refuses or finds nothing of another organization", { timeout: 180_000 }, async () => {
  // Jobs a call starts (the summary's refresh, Sync now) are caught here, not sent: none may name the victim.
  const sent: unknown[] = [];
  const send = vi.spyOn(inngest, "send").mockImplementation(async (events) => {
    sent.push(events);
    return { ids: [] };
  });
  const { probed, calls, findings } = await findTenantLeaks({ t, router: appRouter, attacker, victim }).finally(() => send.mockRestore());
  const named = [victim.organizationId, ...Object.values(victim.idsByField ?? {}).flat()].filter((id) => JSON.stringify(sent).includes(id));
  expect(named).toEqual([]);
  expect(calls).toBeGreaterThan(probed.length * victim.ids.length);
  // Enumerated from the router: procedures added later are probed without editing this test.
  expect(probed).toEqual(organizationProcedures(appRouter));
  expect(probed).toEqual(
    expect.arrayContaining(["team.members", "team.invite", "amazon.authorizations", "amazon.disconnectStore", "amazon.connectAdProfiles", "claims.detail", "claims.submit", "claims.withdraw"]),
  );
  expect(findings).toEqual([]);
});

it("catches a procedure that forgets the organization filter", async () => {
  const leaky = createTRPCRouter({
    allMembers: organizationProcedure().query(({ ctx }) => ctx.db.select().from(memberships)),
    revokeAny: organizationProcedure("admin")
      .input(z.object({ invitationId: z.uuid() }))
      .mutation(({ ctx, input }) =>
        ctx.db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, input.invitationId)),
      ),
  });
  const { findings } = await findTenantLeaks({ t, router: leaky, attacker, victim });
  expect(findings.filter((f) => f.path === "allMembers").map((f) => f.problem)).toEqual(
    expect.arrayContaining([expect.stringMatching(/returned the victim's data/), expect.stringMatching(/answers differently once the victim's data is gone/)]),
  );
  expect(findings.filter((f) => f.path === "revokeAny").map((f) => f.problem)).toContain("changed the victim's rows");
});

it("catches leaks that show only as figures, behind one branch of a flag, with two different ids, or without an optional filter", { timeout: 120_000 }, async () => {
  const leaky = createTRPCRouter({
    // A count over every organization: no string of the victim's in it, only a number that moves.
    orderCount: organizationProcedure().query(async ({ ctx }) => (await ctx.db.select({ n: count() }).from(orders))[0]!.n),
    // Filters by organization unless asked for "all".
    spend: organizationProcedure()
      .input(z.object({ onlyMine: z.boolean() }))
      .query(async ({ ctx, input }) => {
        const rows = await ctx.db
          .select({ cost: adCampaignDaily.cost })
          .from(adCampaignDaily)
          .where(input.onlyMine ? eq(adCampaignDaily.organizationId, ctx.organizationId) : undefined);
        return rows.reduce((sum, r) => sum + Number(r.cost), 0).toFixed(2);
      }),
    // Needs a campaign id and a profile id that belong together: one id in both fields finds nothing.
    campaign: organizationProcedure()
      .input(z.object({ adProfileId: z.uuid(), campaignId: z.string() }))
      .query(({ ctx, input }) =>
        ctx.db
          .select({ impressions: adCampaignDaily.impressions })
          .from(adCampaignDaily)
          .where(and(eq(adCampaignDaily.adProfileId, input.adProfileId), eq(adCampaignDaily.campaignId, input.campaignId))),
      ),
    // Filters by organization only when the optional filter is given: leaks when it is left out.
    orders: organizationProcedure()
      .input(z.object({ storeMarketplaceId: z.uuid().optional() }))
      .query(({ ctx, input }) =>
        ctx.db
          .select({ id: orders.amazonOrderId })
          .from(orders)
          .where(input.storeMarketplaceId ? and(eq(orders.organizationId, ctx.organizationId), eq(orders.storeMarketplaceId, input.storeMarketplaceId)) : undefined),
      ),
  });
  const { findings } = await findTenantLeaks({ t, router: leaky, attacker, victim });
  expect([...new Set(findings.map((f) => f.path))].sort()).toEqual(["campaign", "orderCount", "orders", "spend"]);
  expect(findings.filter((f) => f.path === "orders").every((f) => !("storeMarketplaceId" in (f.input as object)))).toBe(true);
  expect(findings.filter((f) => f.path === "spend").every((f) => (f.input as { onlyMine: boolean }).onlyMine === false)).toBe(true);
});
