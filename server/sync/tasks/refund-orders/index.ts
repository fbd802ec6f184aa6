import { syncRefundEvents } from "~/server/refunds/sync-refunds";
import { BACKFILL, defineSyncTask, type TaskRunContext } from "../../kit/definition";
import { pagedApiRun } from "../../kit/paged-api-task";
import { spReportRun } from "../../kit/sp-report-task";
import { customerReturnRow, customerReturnsTable } from "./returns";

/** The window that loads the FBA returns report (the reason and status of a refund). */
const RETURNS_WINDOW = "return-reasons";

/**
 * Refunds, found where Amazon books them: Finances' listFinancialEvents by posted date, whose RefundEventList
 * carries each refund's fee details per item (the same ShipmentEvent listFinancialEventsByOrderId would
 * answer for the order, so no call per order is needed: a year of a big seller's refunds is some 35,000
 * orders, 20 hours of listFinancialEventsByOrderId at 0.5/s, and a dozen extra minutes of listing here).
 * The Orders API does not flag refunds; this finds them for every synced order (a refund of an order the
 * orders syncs store later shows with it then).
 */
const listRefunds = pagedApiRun({ page: syncRefundEvents });

/**
 * Why a buyer returned an FBA item, and where the unit stands: Finances gives no reason, Amazon's returns
 * report does (FBA returns only; a seller-fulfilled refund shows none).
 */
const loadReturns = spReportRun({
  reportType: "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
  label: "FBA customer returns",
  // A daily FBA report: Amazon regenerates it only after 4 hours.
  fatalCooldownSeconds: 4 * 3600,
  // Amazon publishes no limit for this report; two months keep the reports few (createReport's quota is
  // shared with every report task of the store) and each file modest.
  maxDaysPerReport: 60,
  table: customerReturnsTable,
  row: customerReturnRow,
});

async function run(context: TaskRunContext) {
  if (context.plan.window === RETURNS_WINDOW) return loadReturns(context);
  const refunds = await listRefunds(context);
  if (context.plan.window !== BACKFILL) return refunds;
  const returns = await loadReturns(context);
  return { ...refunds, rowsWritten: refunds.rowsWritten + returns.rowsWritten, detail: { ...refunds.detail, returnReports: returns.detail } };
}

/** Store sales data ④: the fee details of refunded orders, per seller account (every marketplace at once). */
export const refundOrders = defineSyncTask({
  key: "refund-orders",
  title: "Refund orders",
  specItem: "Store sales data ④",
  promise: "When a synchronized order is a refund order, its fee details are retrieved.",
  // listFinancialEvents answers for the whole seller account (each event names its marketplace): listing it
  // once per marketplace would read every event as many times.
  scope: "store",
  source: [
    "Finances v0 listFinancialEvents (RefundEventList: each refund's charges, fees and promotions per item, by posted date)",
    "Reports: GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA (return reason and status)",
  ],
  dataset: ["refund_items", "customer_returns"],
  // The historical orders reach a year back; their refunds post within it.
  backfill: { label: "refunds posted and FBA returns in the year before authorization", days: 366 },
  windows: [
    {
      key: "recent",
      label: "refunds posted since the last run (and Amazon's last 48 hours again)",
      // Alongside the orders syncs (every 15–30 minutes): a refund shows within the hour once Finances has it
      // (Amazon itself may take up to 48 hours). Each run re-reads 48 hours — a big seller's some 45 pages,
      // about 5 % of listFinancialEvents' quota (0.5/s) at this cadence.
      cadence: { kind: "interval", minMinutes: 30, maxMinutes: 60 },
      days: [{ fromDaysAgo: 2, toDaysAgo: 0 }],
      // After a pause the listing resumes where the last one reached (48 hours before it), at most a year back.
      catchUpDays: 366,
    },
    {
      key: RETURNS_WINDOW,
      label: "FBA returns of the last 30 days (reason and status)",
      // Amazon updates the returns report daily.
      cadence: { kind: "daily", atLocalHour: 7 },
      days: [{ fromDaysAgo: 29, toDaysAgo: 0 }],
      catchUpDays: 366,
    },
  ],
  run,
});
