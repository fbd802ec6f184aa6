import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { addMember, createMemberOf, createUser } from "~/test/factories";
import { acceptInvitation, createInvitation, INVITATION_LIFETIME_MS, previewInvitation, revokeInvitation } from "./invitations";
import { resolveActiveMembership } from "./membership";
import { hasRole } from "./roles";
import { changeMemberRole, listMembers, removeMember } from "./team";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const actorOf = (m: { organizationId: string; user: { id: string } }, role: "owner" | "admin" | "operator" | "viewer") => ({
  organizationId: m.organizationId,
  userId: m.user.id,
  role,
});

it("orders roles viewer < operator < admin < owner", () => {
  expect(hasRole("owner", "admin")).toBe(true);
  expect(hasRole("admin", "admin")).toBe(true);
  expect(hasRole("operator", "admin")).toBe(false);
  expect(hasRole("viewer", "operator")).toBe(false);
});

describe("active organization", () => {
  it("honours the requested organization only when the user belongs to it", async () => {
    const a = await createMemberOf(t.db, "owner");
    const b = await createMemberOf(t.db, "owner");
    await addMember(t.db, b.organizationId, a.user.id, "viewer");
    expect((await resolveActiveMembership(t.db, a.user.id, b.organizationId))?.organizationId).toBe(b.organizationId);
    expect((await resolveActiveMembership(t.db, a.user.id, undefined))?.organizationId).toBe(a.organizationId);
    // A stranger naming A's organization falls back to their own.
    expect((await resolveActiveMembership(t.db, b.user.id, a.organizationId))?.organizationId).toBe(b.organizationId);
    expect((await resolveActiveMembership(t.db, b.user.id, "not-a-uuid"))?.organizationId).toBe(b.organizationId);
  });
});

describe("invitations", () => {
  it("adds the invitee with the invited role, once", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const invitee = await createUser(t.db);
    const { token } = await createInvitation(t.db, actorOf(owner, "owner"), { role: "operator" });
    expect(await previewInvitation(t.db, token)).toMatchObject({ role: "operator", state: "valid" });

    await acceptInvitation(t.db, invitee.id, token);
    const members = await listMembers(t.db, owner.organizationId);
    expect(members.find((m) => m.userId === invitee.id)?.role).toBe("operator");

    const other = await createUser(t.db);
    await expect(acceptInvitation(t.db, other.id, token)).rejects.toMatchObject({ code: "accepted" });
  });

  it("expires after its lifetime", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const invitee = await createUser(t.db);
    const issued = new Date(Date.now() - INVITATION_LIFETIME_MS - 1000);
    const { token } = await createInvitation(t.db, actorOf(owner, "owner"), { role: "viewer" }, issued);
    expect(await previewInvitation(t.db, token)).toMatchObject({ state: "expired" });
    await expect(acceptInvitation(t.db, invitee.id, token)).rejects.toMatchObject({ code: "expired" });
  });

  it("can be withdrawn, and only by its own organization", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const stranger = await createMemberOf(t.db, "owner");
    const { id, token } = await createInvitation(t.db, actorOf(owner, "owner"), { role: "viewer" });
    await expect(revokeInvitation(t.db, actorOf(stranger, "owner"), id)).rejects.toMatchObject({ code: "not_found" });
    await revokeInvitation(t.db, actorOf(owner, "owner"), id);
    await expect(acceptInvitation(t.db, (await createUser(t.db)).id, token)).rejects.toMatchObject({ code: "revoked" });
  });

  it("addressed to an email, refuses another account", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const { token } = await createInvitation(t.db, actorOf(owner, "owner"), { role: "viewer", email: "Someone@Example.com" });
    const wrong = await createUser(t.db);
    await expect(acceptInvitation(t.db, wrong.id, token)).rejects.toMatchObject({ code: "wrong_account" });
    const right = await createUser(t.db, { email: "someone@example.com" });
    await expect(acceptInvitation(t.db, right.id, token)).resolves.toMatchObject({ organizationId: owner.organizationId });
  });

  it("lets only owners invite owners", async () => {
    const admin = await createMemberOf(t.db, "admin");
    await expect(createInvitation(t.db, actorOf(admin, "admin"), { role: "owner" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("cannot be accepted twice at the same moment", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const { token } = await createInvitation(t.db, actorOf(owner, "owner"), { role: "viewer" });
    const [x, y] = [await createUser(t.db), await createUser(t.db)];
    const results = await Promise.allSettled([acceptInvitation(t.db, x.id, token), acceptInvitation(t.db, y.id, token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("members", () => {
  it("keeps at least one owner", async () => {
    const owner = await createMemberOf(t.db, "owner");
    await expect(changeMemberRole(t.db, actorOf(owner, "owner"), owner.user.id, "admin")).rejects.toMatchObject({
      code: "last_owner",
    });
    await expect(removeMember(t.db, actorOf(owner, "owner"), owner.user.id)).rejects.toMatchObject({ code: "last_owner" });
  });

  it("lets admins manage non-owners but not owners", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const admin = await createMemberOf(t.db, "admin", owner.organizationId);
    const viewer = await createMemberOf(t.db, "viewer", owner.organizationId);
    await changeMemberRole(t.db, actorOf(admin, "admin"), viewer.user.id, "operator");
    await expect(changeMemberRole(t.db, actorOf(admin, "admin"), viewer.user.id, "owner")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(removeMember(t.db, actorOf(admin, "admin"), owner.user.id)).rejects.toMatchObject({ code: "forbidden" });
    await removeMember(t.db, actorOf(admin, "admin"), viewer.user.id);
    expect((await listMembers(t.db, owner.organizationId)).map((m) => m.userId).sort()).toEqual(
      [owner.user.id, admin.user.id].sort(),
    );
  });

  it("refuses to change someone outside the organization", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const outsider = await createMemberOf(t.db, "viewer");
    await expect(changeMemberRole(t.db, actorOf(owner, "owner"), outsider.user.id, "admin")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
