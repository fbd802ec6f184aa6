import { DateTime } from "luxon";
import { rawSql } from "~/db/client";
import { flatFileCharset } from "~/server/amazon/marketplaces";
import { getSpReportDocument, streamReportDocument, type SpReportRequest, type SpReportRow } from "~/server/amazon/sp-reports";
import { replaceDays, replaceScope, type CopyPush, type CopyValue, type DailyTable } from "../replace-days";
import { startOfLocalDay, addDays, toWindows, type DayWindow } from "../windows";
import { BACKFILL, type RunResult, type TaskRunContext } from "./definition";
import type { RunPlan } from "./plan";
import { runReports } from "./reports";
import { spReportApi } from "./sp-report-api";

export interface SpReportTask {
  reportType: string;
  /** What the report is, in the Sync center's words ("FBA removal orders"). */
  label: string;
  /**
   * How long Amazon refuses to generate the type again after a FATAL (its regeneration limit):
   * near-real-time FBA and order reports 30 minutes, daily FBA reports 4 hours.
   */
  fatalCooldownSeconds: number;
  /** The longest range one report may cover (Amazon caps some types, e.g. 30 days for orders). */
  maxDaysPerReport: number;
  /** Monthly charges: one report per calendar month of the run's days, instead of day ranges. */
  monthly?: boolean;
  /**
   * Published once and final (a month's storage fees): outside the backfill, a period whose rows are
   * already stored is not asked for again, so the window keeps asking only while its month is missing.
   */
  loadOnce?: boolean;
  /**
   * A snapshot of the seller's whole catalog (the all-listings report): asked for without dates, one
   * report per run, and its rows replace all of the scope's rows (the table has no day column).
   */
  snapshot?: boolean;
  table: DailyTable;
  /**
   * One row of the file (keyed by Amazon's header) → the table's columns, in the binding's order. Throws
   * MalformedReportRowError (with the row's number) for a row it cannot read.
   */
  row: (row: SpReportRow, context: { plan: RunPlan; index: number; loadedAt: string }) => CopyValue[];
}

/** The calendar months the days fall in, each as the window from its first to its last day. */
export function monthWindows(days: string[]): DayWindow[] {
  const months = [...new Set(days.map((d) => d.slice(0, 7)))].sort();
  return months.map((m) => ({ start: `${m}-01`, end: DateTime.fromISO(`${m}-01`, { zone: "UTC" }).endOf("month").toISODate()! }));
}

/** The windows (by first day) the table already holds rows of, for the scope. */
async function loadedWindows(table: DailyTable, scopeId: string, windows: DayWindow[]): Promise<string[]> {
  const found: string[] = [];
  for (const w of windows) {
    const rows = await rawSql().unsafe(
      `select 1 from "${table.table}" where "${table.scopeColumn}" = $1 and "${table.dayColumn}" between $2 and $3 limit 1`,
      [scopeId, w.start, w.end],
    );
    if (rows.length) found.push(w.start);
  }
  return found;
}

/** A snapshot report: Amazon's data as of now, with no period. */
export function snapshotRequest(task: Pick<SpReportTask, "reportType">, plan: RunPlan): SpReportRequest {
  return { reportType: task.reportType, marketplaceIds: plan.scope.marketplaceIds ?? [plan.scope.marketplaceId!] };
}

/** The report covering a window of the marketplace's local days (from 00:00 of the first to 24:00 of the last). */
export function reportRequest(task: Pick<SpReportTask, "reportType">, plan: RunPlan, window: DayWindow): SpReportRequest {
  return {
    reportType: task.reportType,
    marketplaceIds: plan.scope.marketplaceIds ?? [plan.scope.marketplaceId!],
    dataStartTime: startOfLocalDay(window.start, plan.scope.timeZone).toISOString(),
    dataEndTime: new Date(startOfLocalDay(addDays(window.end, 1), plan.scope.timeZone).getTime() - 1000).toISOString(),
  };
}

/**
 * The run of a flat-file report task: the run's days in reports of at most `maxDaysPerReport`, all
 * requested at once and polled together (the shared loop), each finished one downloaded just after its
 * link is issued (links live 5 minutes) and loaded into its days of the table in one transaction.
 */
export function spReportRun(task: SpReportTask) {
  if (Boolean(task.snapshot) !== (task.table.dayColumn === null))
    throw new Error(`${task.reportType}: a snapshot report loads a table without days, and only it does`);
  return async ({ plan, steps }: TaskRunContext): Promise<RunResult> => {
    let windows = task.snapshot ? [] : task.monthly ? monthWindows(plan.days) : toWindows(plan.days, task.maxDaysPerReport);
    if (task.loadOnce && plan.window !== BACKFILL) {
      const loaded = await steps.run("already-loaded", () => loadedWindows(task.table, plan.scope.scopeId, windows));
      windows = windows.filter((w) => !loaded.includes(w.start));
      if (!windows.length) return { rowsWritten: 0, detail: { alreadyLoaded: loaded.length } };
    }
    const reports = task.snapshot
      ? [{ key: "snapshot", request: snapshotRequest(task, plan), window: null }]
      : windows.map((w) => ({ key: w.start, request: reportRequest(task, plan, w), window: w }));
    const api = spReportApi(plan.scope.region, task);
    const finished = await runReports(steps, api, "report", reports.map(({ key, request }) => ({ key, request })));
    let rowsWritten = 0;
    let noData = 0;
    for (const [i, report] of finished.entries()) {
      if (report.state.state === "no_data") {
        noData += 1;
        continue;
      }
      const documentId = report.state.document!;
      const { key, window } = reports[i]!;
      const loaded = await steps.amazon(`load-${key}`, async (caller) => {
        // Asked for only now: the link expires 5 minutes after Amazon issues it.
        const document = await getSpReportDocument(caller, plan.scope.region, documentId);
        const loadedAt = new Date().toISOString();
        const feed = async (push: CopyPush) => {
          // The loader may read the file twice (see replaceDays): rows are numbered per reading.
          let index = 0;
          await streamReportDocument(document.url, document.compressionAlgorithm, async (rows) => {
            await push(rows.map((row) => task.row(row, { plan, index: ++index, loadedAt })));
          }, { fetch: caller.fetch, charset: flatFileCharset(plan.scope), report: task.label });
        };
        return window
          ? replaceDays(rawSql(), task.table, { scopeId: plan.scope.scopeId, start: window.start, end: window.end }, feed)
          : replaceScope(rawSql(), task.table, plan.scope.scopeId, feed);
      });
      rowsWritten += loaded.changed + loaded.removed;
    }
    return { rowsWritten, noData: noData === finished.length && finished.length > 0, detail: { reports: finished.length, noData } };
  };
}
