"use client";

import { useActionState } from "react";
import { FormError } from "~/app/_components/form-error";
import { signUpAction, type FormState } from "../actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  // Invited users join an existing organization, so the company field is only for fresh sign-ups.
  const invited = callbackUrl.startsWith("/invite/");
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label className="label" htmlFor="name">Your name</label>
        <input className="input" id="name" name="name" autoComplete="name" required maxLength={100} defaultValue={state.values?.name} />
      </div>
      {!invited && (
        <div>
          <label className="label" htmlFor="organizationName">Company</label>
          <input className="input" id="organizationName" name="organizationName" maxLength={100} placeholder="Optional" defaultValue={state.values?.organizationName} />
        </div>
      )}
      <div>
        <label className="label" htmlFor="email">Work email</label>
        <input className="input" id="email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} />
      </div>
      <div>
        <label className="label" htmlFor="password">Password</label>
        <input className="input" id="password" name="password" type="password" autoComplete="new-password" required />
        <p className="mt-1 text-xs text-slate-500">At least 10 characters, mixing letters with numbers or symbols.</p>
      </div>
      <FormError message={state.error} />
      <button className="btn-primary w-full py-1.5" type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
