"use client";

import { useState } from "react";
import { FormError } from "~/app/_components/form-error";
import { api } from "~/app/_trpc/react";
import { hasRole, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from "~/server/organizations/roles";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function TeamManager() {
  const [current] = api.organization.current.useSuspenseQuery();
  const canManage = hasRole(current.role, "admin");
  return (
    <div className="grid gap-4 xl:grid-cols-[1fr_22rem]">
      <div className="space-y-4">
        <Members canManage={canManage} myRole={current.role} />
        {canManage && <PendingInvitations />}
      </div>
      <InviteForm canManage={canManage} myRole={current.role} />
    </div>
  );
}

function Members({ canManage, myRole }: { canManage: boolean; myRole: Role }) {
  const [members] = api.team.members.useSuspenseQuery();
  const utils = api.useUtils();
  const [error, setError] = useState<string>();
  const onError = (e: { message: string }) => setError(e.message);
  const onSuccess = () => {
    setError(undefined);
    void utils.team.members.invalidate();
  };
  const changeRole = api.team.changeRole.useMutation({ onError, onSuccess });
  const remove = api.team.removeMember.useMutation({ onError, onSuccess });
  const assignable = ROLES.filter((r) => r !== "owner" || myRole === "owner");

  return (
    <section className="card">
      <h2 className="border-b border-slate-200 px-3 py-2">Members ({members.length})</h2>
      <FormError message={error} />
      <table className="table" data-testid="members">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Joined</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td className="font-medium">{m.name}</td>
              <td>{m.email}</td>
              <td>
                {canManage && (m.role !== "owner" || myRole === "owner") ? (
                  <select
                    aria-label={`Role of ${m.email}`}
                    className="input w-auto py-0.5"
                    value={m.role}
                    onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as Role })}
                  >
                    {assignable.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  ROLE_LABELS[m.role]
                )}
              </td>
              <td className="text-slate-500">{dateTime.format(m.joinedAt)}</td>
              <td className="text-right">
                {canManage && (m.role !== "owner" || myRole === "owner") && (
                  <button
                    className="btn-danger py-0.5"
                    onClick={() => {
                      if (confirm(`Remove ${m.email} from the organization?`)) remove.mutate({ userId: m.userId });
                    }}
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PendingInvitations() {
  const [invitations] = api.team.invitations.useSuspenseQuery();
  const utils = api.useUtils();
  const revoke = api.team.revokeInvitation.useMutation({ onSuccess: () => utils.team.invitations.invalidate() });
  return (
    <section className="card">
      <h2 className="border-b border-slate-200 px-3 py-2">Pending invitations ({invitations.length})</h2>
      {invitations.length === 0 ? (
        <p className="px-3 py-3 text-slate-500">No pending invitations.</p>
      ) : (
        <table className="table" data-testid="pending-invitations">
          <thead>
            <tr>
              <th>For</th>
              <th>Role</th>
              <th>Invited by</th>
              <th>Expires</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.email ?? "Anyone with the link"}</td>
                <td>{ROLE_LABELS[i.role]}</td>
                <td>{i.invitedBy}</td>
                <td className="text-slate-500">{dateTime.format(i.expiresAt)}</td>
                <td className="text-right">
                  <button className="btn py-0.5" onClick={() => revoke.mutate({ invitationId: i.id })}>
                    Withdraw
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function InviteForm({ canManage, myRole }: { canManage: boolean; myRole: Role }) {
  const utils = api.useUtils();
  const [role, setRole] = useState<Role>("operator");
  const [email, setEmail] = useState("");
  const invite = api.team.invite.useMutation({ onSuccess: () => utils.team.invitations.invalidate() });
  const link = invite.data ? `${window.location.origin}/invite/${invite.data.token}` : null;
  const roles = ROLES.filter((r) => r !== "owner" || myRole === "owner");

  return (
    <section className="card self-start p-3">
      <h2 className="mb-2">Invite a member</h2>
      {!canManage && (
        <p className="mb-2 rounded bg-amber-50 px-2 py-1.5 text-amber-800">Only owners and admins can invite members.</p>
      )}
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate({ role, email });
        }}
      >
        <fieldset disabled={!canManage} className="space-y-2">
          <div>
            <label className="label" htmlFor="invite-email">Email (optional)</label>
            <input
              id="invite-email"
              className="input"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder="Leave empty for a link anyone can use"
            />
          </div>
          <div>
            <label className="label" htmlFor="invite-role">Role</label>
            <select id="invite-role" className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <p className="mt-1 text-xs text-slate-500">{ROLE_DESCRIPTIONS[role]}</p>
          </div>
          <button className="btn-primary" type="submit" disabled={invite.isPending}>
            Create invitation link
          </button>
        </fieldset>
      </form>
      <FormError message={invite.error?.message} />
      {link && (
        <div className="mt-3 rounded border border-green-200 bg-green-50 p-2">
          <p className="mb-1 text-xs text-green-800">
            Send this link. It works once and expires {dateTime.format(invite.data!.expiresAt)}.
          </p>
          <input data-testid="invitation-link" className="input font-mono text-xs" readOnly value={link} onFocus={(e) => e.target.select()} />
        </div>
      )}
    </section>
  );
}
