import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { callerFor, createMemberOf } from "~/test/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("organization-scoped procedures", () => {
  it("refuse anonymous callers", async () => {
    await expect(callerFor(t.db, null).team.members()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("check the role on the server", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const viewer = await createMemberOf(t.db, "viewer", owner.organizationId);
    const operator = await createMemberOf(t.db, "operator", owner.organizationId);
    await expect(viewer.caller.team.invite({ role: "viewer" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(operator.caller.team.invite({ role: "viewer" })).rejects.toThrow(/needs the admin role/);
    await expect(viewer.caller.organization.rename({ name: "Mine now" })).rejects.toBeInstanceOf(TRPCError);
    expect(await viewer.caller.team.members()).toHaveLength(3);
    await expect(operator.caller.amazon.startStoreAuthorization({ region: "na" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.caller.amazon.startAdsAuthorization({ region: "eu" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const invitation = await owner.caller.team.invite({ role: "viewer", email: "" });
    expect(invitation.token.length).toBeGreaterThan(20);
  });

  it("map domain refusals to HTTP meanings", async () => {
    const owner = await createMemberOf(t.db, "owner");
    await expect(owner.caller.team.changeRole({ userId: owner.user.id, role: "viewer" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/at least one owner/),
    });
    await expect(
      owner.caller.team.revokeInvitation({ invitationId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("act in the organization the user switched to, when they belong to it", async () => {
    const a = await createMemberOf(t.db, "owner");
    const b = await createMemberOf(t.db, "owner");
    await createMemberOf(t.db, "viewer", b.organizationId).then(async () => {
      const { addMember } = await import("~/test/factories");
      await addMember(t.db, b.organizationId, a.user.id, "viewer");
    });
    expect((await callerFor(t.db, a.user.id, b.organizationId).organization.current()).id).toBe(b.organizationId);
    expect((await callerFor(t.db, a.user.id).organization.current()).id).toBe(a.organizationId);
    expect((await callerFor(t.db, a.user.id).organization.mine()).map((m) => m.organizationId).sort()).toEqual(
      [a.organizationId, b.organizationId].sort(),
    );
  });
});
