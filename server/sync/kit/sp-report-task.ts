import { rawSql } from "~/db/client";
import { getSpReportDocument, streamReportDocument, type SpReportRequest, type SpReportRow } from "~/server/amazon/sp-reports";
import { replaceDays, type CopyValue, type DailyTable } from "../replace-days";
import { startOfLocalDay, addDays, toWindows, type DayWindow } from "../windows";
import type { RunResult, TaskRunContext } from "./definition";
import type { RunPlan } from "./plan";
import { runReports } from "./reports";
import { spReportApi } from "./sp-report-api";

/** A report row that does not look like Amazon's: the whole report is refused, nothing is written. */
export class MalformedReportRowError extends Error {
  override name = "MalformedReportRowError";
}

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
  table: DailyTable;
  /**
   * One row of the file (keyed by Amazon's header) → the table's columns, in the binding's order. Throws
   * MalformedReportRowError (with the row's number) for a row it cannot read.
   */
  row: (row: SpReportRow, context: { plan: RunPlan; index: number; loadedAt: string }) => CopyValue[];
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
  return async ({ plan, steps }: TaskRunContext): Promise<RunResult> => {
    const windows = toWindows(plan.days, task.maxDaysPerReport);
    const api = spReportApi(plan.scope.region, task);
    const finished = await runReports(
      steps,
      api,
      "report",
      windows.map((w) => ({ key: w.start, request: reportRequest(task, plan, w) })),
    );
    let rowsWritten = 0;
    let noData = 0;
    for (const [i, report] of finished.entries()) {
      if (report.state.state === "no_data") {
        noData += 1;
        continue;
      }
      const documentId = report.state.document!;
      const window = windows[i]!;
      const loaded = await steps.amazon(`load-${window.start}`, async (caller) => {
        // Asked for only now: the link expires 5 minutes after Amazon issues it.
        const document = await getSpReportDocument(caller, plan.scope.region, documentId);
        const loadedAt = new Date().toISOString();
        let index = 0;
        return replaceDays(rawSql(), task.table, { scopeId: plan.scope.scopeId, start: window.start, end: window.end }, async (push) => {
          await streamReportDocument(document.url, document.compressionAlgorithm, async (rows) => {
            await push(rows.map((row) => task.row(row, { plan, index: ++index, loadedAt })));
          }, { fetch: caller.fetch });
        });
      });
      rowsWritten += loaded.changed + loaded.removed;
    }
    return { rowsWritten, noData: noData === finished.length && finished.length > 0, detail: { reports: finished.length, noData } };
  };
}
