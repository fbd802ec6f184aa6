import type { SpReportRow } from "~/server/amazon/sp-reports";
import type { RunPlan } from "../../kit/plan";
import { reportRowReader } from "../../kit/report-row";
import { bindTable } from "../../kit/table";
import type { CopyValue } from "../../replace-days";
import { longTermStorageFees as t } from "./table";

export const longTermStorageFeesTable = bindTable(t, {
  columns: [
    t.organizationId, t.storeMarketplaceId, t.monthDay, t.snapshotDate, t.sku, t.fnsku, t.surchargeAgeTier, t.asin, t.productName,
    t.condition, t.perUnitVolume, t.volumeUnit, t.country, t.quantityCharged, t.amountCharged, t.rateSurcharge, t.currency, t.syncedAt,
  ],
  scope: t.storeMarketplaceId,
  day: t.monthDay,
  bookkeeping: [t.syncedAt, t.organizationId],
});

const DAY = /^\d{4}-\d{2}-\d{2}/;

/** One line of Amazon's long-term storage fee file → a long_term_storage_fees row, or a plain refusal. */
export function longTermStorageFeeRow(row: SpReportRow, { plan, index, loadedAt }: { plan: RunPlan; index: number; loadedAt: string }): CopyValue[] {
  const r = reportRowReader(row, index, "FBA long-term storage fees");
  const snapshot = r.required("snapshot-date");
  if (!DAY.test(snapshot)) r.fail("snapshot-date", "a date");
  const day = snapshot.slice(0, 10);
  return [
    plan.scope.organizationId,
    plan.scope.scopeId,
    `${day.slice(0, 7)}-01`,
    day,
    r.required("sku"),
    r.text("fnsku"),
    r.text("surcharge-age-tier"),
    r.optional("asin"),
    r.optional("product-name"),
    r.optional("condition"),
    r.amount("per-unit-volume", true),
    r.optional("volume-unit"),
    r.optional("country"),
    r.whole("qty-charged"),
    r.amount("amount-charged"),
    r.amount("rate-surcharge", true),
    r.required("currency"),
    loadedAt,
  ];
}
