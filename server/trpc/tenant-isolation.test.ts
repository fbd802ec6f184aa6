import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { invitations, memberships } from "~/db/schema";
import { createInvitation } from "~/server/organizations/invitations";
import { pointAmazonAtSandbox } from "~/test/amazon-sandbox";
import { createMemberOf, createStore } from "~/test/factories";
import { findTenantLeaks, organizationProcedures, type Victim } from "~/test/tenant-isolation";
import { createTRPCRouter, organizationProcedure } from "./init";
import { appRouter } from "./root";

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
  await createStore(t.db, a.organizationId);

  const owner = await createMemberOf(t.db, "owner");
  const operator = await createMemberOf(t.db, "operator", owner.organizationId);
  const invitation = await createInvitation(
    t.db,
    { userId: owner.user.id, organizationId: owner.organizationId, role: "owner" },
    { role: "admin", email: "victim-invitee@example.com" },
  );
  const amazon = await createStore(t.db, owner.organizationId);
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
    ],
    markers: [
      owner.user.email,
      operator.user.email,
      "victim-invitee@example.com",
      amazon.store.sellingPartnerId,
      amazon.adProfile.profileId,
      amazon.adProfile.accountName,
    ],
    userIds: [owner.user.id, operator.user.id],
  };
});
afterAll(async () => t.drop());

it("every organization-scoped procedure refuses or finds nothing of another organization", async () => {
  const { probed, findings } = await findTenantLeaks({ t, router: appRouter, attacker, victim });
  // Enumerated from the router: procedures added later are probed without editing this test.
  expect(probed).toEqual(organizationProcedures(appRouter));
  expect(probed).toEqual(
    expect.arrayContaining(["team.members", "team.invite", "amazon.authorizations", "amazon.disconnectStore", "amazon.connectAdProfiles"]),
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
  expect(findings.map((f) => f.path)).toEqual(expect.arrayContaining(["allMembers", "*"]));
});
