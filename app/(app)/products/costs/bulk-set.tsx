"use client";

import { useState } from "react";
import { formatCount } from "~/app/_components/format";
import { FormError } from "~/app/_components/form-error";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import { CostFields, draftInput, emptyDraft } from "./cost-fields";

type Store = NonNullable<RouterOutputs["costs"]["list"]["store"]>;

/** The same cost, from the same day, for every ticked SKU (in one transaction: all of them or none). */
export function BulkSet({ store, today, skus, onDone }: { store: Store; today: string; skus: string[]; onDone: () => void }) {
  const utils = api.useUtils();
  const [draft, setDraft] = useState(emptyDraft(today, store.currency));
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const bulk = api.costs.bulkSetCost.useMutation({
    onError: (e) => setError(e.message),
    onSuccess: async (result) => {
      setDone(`Set for ${formatCount(result.skus)} SKUs (${formatCount(result.changed)} changed).`);
      await utils.costs.invalidate();
      onDone();
    },
  });
  return (
    <section className="card space-y-2 p-3" data-testid="bulk-set">
      <h2>Set the same cost for {formatCount(skus.length)} selected SKUs</h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          setDone(undefined);
          bulk.mutate({ storeId: store.id, skus, ...draftInput(draft) });
        }}
      >
        <CostFields draft={draft} onChange={setDraft} />
        <button className="btn-primary" type="submit" disabled={bulk.isPending || !draft.purchaseCost.trim()}>
          Set for {formatCount(skus.length)} SKUs
        </button>
        <button className="btn" type="button" onClick={onDone}>
          Clear selection
        </button>
      </form>
      <FormError message={error} />
      {done && <p className="text-emerald-700">{done}</p>}
    </section>
  );
}
