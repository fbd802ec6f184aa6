"use client";

import { useState } from "react";
import { formatMoney } from "~/app/_components/format";
import { FormError } from "~/app/_components/form-error";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs } from "~/app/_trpc/react";
import { OTHER_COST_KEYS, OTHER_COST_LABELS } from "~/server/costs/labels";
import { hasRole } from "~/server/organizations/roles";
import { CostsEmpty } from "../costs-empty";
import { OtherCostForm } from "./other-cost-form";

/** A month of the store's other costs with totals per category and currency; operators add, edit and delete. */
export function OtherCostsView({ input }: { input: RouterInputs["costs"]["otherCosts"] }) {
  const [data] = api.costs.otherCosts.useSuspenseQuery(input);
  const [current] = api.organization.current.useSuspenseQuery();
  const canEdit = hasRole(current.role, "operator");
  const filters = useUrlFilters();
  const utils = api.useUtils();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const remove = api.costs.deleteOtherCost.useMutation({ onError: (e) => setError(e.message), onSuccess: () => utils.costs.otherCosts.invalidate() });

  if (!data.store) return <CostsEmpty kind="no-store" />;
  const store = data.stores.find((s) => s.id === data.store!.id)!;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {data.stores.length > 1 && (
          <select aria-label="Store" className="input w-auto py-1" value={store.id} onChange={(e) => filters.set({ store: e.target.value })}>
            {data.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        <label className="flex items-center gap-1.5 text-slate-700">
          Month
          <input aria-label="Month" type="month" className="input w-auto py-1" value={data.month} onChange={(e) => filters.set({ month: e.target.value || undefined })} />
        </label>
        {canEdit && editing !== "new" && (
          <button type="button" className="btn-primary" onClick={() => setEditing("new")}>
            Add a cost
          </button>
        )}
        <span className="ml-auto flex flex-wrap gap-2" data-testid="other-cost-totals">
          {data.totals.map((t) => (
            <span key={`${t.category}|${t.currency}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
              {OTHER_COST_LABELS[t.category]}: <b className="tabular-nums">{formatMoney(t.amount, t.currency)}</b>
            </span>
          ))}
        </span>
      </div>
      {!canEdit && <p className="text-xs text-slate-500">Viewers see the costs; an operator, admin or owner enters them.</p>}
      <FormError message={error} />
      {editing === "new" && (
        <div className="card">
          <OtherCostForm store={store} month={data.month} onDone={() => setEditing(null)} />
        </div>
      )}
      {data.rows.length === 0 ? (
        <p className="card px-3 py-6 text-center text-slate-600" data-testid="other-costs-none">
          No other cost in {data.month}.{canEdit ? " Add your subscriptions, deal fees, Vine enrollments and services here, on the day each counts on." : ""}
        </p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table" data-testid="other-costs">
            <thead>
              <tr>
                <th>Day</th>
                <th>Category</th>
                <th>Marketplace</th>
                <th className="text-right">Amount</th>
                <th>Note</th>
                <th>Entered by</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) =>
                editing === r.id ? (
                  <tr key={r.id}>
                    <td colSpan={7} className="bg-slate-50">
                      <OtherCostForm store={store} month={data.month} cost={r} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={r.id} data-testid="other-cost">
                    <td>{r.day}</td>
                    <td>{OTHER_COST_LABELS[r.category]}</td>
                    <td>{r.marketplace ?? "Whole store"}</td>
                    <td className="text-right tabular-nums">{formatMoney(r.amount, r.currency)}</td>
                    <td className="max-w-xs truncate" title={r.note ?? undefined}>
                      {r.note}
                    </td>
                    <td className="text-slate-500">{r.createdBy ?? "—"}</td>
                    {canEdit && (
                      <td className="space-x-1">
                        <button type="button" className="btn" onClick={() => setEditing(r.id)}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn-danger"
                          disabled={remove.isPending}
                          onClick={() => {
                            if (window.confirm(`Delete this ${OTHER_COST_LABELS[r.category].toLowerCase()} cost of ${r.day}?`)) remove.mutate({ otherCostId: r.id });
                          }}
                        >
                          Delete
                        </button>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-slate-500">Categories: {OTHER_COST_KEYS.map((c) => OTHER_COST_LABELS[c]).join(", ")}.</p>
    </div>
  );
}
