import type { AdEntityKind } from "~/db/schema";
import type { RouterInputs, RouterOutputs } from "~/app/_trpc/react";
import type { EntityListKey } from "~/server/advertising/vocabulary";
import type { EntityRow } from "../entity-columns";

/*
 * Edits as the server takes them, built from the rows the seller sees. Every edit carries `loaded`: the
 * values shown for the fields it changes, so that a value changed in Seller Central since the page was
 * loaded comes back as a conflict instead of being silently overwritten.
 */

export type EntityEdit = RouterInputs["advertising"]["editEntities"]["edits"][number];
export type EditResult = RouterOutputs["advertising"]["editEntities"][number];
export type EditField = keyof NonNullable<EntityEdit["loaded"]>;
export type EditChange = Omit<EntityEdit, "kind" | "entityId" | "loaded">;
export type MoneyField = "budget" | "defaultBid" | "bid";

/** A row the seller can edit: an entity the product has synced, not archived (archiving is final). */
export type EditableRow = EntityRow & { kind: AdEntityKind };
export const isEditable = (row: EntityRow): row is EditableRow => row.synced && row.kind !== null && row.state !== null && row.state !== "ARCHIVED";

const placementText = (value: number | null) => (value === null ? null : String(value));

/** A field's value as the list query gave it ("25.0000", "ENABLED", "50"), which is what the seller saw. */
export function shownValue(row: EntityRow, field: EditField): string | null {
  switch (field) {
    case "state":
      return row.state;
    case "name":
      return row.label;
    case "budget":
      return row.budget;
    case "defaultBid":
      return row.defaultBid;
    case "bid":
      return row.bid;
    case "biddingStrategy":
      return row.biddingStrategy;
    case "placementTop":
      return placementText(row.placementTop);
    case "placementProductPage":
      return placementText(row.placementProductPage);
    case "placementRestOfSearch":
      return placementText(row.placementRestOfSearch);
  }
}

/** A bid or budget change of one field (the field is the table's: budget, default bid or bid). */
export const moneyChange = (field: MoneyField, change: { set: string } | { percent: number }): EditChange => ({ [field]: change }) as Pick<EditChange, MoneyField>;

/** One entity's edit, with the values the seller saw of the fields it changes. */
export function editOf(row: EditableRow, change: EditChange): EntityEdit {
  const fields = (Object.keys(change) as EditField[]).filter((f) => change[f] !== undefined);
  return { kind: row.kind, entityId: row.id, ...change, loaded: Object.fromEntries(fields.map((f) => [f, shownValue(row, f)])) };
}

/** The bid or budget a table's bulk edit changes: the campaign's budget, the ad group's default bid, a keyword's or target's bid. */
export const BULK_MONEY: Partial<Record<EntityListKey, { field: MoneyField; label: string }>> = {
  campaigns: { field: "budget", label: "budget" },
  adGroups: { field: "defaultBid", label: "default bid" },
  targets: { field: "bid", label: "bid" },
};

/** What a bulk edit does to every selected row. */
export type BulkChange = { state: "ENABLED" | "PAUSED" | "ARCHIVED" } | { field: MoneyField; set: string } | { field: MoneyField; percent: number };

/** One edit per selected row, each with what that row showed (one call for the whole selection). */
export function bulkEdits(rows: EditableRow[], change: BulkChange): EntityEdit[] {
  return rows.map((row) => {
    if ("state" in change) return editOf(row, { state: change.state });
    return editOf(row, moneyChange(change.field, "set" in change ? { set: change.set } : { percent: change.percent }));
  });
}

/**
 * An amount as the seller types it ("1.25", "$1.25", "1,25"), as the exact decimal the server takes, or
 * a message. No float ever holds it.
 */
export function parseAmount(text: string): { amount: string } | { error: string } {
  let t = text.trim().replace(/[^\d.,]/g, "");
  // A lone comma is a decimal comma ("1,25"); with a dot too, commas group thousands ("1,250.00").
  t = t.includes(".") ? t.replaceAll(",", "") : t.replace(",", ".");
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(t)) return { error: "Enter an amount such as 0.75." };
  return { amount: t };
}

/** A change by a percentage, as Amazon's bulk operations take it: −99 to +900, up to two decimals, not zero. */
export function parsePercent(text: string): { percent: number } | { error: string } {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^[+-]?\d{1,3}(\.\d{1,2})?$/.test(t)) return { error: "Enter a percentage such as 10 or -15." };
  const percent = Number(t);
  if (percent < -99 || percent > 900) return { error: "A change between -99% and +900%." };
  if (percent === 0) return { error: "A change of 0% changes nothing." };
  return { percent };
}

/** A placement's bid adjustment: a whole percentage from 0 to 900, as Seller Central takes it. */
export function parsePlacement(text: string): { percentage: number } | { error: string } {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^\d{1,3}$/.test(t) || Number(t) > 900) return { error: "A whole percentage from 0 to 900." };
  return { percentage: Number(t) };
}

/** The key of an entity in edits and their results. */
export const entityKey = (e: { kind: string; entityId: string }) => `${e.kind}:${e.entityId}`;

/** Results of a repeated call replace those of the same entities in the first call's results. */
export function mergeResults(first: EditResult[], again: EditResult[]): EditResult[] {
  const replaced = new Map(again.map((r) => [entityKey(r), r]));
  const merged = first.map((r) => replaced.get(entityKey(r)) ?? r);
  const known = new Set(first.map(entityKey));
  return [...merged, ...again.filter((r) => !known.has(entityKey(r)))];
}

export interface OutcomeCounts {
  applied: number;
  failed: number;
  unchanged: number;
  conflict: number;
}

export function countOutcome(results: EditResult[]): OutcomeCounts {
  const counts: OutcomeCounts = { applied: 0, failed: 0, unchanged: 0, conflict: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}
