import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { signInAddressThrottles, signInThrottles } from "~/db/schema";

/** Attempts allowed per email within the window; the last allowed one locks the email if it fails. */
export const MAX_FAILED_SIGN_INS = 5;
/** Attempts allowed per client address within the window, across all emails. */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 20;
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;

export interface Attempt {
  /** False when the limit is reached: refuse without checking the password. */
  allowed: boolean;
  /** This attempt's place in the window; the limit-th attempt locks the bucket should it fail. */
  count: number;
  lockedUntil: Date | null;
}

type ThrottleTable = typeof signInThrottles | typeof signInAddressThrottles;

// Raw SQL fragments take ISO strings: postgres.js binds Date objects only through Drizzle's columns.
const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/**
 * The ON CONFLICT update that counts one attempt. Every expression reads the row as it was, and the
 * conflicting row stays locked until the statement ends, so concurrent attempts get distinct counts:
 * only the first `limit` of them may go on to the (slow) password check.
 */
function countAttempt(table: ThrottleTable, limit: number, now: Date) {
  const windowStart = instant(new Date(now.getTime() - WINDOW_MS));
  const lockUntil = instant(new Date(now.getTime() + LOCK_MS));
  // A lock that has run out, or a window without a lock that has passed, starts the count afresh.
  const fresh = sql`((${table.lockedUntil} is not null and ${table.lockedUntil} <= ${instant(now)})
    or (${table.lockedUntil} is null and ${table.windowStartedAt} < ${windowStart}))`;
  return {
    failedCount: sql`case when ${fresh} then 1 else ${table.failedCount} + 1 end`,
    windowStartedAt: sql`case when ${fresh} then ${instant(now)} else ${table.windowStartedAt} end`,
    lockedUntil: sql`case when ${fresh} then null
      when ${table.lockedUntil} is null and ${table.failedCount} + 1 >= ${limit} then ${lockUntil}
      else ${table.lockedUntil} end`,
  };
}

function attempt(row: { failedCount: number; lockedUntil: Date | null } | undefined, limit: number): Attempt {
  if (!row) throw new Error("The throttle upsert returned no row.");
  return { allowed: row.failedCount <= limit, count: row.failedCount, lockedUntil: row.lockedUntil };
}

/** Counts a sign-in attempt for an email before its password is checked. */
export async function beginEmailAttempt(db: Database, email: string, now = new Date()): Promise<Attempt> {
  const rows = await db
    .insert(signInThrottles)
    .values({ email, failedCount: 1, windowStartedAt: now })
    .onConflictDoUpdate({ target: signInThrottles.email, set: countAttempt(signInThrottles, MAX_FAILED_SIGN_INS, now) })
    .returning({ failedCount: signInThrottles.failedCount, lockedUntil: signInThrottles.lockedUntil });
  return attempt(rows[0], MAX_FAILED_SIGN_INS);
}

/** Counts a sign-in attempt from a client address before the password is checked. */
export async function beginAddressAttempt(db: Database, address: string, now = new Date()): Promise<Attempt> {
  const rows = await db
    .insert(signInAddressThrottles)
    .values({ address, failedCount: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInAddressThrottles.address,
      set: countAttempt(signInAddressThrottles, MAX_FAILED_SIGN_INS_PER_ADDRESS, now),
    })
    .returning({ failedCount: signInAddressThrottles.failedCount, lockedUntil: signInAddressThrottles.lockedUntil });
  return attempt(rows[0], MAX_FAILED_SIGN_INS_PER_ADDRESS);
}

/** The right password for this email: its earlier failures are forgiven. */
export async function clearEmailAttempts(db: Database, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.email, email));
}

/**
 * A success from an address gives back only its own attempt: clearing the whole count would let an
 * attacker reset their budget by signing in to an account of their own between guesses.
 */
export async function giveBackAddressAttempt(db: Database, address: string): Promise<void> {
  const t = signInAddressThrottles;
  await db
    .update(t)
    .set({
      failedCount: sql`greatest(${t.failedCount} - 1, 0)`,
      lockedUntil: sql`case when ${t.failedCount} - 1 < ${MAX_FAILED_SIGN_INS_PER_ADDRESS} then null else ${t.lockedUntil} end`,
    })
    .where(eq(t.address, address));
}
