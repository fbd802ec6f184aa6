"use client";

import { useState } from "react";
import { FormError } from "~/app/_components/form-error";
import { api } from "~/app/_trpc/react";
import { hasRole } from "~/server/organizations/roles";

/** The base currency: what totals across marketplaces (All Sites Sales Summary, later profit) are shown in. */
export function OrganizationSettingsForm() {
  const [current] = api.organization.current.useSuspenseQuery();
  const [settings] = api.organization.settings.useSuspenseQuery();
  const canEdit = hasRole(current.role, "admin");
  const utils = api.useUtils();
  const [choice, setChoice] = useState(settings.baseCurrency);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const save = api.organization.setBaseCurrency.useMutation({
    onError: (e) => setError(e.message),
    onSuccess: () => {
      setError(undefined);
      setSaved(true);
      void utils.organization.settings.invalidate();
      void utils.salesSummary.invalidate();
    },
  });

  return (
    <section className="card max-w-xl p-4">
      <h2 className="mb-1">Base currency</h2>
      <p className="mb-3 text-slate-600">
        Totals across marketplaces of different currencies are converted into it with the European Central Bank&apos;s euro reference
        rate of each figure&apos;s own day (the last one published before it on weekends and holidays). Each marketplace&apos;s own
        figures stay in its currency.
      </p>
      <FormError message={error} />
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate({ baseCurrency: choice });
        }}
      >
        <label className="grid gap-1">
          <span className="text-slate-600">Currency</span>
          <select aria-label="Base currency" className="input w-40" value={choice} disabled={!canEdit} onChange={(e) => setChoice(e.target.value as typeof choice)}>
            {settings.baseCurrencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {canEdit ? (
          <button className="btn-primary" type="submit" disabled={save.isPending || choice === settings.baseCurrency}>
            Save
          </button>
        ) : (
          <span className="text-slate-500">Only owners and admins can change it.</span>
        )}
        {saved && choice === settings.baseCurrency && <span role="status" className="text-emerald-700">Saved.</span>}
      </form>
    </section>
  );
}
