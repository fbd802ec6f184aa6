"use server";

import { AuthError } from "next-auth";
import { ZodError } from "zod";
import { db } from "~/db/client";
import { UserFacingError } from "~/server/accounts/errors";
import { revokeSessions } from "~/server/accounts/sessions";
import { signUp } from "~/server/accounts/sign-up";
import { auth, signIn, signOut } from "~/server/auth";
import { safeRedirectPath } from "~/app/_components/safe-redirect";

export interface FormState {
  error?: string;
  field?: "email" | "password" | "name";
  /** What the user typed (never the password), so a refused form keeps it. */
  values?: { name?: string; email?: string; organizationName?: string };
}

const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid_credentials: "Wrong email or password.",
  locked: "Too many failed attempts. Sign-in for this email is paused for 15 minutes.",
  address_locked: "Too many failed sign-ins from your network. Try again in 15 minutes.",
};

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: safeRedirectPath(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    // A successful signIn throws Next's redirect; only Auth.js failures are ours to report.
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "invalid_credentials";
      return {
        error: SIGN_IN_MESSAGES[code] ?? SIGN_IN_MESSAGES.invalid_credentials,
        field: "password",
        values: { email: String(form.get("email") ?? "") },
      };
    }
    throw error;
  }
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    organizationName: String(form.get("organizationName") ?? ""),
  };
  const password = String(form.get("password") ?? "");
  try {
    await signUp(db, { ...values, password, organizationName: values.organizationName || undefined });
  } catch (error) {
    if (error instanceof UserFacingError)
      return { error: error.message, field: error.code === "email_taken" ? "email" : "password", values };
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      return { error: issue?.message ?? "Check the form.", field: issue?.path[0] === "name" ? "name" : "email", values };
    }
    throw error;
  }
  const email = values.email;
  await signIn("credentials", { email, password, redirectTo: safeRedirectPath(form.get("callbackUrl")) });
  return {};
}

/**
 * Signs the user out everywhere: clearing this browser's cookie alone would leave any copy of the
 * token valid until it expires. The revocation happens first, so if it fails the user is not told
 * they are signed out.
 */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.user?.id) await revokeSessions(db, session.user.id);
  await signOut({ redirectTo: "/sign-in" });
}
