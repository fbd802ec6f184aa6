"use client";

/** What a cost form holds: amounts as the seller types them (strings: exact, never floats). */
export interface CostDraft {
  validFrom: string;
  currency: string;
  purchaseCost: string;
  inboundShippingCost: string;
  otherCost: string;
}

export const emptyDraft = (validFrom: string, currency: string): CostDraft => ({ validFrom, currency, purchaseCost: "", inboundShippingCost: "", otherCost: "" });

/** A stored amount as a field shows it: "12.5000" → "12.5". */
export const plain = (value: string | null) => (value === null ? "" : value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value);

/** The draft as the API takes it: blank shipping and other costs are 0, a blank currency the store's. */
export const draftInput = (d: CostDraft) => ({
  validFrom: d.validFrom,
  currency: d.currency.trim() || undefined,
  purchaseCost: d.purchaseCost.trim(),
  inboundShippingCost: d.inboundShippingCost.trim() || undefined,
  otherCost: d.otherCost.trim() || undefined,
});

const AMOUNTS = [
  ["purchaseCost", "Purchase"],
  ["inboundShippingCost", "Inbound shipping"],
  ["otherCost", "Other"],
] as const;

/** The three unit costs, the currency and the first day, in a row of small fields. */
export function CostFields({ draft, onChange, dateLabel = "Valid from", disabled }: { draft: CostDraft; onChange: (d: CostDraft) => void; dateLabel?: string; disabled?: boolean }) {
  return (
    <>
      <label className="grid gap-1">
        <span className="label">{dateLabel}</span>
        <input className="input w-36 py-1" type="date" required value={draft.validFrom} disabled={disabled} onChange={(e) => onChange({ ...draft, validFrom: e.target.value })} />
      </label>
      {AMOUNTS.map(([key, label]) => (
        <label key={key} className="grid gap-1">
          <span className="label">{label}</span>
          <input
            className="input w-24 py-1 text-right tabular-nums"
            inputMode="decimal"
            placeholder={key === "purchaseCost" ? "0.00" : "0"}
            required={key === "purchaseCost"}
            value={draft[key]}
            disabled={disabled}
            onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
          />
        </label>
      ))}
      <label className="grid gap-1">
        <span className="label">Currency</span>
        <input
          className="input w-16 py-1 uppercase"
          maxLength={3}
          value={draft.currency}
          disabled={disabled}
          onChange={(e) => onChange({ ...draft, currency: e.target.value.toUpperCase() })}
        />
      </label>
    </>
  );
}
