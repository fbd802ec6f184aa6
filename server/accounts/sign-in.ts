import { eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { users } from "~/db/schema";
import { verifyPassword } from "./password";
import {
  beginAddressAttempt,
  beginEmailAttempt,
  clearEmailAttempts,
  giveBackAddressAttempt,
  MAX_FAILED_SIGN_INS,
} from "./throttle";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  /** The session version a token issued now must carry (see `users.sessionVersion`). */
  sessionVersion: number;
}

export type CredentialCheck =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "locked" | "address_locked"; lockedUntil?: Date };

export interface SignInOrigin {
  /** The client's address key (`clientAddress`), or null when unknown: then only the email is limited. */
  address?: string | null;
  now?: Date;
}

// Verifying against a real hash when the email is unknown keeps response times alike, so timing does
// not reveal which emails have accounts.
const DUMMY_HASH =
  "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * Checks an email and password. The attempt is counted before the password is hashed, in one atomic
 * statement per limit, so concurrent guesses beyond the limit are refused without reaching scrypt.
 */
export async function checkCredentials(
  db: Database,
  rawEmail: string,
  password: string,
  { address = null, now = new Date() }: SignInOrigin = {},
): Promise<CredentialCheck> {
  const email = rawEmail.trim().toLowerCase();
  if (address) {
    const fromAddress = await beginAddressAttempt(db, address, now);
    if (!fromAddress.allowed) return locked("address_locked", fromAddress.lockedUntil);
  }
  const forEmail = await beginEmailAttempt(db, email, now);
  if (!forEmail.allowed) return locked("locked", forEmail.lockedUntil);

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid)
    return forEmail.count >= MAX_FAILED_SIGN_INS ? locked("locked", forEmail.lockedUntil) : { ok: false, reason: "invalid" };

  await clearEmailAttempts(db, email);
  if (address) await giveBackAddressAttempt(db, address);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

function locked(reason: "locked" | "address_locked", lockedUntil: Date | null): CredentialCheck {
  return lockedUntil ? { ok: false, reason, lockedUntil } : { ok: false, reason };
}
