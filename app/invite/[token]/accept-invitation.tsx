"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "~/app/(app)/actions";
import { FormError } from "~/app/_components/form-error";

export function AcceptInvitation({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(
    async (_prev: { error?: string }, form: FormData): Promise<{ error?: string }> =>
      (await acceptInvitationAction(form)) ?? {},
    {},
  );
  return (
    <form action={action} className="mt-4 space-y-2">
      <input type="hidden" name="token" value={token} />
      <p className="text-xs text-slate-500">Signed in as {email}.</p>
      <FormError message={state.error} />
      <button className="btn-primary" type="submit" disabled={pending}>
        Accept invitation
      </button>
    </form>
  );
}
