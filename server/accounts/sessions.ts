import { and, eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { users } from "~/db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a session token's claims still stand: its user exists and it carries the user's current
 * session version. Tokens from before versions existed carry none and are refused.
 */
export async function isSessionCurrent(db: Database, userId: unknown, sessionVersion: unknown): Promise<boolean> {
  if (typeof userId !== "string" || !UUID.test(userId) || typeof sessionVersion !== "number") return false;
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.sessionVersion === sessionVersion;
}

/** Ends every session of the user: tokens issued before this call are refused from now on. */
export async function revokeSessions(db: Pick<Database, "update">, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/**
 * Ends the sessions issued under `sessionVersion` (a sign-out's token), unless they have already
 * ended: a token that no longer counts cannot sign out sessions issued after it.
 */
export async function revokeSessionsOf(db: Database, userId: string, sessionVersion: number): Promise<void> {
  if (!UUID.test(userId)) return;
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)));
}
