import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import type { Database } from "~/db/client";
import { isSessionCurrent, revokeSessionsOf } from "~/server/accounts/sessions";
import { checkCredentials } from "~/server/accounts/sign-in";
import { clientAddress } from "./client-address";
import { logUnexpectedError } from "~/server/http/unexpected-error";

declare module "next-auth" {
  interface User {
    /** Set by `authorize`; copied into the token, which is refused once the user's version moves on. */
    sessionVersion?: number;
  }
}

/** Codes reach the sign-in form (they travel in a URL, so they say nothing an attacker could use). */
class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}
class SignInLocked extends CredentialsSignin {
  override code = "locked";
}
class AddressLocked extends CredentialsSignin {
  override code = "address_locked";
}

// Upper bounds keep a guess from costing more than a normal sign-in (scrypt reads the whole password).
const credentials = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1000) });

/** The Auth.js configuration over a database (the app's, or a test's). */
export function authConfig(db: Database): NextAuthConfig {
  return {
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) throw new InvalidCredentials();
          const result = await checkCredentials(db, parsed.data.email, parsed.data.password, {
            address: clientAddress(request.headers),
          });
          if (result.ok) return result.user;
          if (result.reason === "address_locked") throw new AddressLocked();
          throw result.reason === "locked" ? new SignInLocked() : new InvalidCredentials();
        },
      }),
    ],
    callbacks: {
      // Runs at sign-in (with `user`) and on every `auth()`: a token whose version is no longer the
      // user's is dropped, so `auth()` answers "signed out" for it (and clears it where it can).
      async jwt({ token, user }) {
        if (user) {
          token.sessionVersion = user.sessionVersion;
          return token;
        }
        return (await isSessionCurrent(db, token.sub, token.sessionVersion)) ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      // Covers Auth.js's own sign-out endpoint; the app's sign-out action revokes before it gets here.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (typeof token?.sub === "string" && typeof token.sessionVersion === "number")
          await revokeSessionsOf(db, token.sub, token.sessionVersion);
      },
    },
    logger: {
      // Auth.js logs a stack for every wrong password; those are expected, not server errors.
      error(error) {
        const wrapped = (error as { cause?: { err?: unknown } }).cause?.err;
        if (error instanceof CredentialsSignin || wrapped instanceof CredentialsSignin) return;
        logUnexpectedError(`auth ${(error as { type?: string }).type ?? error.name}`, error);
      },
    },
  };
}
