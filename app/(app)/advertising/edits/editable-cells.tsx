"use client";

import { useState, type ReactNode } from "react";
import { formatMoney } from "~/app/_components/format";
import { BIDDING_STRATEGY_LABELS, labelOf } from "~/server/advertising/vocabulary";
import type { EntityRow } from "../entity-columns";
import { placement } from "../format";
import { StateBadge } from "../state-badge";
import { useEdits } from "./edit-session";
import { InlineEdit } from "./inline-edit";
import { editOf, isEditable, moneyChange, parseAmount, parsePlacement, type EditChange, type MoneyField } from "./model";
import { StateControl } from "./state-control";

/*
 * The cells of the entity tables a seller can change in place. Each shows the plain value to viewers and
 * for rows that cannot be edited (not synced yet, archived); otherwise the value opens an editor.
 */

const MONEY_LABELS: Record<MoneyField, string> = { budget: "Daily budget", defaultBid: "Default bid", bid: "Bid" };

/** A budget, default bid or bid. A keyword or target without a bid of its own shows its ad group's default, and can be given its own. */
export function MoneyCell({ row, field }: { row: EntityRow; field: MoneyField }) {
  const { currency, canEdit } = useEdits();
  const value = row[field];
  const usesDefault = field === "bid" && value === null && row.synced && row.groupDefaultBid !== null;
  const display = usesDefault ? `default (${formatMoney(row.groupDefaultBid, currency)})` : formatMoney(value, currency);
  if (!canEdit || !isEditable(row)) return display;
  const label = `${MONEY_LABELS[field]} of ${row.label}`;
  return (
    <InlineEdit
      display={display}
      label={label}
      inputMode="decimal"
      initial={amountText(usesDefault ? row.groupDefaultBid : value)}
      parse={(text) => {
        const parsed = parseAmount(text);
        return "error" in parsed ? parsed : { edit: editOf(row, moneyChange(field, { set: parsed.amount })) };
      }}
    />
  );
}

/** "25.0000" → "25.00": the form starts with the amount as the seller reads it. */
function amountText(value: string | null): string {
  if (value === null) return "";
  const [whole, fraction = ""] = value.split(".");
  return `${whole ?? "0"}.${fraction.padEnd(2, "0").slice(0, Math.max(2, fraction.replace(/0+$/, "").length))}`;
}

/** A campaign's or ad group's name beside its link: the pencil renames it. */
export function NameEditor({ row, children }: { row: EntityRow; children: ReactNode }) {
  const { canEdit } = useEdits();
  if (!canEdit || !isEditable(row)) return children;
  return (
    <span className="inline-flex items-center gap-1">
      {children}
      <InlineEdit
        display={null}
        label={`Name of ${row.label}`}
        width="w-64"
        initial={row.label}
        parse={(text) => {
          const name = text.trim();
          if (!name) return { error: "A name is required." };
          if (name.length > 128) return { error: "At most 128 characters." };
          return { edit: editOf(row, { name }) };
        }}
      />
    </span>
  );
}

type Placement = "placementTop" | "placementProductPage" | "placementRestOfSearch";
const PLACEMENT_LABELS: Record<Placement, string> = { placementTop: "Top of search", placementProductPage: "Product pages", placementRestOfSearch: "Rest of search" };

export function PlacementCell({ row, field }: { row: EntityRow; field: Placement }) {
  const { canEdit } = useEdits();
  const shown = placement(row[field], row.synced);
  if (!canEdit || !isEditable(row)) return shown;
  return (
    <InlineEdit
      display={shown}
      label={`${PLACEMENT_LABELS[field]} adjustment of ${row.label}`}
      inputMode="numeric"
      width="w-16"
      initial={String(row[field] ?? 0)}
      parse={(text) => {
        const parsed = parsePlacement(text);
        return "error" in parsed ? parsed : { edit: editOf(row, { [field]: parsed.percentage } as Pick<EditChange, Placement>) };
      }}
    />
  );
}

/** The strategies Seller Central offers a campaign (rule-based bidding needs a rule, set up in Amazon's console). */
const STRATEGIES = ["LEGACY_FOR_SALES", "AUTO_FOR_SALES", "MANUAL"] as const;

export function StrategyCell({ row }: { row: EntityRow }) {
  const { canEdit, submit, pending } = useEdits();
  // The choice shows at once; the row reads Amazon's value again once it has answered.
  const [choice, setChoice] = useState<string | null>(null);
  const shown = labelOf(BIDDING_STRATEGY_LABELS, row.biddingStrategy) ?? "—";
  if (!canEdit || !isEditable(row)) return shown;
  const current = row.biddingStrategy ?? "";
  return (
    <select
      aria-label={`Bidding strategy of ${row.label}`}
      className="input w-auto py-0.5"
      value={choice ?? current}
      disabled={pending}
      onChange={(e) => {
        const strategy = STRATEGIES.find((s) => s === e.target.value);
        if (!strategy) return;
        setChoice(strategy);
        void submit([editOf(row, { biddingStrategy: strategy })]).finally(() => setChoice(null));
      }}
    >
      {!STRATEGIES.some((s) => s === current) && <option value={current}>{shown}</option>}
      {STRATEGIES.map((s) => (
        <option key={s} value={s}>
          {BIDDING_STRATEGY_LABELS[s]}
        </option>
      ))}
    </select>
  );
}

/** The state: a switch and Archive for an editable row, the badge otherwise. */
export function StateCell({ row, canPause }: { row: EntityRow; canPause: boolean }) {
  const { canEdit } = useEdits();
  if (!canEdit || !isEditable(row)) return <StateBadge state={row.state} synced={row.synced} />;
  return <StateControl row={row} canPause={canPause} />;
}
