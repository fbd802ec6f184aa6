"use client";

import { useState } from "react";
import { FormError } from "~/app/_components/form-error";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import { CostFields, draftInput, emptyDraft, plain, type CostDraft } from "./cost-fields";

type List = RouterOutputs["costs"]["list"];

/**
 * One SKU's cost edited in its row. Kept on the same date it changes today's period; a new date starts a
 * new period from that day and leaves the earlier one as it was (the SKU's page lists and edits them all).
 */
export function InlineEdit({ row, store, today, onDone }: { row: List["rows"][number]; store: NonNullable<List["store"]>; today: string; onDone: () => void }) {
  const utils = api.useUtils();
  const [draft, setDraft] = useState<CostDraft>(
    row.validFrom
      ? {
          validFrom: row.validFrom,
          currency: row.currency ?? store.currency,
          purchaseCost: plain(row.purchaseCost),
          inboundShippingCost: plain(row.inboundShippingCost),
          otherCost: plain(row.otherCost),
        }
      : emptyDraft(today, store.currency),
  );
  const [note, setNote] = useState(row.note ?? "");
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
      className="flex flex-wrap items-end gap-2 py-1"
      data-testid="inline-edit"
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        save.mutate({ storeId: store.id, sku: row.sku, ...draftInput(draft), note: note.trim() || undefined });
      }}
    >
      <CostFields draft={draft} onChange={setDraft} />
      <label className="grid gap-1">
        <span className="label">Note</span>
        <input className="input w-48 py-1" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button className="btn-primary" type="submit" disabled={save.isPending || !draft.purchaseCost.trim()}>
        Save
      </button>
      <button className="btn" type="button" onClick={onDone}>
        Cancel
      </button>
      <p className="basis-full text-xs text-slate-500">
        {row.validFrom
          ? `Keep ${row.validFrom} to correct today's cost; a new date starts a new cost from that day and keeps the earlier one.`
          : "The first cost also covers every sale before its date."}
      </p>
      <div className="basis-full">
        <FormError message={error} />
      </div>
    </form>
  );
}
