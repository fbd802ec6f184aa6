import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "~/db/client";
import { invitations, memberships, organizations, users } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import type { Role } from "./roles";
import type { Actor } from "./team";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createInvitation(
  db: Database,
  actor: Actor,
  input: { role: Role; email?: string | undefined },
  now = new Date(),
) {
  if (input.role === "owner" && actor.role !== "owner")
    throw new UserFacingError("forbidden", "Only an owner can invite another owner.");
  // The token itself is shown once, in the link; only its hash is stored.
  const token = randomBytes(24).toString("base64url");
  const [row] = await db
    .insert(invitations)
    .values({
      organizationId: actor.organizationId,
      email: input.email?.trim().toLowerCase() || null,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: actor.userId,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    })
    .returning({ id: invitations.id, role: invitations.role, email: invitations.email, expiresAt: invitations.expiresAt });
  return { ...row!, token };
}

export async function listPendingInvitations(db: Database, organizationId: string, now = new Date()) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(db: Database, actor: Actor, invitationId: string) {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.organizationId, actor.organizationId),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (!row) throw new UserFacingError("not_found", "No pending invitation with that id in this organization.");
  return row;
}

type InvitationState = "valid" | "expired" | "revoked" | "accepted";

async function findByToken(db: Pick<Database, "select">, token: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      role: invitations.role,
      email: invitations.email,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  return row;
}

function stateOf(row: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }, now: Date): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

/** What an invitation link shows before sign-in: the organization and the role, nothing else. */
export async function previewInvitation(db: Database, token: string, now = new Date()) {
  const row = await findByToken(db, token);
  if (!row) return null;
  return { organizationName: row.organizationName, role: row.role, expiresAt: row.expiresAt, state: stateOf(row, now) };
}

const STATE_MESSAGES: Record<Exclude<InvitationState, "valid">, string> = {
  expired: "This invitation has expired. Ask for a new link.",
  revoked: "This invitation was withdrawn. Ask for a new link.",
  accepted: "This invitation has already been used.",
};

export async function acceptInvitation(db: Database, userId: string, token: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const row = await findByToken(tx, token);
    if (!row) throw new UserFacingError("not_found", "This invitation link is not valid.");
    const state = stateOf(row, now);
    if (state !== "valid") throw new UserFacingError(state, STATE_MESSAGES[state]);
    if (row.email) {
      const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
      if (user?.email !== row.email)
        throw new UserFacingError("wrong_account", `This invitation is for ${row.email}. Sign in with that account.`);
    }
    // Single use: the conditional update wins once even when two tabs accept at the same moment.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (!claimed) throw new UserFacingError("accepted", STATE_MESSAGES.accepted);
    await tx
      .insert(memberships)
      .values({ organizationId: row.organizationId, userId, role: row.role })
      .onConflictDoNothing();
    return { organizationId: row.organizationId, organizationName: row.organizationName };
  });
}
