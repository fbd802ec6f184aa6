import { DateTime } from "luxon";
import type { SpReportRow } from "~/server/amazon/sp-reports";
import type { RunPlan } from "../../kit/plan";
import { reportRowReader } from "../../kit/report-row";
import { bindTable } from "../../kit/table";
import type { CopyValue } from "../../replace-days";
import { localToday } from "../../windows";
import { MalformedReportRowError } from "../../load/malformed-row";
import { inventoryLedgerEvents as t } from "./table";

export const ledgerTable = bindTable(t, {
  columns: [
    t.organizationId, t.storeMarketplaceId, t.eventDay, t.eventType, t.referenceId, t.fnsku, t.fulfillmentCenter, t.disposition, t.reason,
    t.occurredAt, t.sku, t.asin, t.title, t.quantity, t.country, t.reconciledQuantity, t.unreconciledQuantity, t.syncedAt,
  ],
  scope: t.storeMarketplaceId,
  day: t.eventDay,
  bookkeeping: [t.syncedAt, t.organizationId],
});

/**
 * Amazon's files name the ledger's columns with spaces ("Event Type") and add "Date and Time"; its
 * documentation names them without ("EventType"). Either is read.
 */
function named(row: SpReportRow, spaced: string): string {
  if (row[spaced] !== undefined) return spaced;
  return spaced.replace(/ /g, "");
}

/** The file's "Date": MM/DD/YYYY in Amazon's files (ISO in some). */
function ledgerDay(value: string, index: number): string {
  const v = value.trim();
  const at = /^\d{4}-\d{2}-\d{2}/.test(v) ? DateTime.fromISO(v.slice(0, 10), { zone: "UTC" }) : DateTime.fromFormat(v, "MM/dd/yyyy", { zone: "UTC" });
  if (!at.isValid) throw new MalformedReportRowError(`Row ${index} of the inventory ledger report is malformed (Date: expected a date, got "${v}"); the report was not loaded.`);
  return at.toISODate()!;
}

/** One line of Amazon's inventory ledger (detail view) → an inventory_ledger_events row, or a plain refusal. */
export function ledgerRow(row: SpReportRow, { plan, index, loadedAt }: { plan: RunPlan; index: number; loadedAt: string }): CopyValue[] {
  const r = reportRowReader(row, index, "inventory ledger");
  const occurredAt = r.optionalInstant("Date and Time");
  // The local day of the instant when the file has one (the report is asked for by local days); its Date otherwise.
  const day = occurredAt ? localToday(plan.scope.timeZone, new Date(occurredAt)) : ledgerDay(r.required("Date"), index);
  return [
    plan.scope.organizationId,
    plan.scope.scopeId,
    day,
    r.required(named(row, "Event Type")),
    r.text(named(row, "Reference ID")),
    r.required("FNSKU"),
    r.text(named(row, "Fulfillment Center")),
    r.text("Disposition"),
    r.text("Reason"),
    occurredAt,
    r.optional("MSKU"),
    r.optional("ASIN"),
    r.optional("Title"),
    r.whole("Quantity"),
    r.optional("Country"),
    r.optionalWhole(named(row, "Reconciled Quantity")),
    r.optionalWhole(named(row, "Unreconciled Quantity")),
    loadedAt,
  ];
}
