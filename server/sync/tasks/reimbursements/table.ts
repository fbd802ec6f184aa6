import { index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "~/db/schema/columns";

const money = () => numeric({ precision: 18, scale: 4, mode: "string" });

/**
 * FBA reimbursements as GET_FBA_REIMBURSEMENTS_DATA reports them: per seller account (Amazon's rows do not
 * say which marketplace a reimbursement belongs to; the currency does), one row per reimbursement and
 * product. `approval_day` is the local day of approval in the account's home zone.
 */
export const reimbursements = pgTable(
  "reimbursements",
  {
    // Checked once per statement, and deleted with its scope, instead of per-row foreign keys (a report is
    // a million rows): db/migrations/0010_synced_scope_checks.sql.
    organizationId: uuid().notNull(),
    storeId: uuid().notNull(),
    reimbursementId: text().notNull(),
    sku: text().notNull(),
    fnsku: text().notNull(),
    approvalDay: text().notNull(),
    approvedAt: timestamptz().notNull(),
    caseId: text(),
    amazonOrderId: text(),
    reason: text().notNull(),
    asin: text(),
    productName: text(),
    condition: text(),
    currency: text().notNull(),
    amountPerUnit: money(),
    amountTotal: money().notNull(),
    quantityCash: integer().notNull(),
    quantityInventory: integer().notNull(),
    quantityTotal: integer().notNull(),
    originalReimbursementId: text(),
    originalReimbursementType: text(),
    syncedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.reimbursementId, t.sku, t.fnsku] }), index().on(t.organizationId, t.approvalDay)],
);
