import { eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { users } from "~/db/schema";
import { verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn, signInLockedUntil } from "./throttle";

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "locked"; lockedUntil?: Date };

// Verifying against a real hash when the email is unknown keeps response times alike, so timing does
// not reveal which emails have accounts.
const DUMMY_HASH =
  "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export async function checkCredentials(db: Database, rawEmail: string, password: string): Promise<CredentialCheck> {
  const email = rawEmail.trim().toLowerCase();
  const lockedUntil = await signInLockedUntil(db, email);
  if (lockedUntil) return { ok: false, reason: "locked", lockedUntil };

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    await recordFailedSignIn(db, email);
    const nowLocked = await signInLockedUntil(db, email);
    return nowLocked ? { ok: false, reason: "locked", lockedUntil: nowLocked } : { ok: false, reason: "invalid" };
  }
  await clearFailedSignIns(db, email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
