import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { signInThrottles } from "~/db/schema";

/** After this many failures within the window, sign-in is refused until the lock expires. */
export const MAX_FAILED_SIGN_INS = 5;
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;

export async function signInLockedUntil(db: Database, email: string, now = new Date()): Promise<Date | null> {
  const [row] = await db.select().from(signInThrottles).where(eq(signInThrottles.email, email));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failure atomically (concurrent guesses cannot slip past the limit). */
export async function recordFailedSignIn(db: Database, email: string, now = new Date()): Promise<void> {
  // Raw SQL fragments take ISO strings: postgres.js binds Date objects only through Drizzle's columns.
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + LOCK_MS).toISOString()}::timestamptz`;
  await db
    .insert(signInThrottles)
    .values({ email, failedCount: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.email,
      set: {
        failedCount: sql`case when ${signInThrottles.windowStartedAt} < ${windowStart} then 1 else ${signInThrottles.failedCount} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottles.windowStartedAt} < ${windowStart} then ${at} else ${signInThrottles.windowStartedAt} end`,
        lockedUntil: sql`case when ${signInThrottles.windowStartedAt} >= ${windowStart} and ${signInThrottles.failedCount} + 1 >= ${MAX_FAILED_SIGN_INS} then ${lockUntil} else ${signInThrottles.lockedUntil} end`,
      },
    });
}

export async function clearFailedSignIns(db: Database, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.email, email));
}
