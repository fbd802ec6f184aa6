import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "~/db/client";
import { users } from "~/db/schema";
import { UserFacingError } from "./errors";
import { hashPassword, passwordWeakness, verifyPassword } from "./password";
import { beginEmailAttempt, clearEmailAttempts, MAX_FAILED_SIGN_INS } from "./throttle";

export const changePasswordInput = z.object({
  currentPassword: z.string().max(1000),
  newPassword: z.string().max(1000),
  confirmPassword: z.string().max(1000),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

const LOCKED = "Too many wrong passwords. Password changes and sign-in for this account are paused for 15 minutes.";

/**
 * Replaces the user's password once their current one is confirmed, and ends every session they have
 * (this one too: the caller signs in anew if the browser is to stay signed in). Wrong current passwords
 * count against the same per-email limit as sign-in, so a stolen session cannot guess it either.
 */
export async function changePassword(
  db: Database,
  userId: string,
  input: ChangePasswordInput,
  now = new Date(),
): Promise<{ email: string }> {
  if (!input.currentPassword) throw new UserFacingError("wrong_password", "Enter your current password.");
  const weakness = passwordWeakness(input.newPassword);
  if (weakness) throw new UserFacingError("weak_password", `That password is too weak. ${weakness}`);
  if (input.newPassword !== input.confirmPassword)
    throw new UserFacingError("password_mismatch", "The new password and its confirmation differ.");
  if (input.newPassword === input.currentPassword)
    throw new UserFacingError("same_password", "Choose a new password that differs from the current one.");

  const [user] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new UserFacingError("not_found", "Your account no longer exists.");

  const attempt = await beginEmailAttempt(db, user.email, now);
  if (!attempt.allowed) throw new UserFacingError("locked", LOCKED);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
    throw new UserFacingError(
      attempt.count >= MAX_FAILED_SIGN_INS ? "locked" : "wrong_password",
      attempt.count >= MAX_FAILED_SIGN_INS ? LOCKED : "Your current password is not correct.",
    );

  const passwordHash = await hashPassword(input.newPassword);
  // Only over the hash just verified: of two concurrent changes, the second must re-confirm.
  const changed = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.passwordHash, user.passwordHash)))
    .returning({ id: users.id });
  if (changed.length === 0)
    throw new UserFacingError("conflict", "Your password was changed elsewhere in the meantime. Reload and try again.");
  await clearEmailAttempts(db, user.email);
  return { email: user.email };
}
