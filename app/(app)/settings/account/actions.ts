"use server";

import { TRPCError } from "@trpc/server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { UserFacingError } from "~/server/accounts/errors";
import { signIn } from "~/server/auth";
import { createRequestContext } from "~/server/trpc/context";
import { createCaller } from "~/server/trpc/root";

export type PasswordField = "currentPassword" | "newPassword" | "confirmPassword";

export interface PasswordFormState {
  error?: string;
  field?: PasswordField;
  done?: boolean;
}

const FIELD_OF_ERROR: Record<string, PasswordField> = {
  wrong_password: "currentPassword",
  locked: "currentPassword",
  weak_password: "newPassword",
  same_password: "newPassword",
  password_mismatch: "confirmPassword",
};

const SIGN_IN_AGAIN = `/sign-in?notice=password_changed&callbackUrl=${encodeURIComponent("/settings/account")}`;

/**
 * Changes the password through `account.changePassword`, which ends every session of the user, this
 * one included; then signs this browser in again with the new password, so the user stays signed in
 * here while every other session is over. Should that sign-in fail, the user is sent to sign in.
 */
export async function changePasswordAction(_prev: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const input = {
    currentPassword: String(form.get("currentPassword") ?? ""),
    newPassword: String(form.get("newPassword") ?? ""),
    confirmPassword: String(form.get("confirmPassword") ?? ""),
  };
  const caller = createCaller(await createRequestContext(new Headers(await headers())));
  let email: string;
  try {
    ({ email } = await caller.account.changePassword(input));
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "UNAUTHORIZED") redirect(`/sign-in?callbackUrl=${encodeURIComponent("/settings/account")}`);
    if (error.cause instanceof UserFacingError) {
      const field = FIELD_OF_ERROR[error.cause.code];
      return field ? { error: error.message, field } : { error: error.message };
    }
    // Only the input's length limits are left to refuse it.
    if (error.code === "BAD_REQUEST") return { error: "Passwords are at most 1000 characters." };
    throw error;
  }

  try {
    await signIn("credentials", { email, password: input.newPassword, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) redirect(SIGN_IN_AGAIN);
    throw error;
  }
  return { done: true };
}
