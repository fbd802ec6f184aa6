"use client";

import { useState } from "react";
import { formatMoney } from "~/app/_components/format";
import { FormError } from "~/app/_components/form-error";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import { CostFields, draftInput, emptyDraft, plain, type CostDraft } from "../cost-fields";

type Detail = RouterOutputs["costs"]["sku"];
type Period = Detail["periods"][number];

const draftOf = (p: Period): CostDraft => ({
  validFrom: p.validFrom,
  currency: p.currency,
  purchaseCost: plain(p.purchaseCost),
  inboundShippingCost: plain(p.inboundShippingCost),
  otherCost: plain(p.otherCost),
});

/** A period's form: a new one, or an edit of one (whose start may move to a free day). */
function PeriodForm({ detail, period, onDone }: { detail: Detail; period?: Period; onDone: () => void }) {
  const utils = api.useUtils();
  const [draft, setDraft] = useState(period ? draftOf(period) : emptyDraft(detail.today, detail.store.currency));
  const [note, setNote] = useState(period?.note ?? "");
  const [error, setError] = useState<string>();
  const save = api.costs.setCost.useMutation({
    onError: (e) => setError(e.message),
    onSuccess: async () => {
      await utils.costs.invalidate();
      onDone();
    },
  });
  return (
    <form
      className="flex flex-wrap items-end gap-2 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        save.mutate({ storeId: detail.store.id, sku: detail.sku, ...draftInput(draft), previousValidFrom: period?.validFrom, note: note.trim() || undefined });
      }}
    >
      <CostFields draft={draft} onChange={setDraft} />
      <label className="grid gap-1">
        <span className="label">Note</span>
        <input className="input w-48 py-1" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button className="btn-primary" type="submit" disabled={save.isPending || !draft.purchaseCost.trim()}>
        {period ? "Save period" : "Add period"}
      </button>
      <button className="btn" type="button" onClick={onDone}>
        Cancel
      </button>
      <div className="basis-full">
        <FormError message={error} />
      </div>
    </form>
  );
}

/** Every cost period of the SKU, oldest first, the one that applies today marked. */
export function Periods({ detail, canEdit }: { detail: Detail; canEdit: boolean }) {
  const utils = api.useUtils();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [error, setError] = useState<string>();
  const remove = api.costs.deleteCost.useMutation({ onError: (e) => setError(e.message), onSuccess: () => utils.costs.invalidate() });
  const money = (v: string, c: string) => formatMoney(v, c);
  return (
    <section className="space-y-2" data-testid="cost-periods">
      <div className="flex items-center gap-2">
        <h2>Cost by period</h2>
        {canEdit && editing !== "new" && (
          <button type="button" className="btn" onClick={() => setEditing("new")}>
            Add a period
          </button>
        )}
      </div>
      <FormError message={error} />
      {editing === "new" && (
        <div className="card">
          <PeriodForm detail={detail} onDone={() => setEditing(null)} />
        </div>
      )}
      {detail.periods.length === 0 ? (
        <p className="card px-3 py-4 text-slate-600">No cost yet.{canEdit ? " Add one: it applies from its date on, and to every sale before it." : ""}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th>Valid from</th>
                <th className="text-right">Purchase</th>
                <th className="text-right">Inbound shipping</th>
                <th className="text-right">Other</th>
                <th className="text-right">Total per unit</th>
                <th>Currency</th>
                <th>Note</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {detail.periods.map((p) =>
                editing === p.validFrom ? (
                  <tr key={p.validFrom}>
                    <td colSpan={canEdit ? 8 : 7} className="bg-slate-50">
                      <PeriodForm detail={detail} period={p} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={p.validFrom} data-testid="cost-period">
                    <td>
                      {p.validFrom}
                      {p.current && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">applies today</span>}
                    </td>
                    <td className="text-right tabular-nums">{money(p.purchaseCost, p.currency)}</td>
                    <td className="text-right tabular-nums">{money(p.inboundShippingCost, p.currency)}</td>
                    <td className="text-right tabular-nums">{money(p.otherCost, p.currency)}</td>
                    <td className="text-right font-medium tabular-nums">{money(p.total, p.currency)}</td>
                    <td>{p.currency}</td>
                    <td className="max-w-xs truncate" title={p.note ?? undefined}>
                      {p.note}
                    </td>
                    {canEdit && (
                      <td className="space-x-1">
                        <button type="button" className="btn" onClick={() => setEditing(p.validFrom)}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn-danger"
                          disabled={remove.isPending}
                          onClick={() => {
                            if (window.confirm(`Delete the cost from ${p.validFrom}?`)) remove.mutate({ storeId: detail.store.id, sku: detail.sku, validFrom: p.validFrom });
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
    </section>
  );
}
