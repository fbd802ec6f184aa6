"use client";

import { useState } from "react";
import { FormError } from "~/app/_components/form-error";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import type { OtherCostCategory } from "~/db/schema/costs";
import { OTHER_COST_KEYS, OTHER_COST_LABELS } from "~/server/costs/labels";
import { plain } from "../cost-fields";

type Data = RouterOutputs["costs"]["otherCosts"];
type Store = Data["stores"][number];
type Cost = Data["rows"][number];

/** Adds a store cost (on a day of the month shown), or edits one. */
export function OtherCostForm({ store, month, cost, onDone }: { store: Store; month: string; cost?: Cost; onDone: () => void }) {
  const utils = api.useUtils();
  const [day, setDay] = useState(cost?.day ?? `${month}-01`);
  const [category, setCategory] = useState<OtherCostCategory>(cost?.category ?? "subscription");
  const [amount, setAmount] = useState(cost ? plain(cost.amount) : "");
  const [currency, setCurrency] = useState(cost?.currency ?? store.currency);
  const [marketplace, setMarketplace] = useState(cost?.storeMarketplaceId ?? "");
  const [note, setNote] = useState(cost?.note ?? "");
  const [error, setError] = useState<string>();
  const done = {
    onError: (e: { message: string }) => setError(e.message),
    onSuccess: async () => {
      await utils.costs.otherCosts.invalidate();
      onDone();
    },
  };
  const add = api.costs.addOtherCost.useMutation(done);
  const update = api.costs.updateOtherCost.useMutation(done);
  const pending = add.isPending || update.isPending;
  return (
    <form
      className="flex flex-wrap items-end gap-2 p-2"
      data-testid="other-cost-form"
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        const values = { storeId: store.id, storeMarketplaceId: marketplace || undefined, day, category, amount: amount.trim(), currency: currency.trim() || undefined, note: note.trim() || undefined };
        if (cost) update.mutate({ ...values, otherCostId: cost.id });
        else add.mutate(values);
      }}
    >
      <label className="grid gap-1">
        <span className="label">Day</span>
        <input className="input w-36 py-1" type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
      </label>
      <label className="grid gap-1">
        <span className="label">Category</span>
        <select className="input w-auto py-1" value={category} onChange={(e) => setCategory(e.target.value as OtherCostCategory)}>
          {OTHER_COST_KEYS.map((c) => (
            <option key={c} value={c}>
              {OTHER_COST_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        <span className="label">Marketplace</span>
        <select className="input w-auto py-1" value={marketplace} onChange={(e) => setMarketplace(e.target.value)}>
          <option value="">Whole store</option>
          {store.marketplaces.map((m) => (
            <option key={m.id} value={m.id}>
              {m.countryCode} · {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        <span className="label">Amount</span>
        <input className="input w-28 py-1 text-right tabular-nums" inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label className="grid gap-1">
        <span className="label">Currency</span>
        <input className="input w-16 py-1 uppercase" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
      </label>
      <label className="grid gap-1">
        <span className="label">Note</span>
        <input className="input w-48 py-1" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button className="btn-primary" type="submit" disabled={pending || !amount.trim()}>
        {cost ? "Save" : "Add cost"}
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
