import { rawSql } from "~/db/client";
import { analyzeClaims } from "~/server/claims/analysis";
import { storeItemsPage, storeShipmentsPage } from "~/server/claims/inbound-sync";
import { and, eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { syncStates } from "~/db/schema";
import { BACKFILL, defineSyncTask, type RunResult, type TaskRunContext } from "../../kit/definition";
import { pagedApiRun } from "../../kit/paged-api-task";
import { spReportRun } from "../../kit/sp-report-task";
import { reimbursements } from "../reimbursements";
import { ledgerRow, ledgerTable } from "./ledger";

const loadLedger = spReportRun({
  reportType: "GET_LEDGER_DETAIL_VIEW_DATA",
  label: "Inventory ledger",
  // A daily FBA report: Amazon regenerates it only after 4 hours.
  fatalCooldownSeconds: 4 * 3600,
  // Amazon publishes no limit. createReport's quota (one a minute) is shared with every report task of the
  // store, and an authorization asks for dozens at once: half a year keeps 18 months to three reports per
  // marketplace; a big seller's file (every unit shipped) is then some 600,000 rows, streamed into the table.
  maxDaysPerReport: 184,
  table: ledgerTable,
  row: ledgerRow,
});

/** How long the analysis waits for the reimbursements backfill, at most: 6 hours, checking every 2 minutes. */
const WAIT_SECONDS = 120;
const MAX_WAITS = 180;

async function reimbursementsLoaded(db: Database, storeId: string): Promise<boolean> {
  const [state] = await db
    .select({ at: syncStates.lastSucceededAt })
    .from(syncStates)
    .where(and(eq(syncStates.task, reimbursements.key), eq(syncStates.scopeId, storeId), eq(syncStates.window, BACKFILL)));
  return Boolean(state?.at);
}

/** The marketplace's inbound shipments updated during the run's days, then their items (Inbound v0). */
const listShipments = pagedApiRun({ name: "shipments", page: storeShipmentsPage });
const listShipmentItems = pagedApiRun({ name: "shipment-items", page: storeItemsPage });

async function run(context: TaskRunContext): Promise<RunResult> {
  const { plan, steps } = context;
  const ledger = await loadLedger(context);
  const shipments = await listShipments(context);
  const items = await listShipmentItems(context);
  // A loss Amazon reimbursed is no case: until the reimbursements' 18 months are stored (their own task, run
  // at the same authorization), the analysis waits rather than show as owed what Amazon already paid.
  for (let check = 0; !(await steps.run(`reimbursements-loaded-${String(check)}`, () => reimbursementsLoaded(steps.db, plan.scope.storeId!))); check++) {
    if (check >= MAX_WAITS) break;
    await steps.sleep(`await-reimbursements-${String(check)}`, WAIT_SECONDS);
  }
  // The analysis reads the whole store (reimbursements name no marketplace), so each marketplace's run
  // analyses it again with what this run loaded.
  const analysis = await steps.run("analyze", () => analyzeClaims(rawSql(), plan.scope.organizationId, plan.scope.storeId!));
  return {
    rowsWritten: ledger.rowsWritten + shipments.rowsWritten + items.rowsWritten + analysis.found + analysis.changed + analysis.lapsed,
    detail: { ledger: ledger.detail ?? {}, shipments: shipments.detail ?? {}, items: items.detail ?? {}, analysis },
  };
}

/** Store sales data ⑩: the claims assistant's data and analysis, per marketplace. */
export const claims = defineSyncTask({
  key: "claims",
  title: "Claims assistant",
  specItem: "Store sales data ⑩",
  promise:
    "Reimbursable inventory is updated once a day. After authorization, data from 18 months to 1 month before it is analyzed, then the previous month daily. A claim with no result after 30 days lapses and can be resubmitted. A completed shipment whose received quantity is below the declared quantity can be claimed.",
  scope: "store_marketplace",
  source: [
    "Reports: GET_LEDGER_DETAIL_VIEW_DATA (lost, damaged and found units; receipts; customer returns)",
    "Fulfillment Inbound v0 getShipments, getShipmentItems (declared and received quantities)",
    "Stored by other tasks: reimbursements, refunds of FBA orders, FBA customer returns",
  ],
  dataset: ["inventory_ledger_events", "inbound_shipments", "inbound_shipment_items", "claim_cases", "claim_case_events"],
  // The last month is loaded too (a loss is seen with what found or reimbursed it since); the analysis
  // counts only losses at least a month old (server/claims/policy.ts), as the spec says.
  backfill: { label: "18 months to 1 month before authorization (analyzed with the month since)", months: 18 },
  windows: [
    {
      key: "previous-month",
      label: "the previous month, analyzed daily",
      cadence: { kind: "daily", atLocalHour: 8 },
      days: [{ fromDaysAgo: 31, toDaysAgo: 0 }],
      // After a pause, the days missed are loaded once (the ledger reaches 18 months back).
      catchUpDays: 549,
    },
  ],
  run,
});
