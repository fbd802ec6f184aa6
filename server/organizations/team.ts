import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { memberships, organizations, users } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { revokeSessions } from "~/server/accounts/sessions";
import { hasRole, type Role } from "./roles";

export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
}

export async function listMembers(db: Database, organizationId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(memberships.createdAt));
}

export async function renameOrganization(db: Database, actor: Actor, name: string) {
  const [row] = await db
    .update(organizations)
    .set({ name })
    .where(eq(organizations.id, actor.organizationId))
    .returning({ id: organizations.id, name: organizations.name });
  return row!;
}

async function ownerCount(db: Pick<Database, "select">, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

/** Only owners grant or take away ownership; the last owner stays an owner. */
function assertMayManage(actor: Actor, targetRole: Role, newRole?: Role) {
  if ((targetRole === "owner" || newRole === "owner") && actor.role !== "owner")
    throw new UserFacingError("forbidden", "Only an owner can change who owns the organization.");
}

export async function changeMemberRole(db: Database, actor: Actor, userId: string, role: Role) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.userId, userId)))
      .for("update");
    if (!target) throw new UserFacingError("not_found", "That person is not a member of this organization.");
    assertMayManage(actor, target.role, role);
    if (target.role === "owner" && role !== "owner" && (await ownerCount(tx, actor.organizationId)) <= 1)
      throw new UserFacingError("last_owner", "The organization needs at least one owner. Name another owner first.");
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.userId, userId)));
    return { userId, role };
  });
}

export async function removeMember(db: Database, actor: Actor, userId: string) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.userId, userId)))
      .for("update");
    if (!target) throw new UserFacingError("not_found", "That person is not a member of this organization.");
    if (userId !== actor.userId) assertMayManage(actor, target.role);
    if (target.role === "owner" && (await ownerCount(tx, actor.organizationId)) <= 1)
      throw new UserFacingError("last_owner", "The last owner cannot leave. Name another owner first.");
    if (userId !== actor.userId && !hasRole(actor.role, "admin"))
      throw new UserFacingError("forbidden", "Only owners and admins can remove members.");
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.userId, userId)));
    // Someone removed them: end their sessions too, so nothing they had open keeps running as them.
    // Leaving on one's own is not a reason to be signed out.
    if (userId !== actor.userId) await revokeSessions(tx, userId);
    return { userId };
  });
}
