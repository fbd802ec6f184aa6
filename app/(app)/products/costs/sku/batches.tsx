"use client";

import { useState } from "react";
import { formatCount, formatMoney } from "~/app/_components/format";
import { FormError } from "~/app/_components/form-error";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import { CostFields, draftInput, emptyDraft, plain } from "../cost-fields";

type Detail = RouterOutputs["costs"]["sku"];
type Batch = Detail["batches"][number];

/** A batch's form: a new one, or an edit of one (which may rename it). */
function BatchForm({ detail, batch, onDone }: { detail: Detail; batch?: Batch; onDone: () => void }) {
  const utils = api.useUtils();
  const [name, setName] = useState(batch?.batch ?? "");
  const [units, setUnits] = useState(batch ? String(batch.units) : "");
  const [draft, setDraft] = useState(
    batch
      ? { validFrom: batch.receivedOn, currency: batch.currency, purchaseCost: plain(batch.purchaseCost), inboundShippingCost: plain(batch.inboundShippingCost), otherCost: plain(batch.otherCost) }
      : emptyDraft(detail.today, detail.store.currency),
  );
  const [error, setError] = useState<string>();
  const save = api.costs.setBatch.useMutation({
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
        const { validFrom, ...costs } = draftInput(draft);
        if (!/^\d+$/.test(units.trim())) return setError("Units are a whole number of at least 1.");
        save.mutate({ storeId: detail.store.id, sku: detail.sku, batch: name, previousBatch: batch?.batch, receivedOn: validFrom, units: Number(units), ...costs });
      }}
    >
      <label className="grid gap-1">
        <span className="label">Batch (shipment id)</span>
        <input className="input w-40 py-1 font-mono" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="grid gap-1">
        <span className="label">Units</span>
        <input className="input w-20 py-1 text-right" inputMode="numeric" required value={units} onChange={(e) => setUnits(e.target.value)} />
      </label>
      <CostFields draft={draft} onChange={setDraft} dateLabel="Received on" />
      <button className="btn-primary" type="submit" disabled={save.isPending || !name.trim() || !draft.purchaseCost.trim()}>
        {batch ? "Save batch" : "Add batch"}
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

/** The SKU's inbound batches: units sold are costed from the oldest received first (FIFO), then by period. */
export function Batches({ detail, canEdit }: { detail: Detail; canEdit: boolean }) {
  const utils = api.useUtils();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const remove = api.costs.deleteBatch.useMutation({ onError: (e) => setError(e.message), onSuccess: () => utils.costs.invalidate() });
  return (
    <section className="space-y-2" data-testid="cost-batches">
      <div className="flex items-center gap-2">
        <h2>Inbound batches (FIFO)</h2>
        {canEdit && editing !== "\u0000new" && (
          <button type="button" className="btn" onClick={() => setEditing("\u0000new")}>
            Add a batch
          </button>
        )}
      </div>
      <p className="text-slate-600">
        Units sold take the cost of the oldest batch received by the day of the sale that still has units; once the batches run out, the cost
        by period applies.
      </p>
      <FormError message={error} />
      {editing === "\u0000new" && (
        <div className="card">
          <BatchForm detail={detail} onDone={() => setEditing(null)} />
        </div>
      )}
      {detail.batches.length === 0 ? (
        <p className="card px-3 py-4 text-slate-600">No batch entered: sales are costed by period.</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th>Batch</th>
                <th>Received on</th>
                <th className="text-right">Units</th>
                <th className="text-right">Purchase</th>
                <th className="text-right">Inbound shipping</th>
                <th className="text-right">Other</th>
                <th className="text-right">Total per unit</th>
                <th>Currency</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {detail.batches.map((b) =>
                editing === b.batch ? (
                  <tr key={b.batch}>
                    <td colSpan={canEdit ? 9 : 8} className="bg-slate-50">
                      <BatchForm detail={detail} batch={b} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={b.batch} data-testid="cost-batch">
                    <td className="font-mono text-xs">{b.batch}</td>
                    <td>{b.receivedOn}</td>
                    <td className="text-right tabular-nums">{formatCount(b.units)}</td>
                    <td className="text-right tabular-nums">{formatMoney(b.purchaseCost, b.currency)}</td>
                    <td className="text-right tabular-nums">{formatMoney(b.inboundShippingCost, b.currency)}</td>
                    <td className="text-right tabular-nums">{formatMoney(b.otherCost, b.currency)}</td>
                    <td className="text-right font-medium tabular-nums">{formatMoney(b.total, b.currency)}</td>
                    <td>{b.currency}</td>
                    {canEdit && (
                      <td className="space-x-1">
                        <button type="button" className="btn" onClick={() => setEditing(b.batch)}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn-danger"
                          disabled={remove.isPending}
                          onClick={() => {
                            if (window.confirm(`Delete batch ${b.batch}?`)) remove.mutate({ storeId: detail.store.id, sku: detail.sku, batch: b.batch });
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
