"use client";

import Link from "next/link";
import { useRef } from "react";
import { api } from "~/app/_trpc/react";
import { ROLE_LABELS } from "~/server/organizations/roles";
import { switchOrganizationAction } from "../actions";

export function OrganizationSwitcher() {
  const [current] = api.organization.current.useSuspenseQuery();
  const mine = api.organization.mine.useQuery();
  const form = useRef<HTMLFormElement>(null);

  return (
    <div className="flex items-center gap-2">
      <form ref={form} action={switchOrganizationAction}>
        <select
          aria-label="Organization"
          name="organizationId"
          className="input w-auto py-1 font-medium"
          defaultValue={current.id}
          onChange={() => form.current?.requestSubmit()}
        >
          {(mine.data ?? [{ organizationId: current.id, organizationName: current.name }]).map((m) => (
            <option key={m.organizationId} value={m.organizationId}>
              {m.organizationName}
            </option>
          ))}
        </select>
      </form>
      <span data-testid="current-role" className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
        {ROLE_LABELS[current.role]}
      </span>
      <Link href="/organizations/new" className="text-xs text-brand-600 hover:underline">
        New organization
      </Link>
    </div>
  );
}
