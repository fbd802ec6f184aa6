import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "~/db/client";
import { oauthStates } from "~/db/schema";
import { resolveActiveMembership } from "~/server/organizations/membership";
import { hasRole } from "~/server/organizations/roles";
import type { Region } from "../endpoints";
import type { GrantKind } from "../lwa";
import { AuthorizationError } from "./errors";

/** Amazon's codes live 5 minutes; a seller may take a while on the consent page before that. */
export const STATE_LIFETIME_MS = 15 * 60 * 1000;

/**
 * Expired states are kept this long before pruning, so a seller who comes back late from Amazon still
 * reads "expired" (or "already completed") instead of "not valid".
 */
export const STATE_RETENTION_AFTER_EXPIRY_MS = 24 * 60 * 60 * 1000;

const hash = (state: string) => createHash("sha256").update(state).digest("hex");

export async function issueState(
  db: Database,
  args: { organizationId: string; userId: string; kind: GrantKind; region: Region },
  now = new Date(),
): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  await db.insert(oauthStates).values({ ...args, stateHash: hash(state), expiresAt: new Date(now.getTime() + STATE_LIFETIME_MS) });
  return state;
}

/**
 * Checks a returning `state` and burns it: it must exist, be unused and unexpired, be of this kind, belong
 * to the signed-in user, who must still be an admin of the organization that started it.
 */
export async function consumeState(
  db: Database,
  args: { state: string | null; userId: string; kind: GrantKind },
  now = new Date(),
) {
  if (!args.state || args.state.length > 200) throw new AuthorizationError("state_invalid");
  const [row] = await db.select().from(oauthStates).where(eq(oauthStates.stateHash, hash(args.state)));
  if (!row || row.kind !== args.kind) throw new AuthorizationError("state_invalid");
  if (row.userId !== args.userId) throw new AuthorizationError("wrong_user");
  if (row.usedAt) throw new AuthorizationError("state_used");
  if (row.expiresAt <= now) throw new AuthorizationError("state_expired");
  const [claimed] = await db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(and(eq(oauthStates.stateHash, row.stateHash), isNull(oauthStates.usedAt)))
    .returning();
  if (!claimed) throw new AuthorizationError("state_used");
  const membership = await resolveActiveMembership(db, args.userId, row.organizationId);
  if (membership?.organizationId !== row.organizationId || !hasRole(membership.role, "admin"))
    throw new AuthorizationError("forbidden");
  return { organizationId: row.organizationId, region: row.region as Region };
}

/** Deletes states (used or not) that expired more than STATE_RETENTION_AFTER_EXPIRY_MS ago; returns how many. */
export async function pruneExpiredStates(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STATE_RETENTION_AFTER_EXPIRY_MS);
  const deleted = await db.delete(oauthStates).where(lt(oauthStates.expiresAt, cutoff)).returning({ stateHash: oauthStates.stateHash });
  return deleted.length;
}
