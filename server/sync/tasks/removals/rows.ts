import type { SpReportRow } from "~/server/amazon/sp-reports";
import type { CopyValue } from "../../replace-days";
import type { RunPlan } from "../../kit/plan";
import { MalformedReportRowError } from "../../kit/sp-report-task";
import { bindTable } from "../../kit/table";
import { localToday } from "../../windows";
import { removalOrders as t } from "./table";

export const removalsTable = bindTable(t, {
  columns: [
    t.organizationId, t.storeMarketplaceId, t.orderId, t.sku, t.fnsku, t.disposition, t.requestDay, t.requestedAt, t.orderType,
    t.serviceSpeed, t.orderStatus, t.lastUpdatedAt, t.requestedQuantity, t.cancelledQuantity, t.disposedQuantity,
    t.shippedQuantity, t.inProcessQuantity, t.removalFee, t.currency, t.syncedAt,
  ],
  scope: t.storeMarketplaceId,
  day: t.requestDay,
  bookkeeping: [t.syncedAt, t.organizationId],
});

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const WHOLE = /^-?\d+$/;
const AMOUNT = /^-?\d+(\.\d+)?$/;

/** One line of Amazon's removal order detail file → a removal_orders row, or a plain refusal. */
export function removalRow(row: SpReportRow, { plan, index, loadedAt }: { plan: RunPlan; index: number; loadedAt: string }): CopyValue[] {
  const bad = (field: string, expected: string): never => {
    throw new MalformedReportRowError(
      `Row ${index} of the FBA removal orders report is malformed (${field}: expected ${expected}, got "${row[field] ?? ""}"); the report was not loaded.`,
    );
  };
  const text = (field: string) => (row[field] ?? "").trim();
  const required = (field: string) => text(field) || bad(field, "a value");
  const instant = (field: string, optional = false) => {
    const v = text(field);
    if (!v && optional) return null;
    if (!INSTANT.test(v) || Number.isNaN(Date.parse(v))) return bad(field, "a date and time");
    return new Date(v).toISOString();
  };
  const whole = (field: string) => (WHOLE.test(text(field) || "0") ? Number(text(field) || "0") : bad(field, "a whole number"));
  const requestedAt = instant("request-date")!;
  const fee = text("removal-fee");
  if (fee && !AMOUNT.test(fee)) bad("removal-fee", "an amount");
  return [
    plan.scope.organizationId,
    plan.scope.scopeId,
    required("order-id"),
    required("sku"),
    text("fnsku"),
    text("disposition"),
    localToday(plan.scope.timeZone, new Date(requestedAt)),
    requestedAt,
    required("order-type"),
    text("service-speed") || null,
    required("order-status"),
    instant("last-updated-date", true),
    whole("requested-quantity"),
    whole("cancelled-quantity"),
    whole("disposed-quantity"),
    whole("shipped-quantity"),
    whole("in-process-quantity"),
    fee || null,
    text("currency") || null,
    loadedAt,
  ];
}
