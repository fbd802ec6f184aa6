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
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  await db
    .insert(signInThrottles)
    .values({ email, failedCount: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.email,
      set: {
        failedCount: sql`case when ${signInThrottles.windowStartedAt} < ${windowStart} then 1 else ${signInThrottles.failedCount} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottles.windowStartedAt} < ${windowStart} then ${now} else ${signInThrottles.windowStartedAt} end`,
        lockedUntil: sql`case when ${signInThrottles.windowStartedAt} >= ${windowStart} and ${signInThrottles.failedCount} + 1 >= ${MAX_FAILED_SIGN_INS} then ${lockUntil} else ${signInThrottles.lockedUntil} end`,
      },
    });
}

export async function clearFailedSignIns(db: Database, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.email, email));
}
