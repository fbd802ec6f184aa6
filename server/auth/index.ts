import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "~/db/client";
import { checkCredentials } from "~/server/accounts/sign-in";

/** Codes reach the sign-in form (they travel in a URL, so they say nothing an attacker could use). */
class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}
class SignInLocked extends CredentialsSignin {
  override code = "locked";
}

const credentials = z.object({ email: z.string().min(1), password: z.string().min(1) });

export const { auth, handlers, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await checkCredentials(db, parsed.data.email, parsed.data.password);
        if (result.ok) return result.user;
        throw result.reason === "locked" ? new SignInLocked() : new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // Auth.js logs a stack for every wrong password; those are expected, not server errors.
    error(error) {
      const wrapped = (error as { cause?: { err?: unknown } }).cause?.err;
      if (error instanceof CredentialsSignin || wrapped instanceof CredentialsSignin) return;
      console.error("[auth]", (error as { type?: string }).type ?? error.name, error.message);
    },
  },
});
