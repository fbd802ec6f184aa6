import { defineSyncTask } from "../../kit/definition";
import { spReportRun } from "../../kit/sp-report-task";
import { reimbursementRow, reimbursementsTable } from "./rows";

/** Store sales data ⑨: FBA reimbursements, per seller account. */
export const reimbursements = defineSyncTask({
  key: "reimbursements",
  title: "Reimbursement report",
  specItem: "Store sales data ⑨",
  promise: "Updated once a day (time not fixed, but guaranteed daily); after authorization, the 18 months before it are retrieved.",
  scope: "store",
  source: ["Reports: GET_FBA_REIMBURSEMENTS_DATA"],
  dataset: ["reimbursements"],
  backfill: { label: "18 months before authorization", months: 18 },
  windows: [
    {
      key: "recent",
      label: "reimbursements approved in the last 30 days",
      // "Time not fixed, but guaranteed daily": after 07:00 in the account's zone, spread by the scheduler's tick.
      cadence: { kind: "daily", atLocalHour: 7 },
      days: [{ fromDaysAgo: 29, toDaysAgo: 0 }],
      catchUpDays: 549,
    },
  ],
  run: spReportRun({
    reportType: "GET_FBA_REIMBURSEMENTS_DATA",
    label: "FBA reimbursements",
    // A daily FBA report: Amazon regenerates it only after 4 hours.
    fatalCooldownSeconds: 4 * 3600,
    maxDaysPerReport: 31,
    table: reimbursementsTable,
    row: reimbursementRow,
  }),
});
