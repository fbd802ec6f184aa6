"use client";

import { useActionState } from "react";
import { FormError } from "~/app/_components/form-error";
import { changePasswordAction, type PasswordField, type PasswordFormState } from "./actions";

const FIELDS: { name: PasswordField; label: string; autoComplete: string; hint?: string }[] = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  {
    name: "newPassword",
    label: "New password",
    autoComplete: "new-password",
    hint: "At least 10 characters, mixing letters with numbers or symbols.",
  },
  { name: "confirmPassword", label: "Confirm new password", autoComplete: "new-password" },
];

export function PasswordForm() {
  const [state, action, pending] = useActionState<PasswordFormState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="space-y-3">
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label className="label" htmlFor={f.name}>{f.label}</label>
          <input
            className="input"
            id={f.name}
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            required
            aria-invalid={state.field === f.name || undefined}
          />
          {f.hint && <p className="mt-1 text-xs text-slate-500">{f.hint}</p>}
        </div>
      ))}
      <FormError message={state.error} />
      {state.done && (
        <p data-testid="password-changed" role="status" className="rounded border border-green-200 bg-green-50 px-2 py-1.5 text-green-800">
          Password changed. Every other browser and device was signed out; you are still signed in here.
        </p>
      )}
      <button className="btn-primary" type="submit" disabled={pending}>
        {pending ? "Changing password…" : "Change password"}
      </button>
    </form>
  );
}
