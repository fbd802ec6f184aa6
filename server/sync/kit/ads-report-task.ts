import type { Database } from "~/db/client";
import { ADS_REPORTS, type AdsReportKind } from "~/server/advertising/report-tables";
import { createAdsReport, getAdsReport } from "~/server/amazon/ads-reports";
import { AmazonApiError } from "~/server/amazon/api-error";
import type { Region } from "~/server/amazon/endpoints";
import type { AmazonCaller } from "~/server/amazon/request";
import { decryptSecret, encryptSecret } from "~/server/crypto/secrets";
import type { ReplaceResult } from "../replace-days";
import { toWindows, type DayWindow } from "../windows";
import type { RunResult, TaskRunContext } from "./definition";
import type { RunPlan } from "./plan";
import { runReports, type ReportApi, type ReportState } from "./reports";

interface AdsReportRequest {
  kind: AdsReportKind;
  startDate: string;
  endDate: string;
}

/** Amazon: report generation "can take as long as three hours". */
const MAX_WAIT_SECONDS = 3 * 60 * 60;
/** Amazon's report URLs live an hour; one older than this is fetched again before downloading. */
const FRESH_URL_MS = 30 * 60 * 1000;

/**
 * Ads reporting v3 as the shared poll loop sees it. A finished report's URL is presigned (whoever holds it
 * reads the seller's data for an hour), so it leaves the poll step only sealed with the secrets key: step
 * results are stored in the executor's tables.
 */
function adsReportApi(region: Region): ReportApi<AdsReportRequest> {
  return {
    label: "advertising",
    maxWaitSeconds: MAX_WAIT_SECONDS,
    // A FAILED advertising report may be asked for again at once.
    cooldownSeconds: () => 0,
    create: (caller, { kind, startDate, endDate }) => createAdsReport(caller, region, { name: kind, report: ADS_REPORTS[kind], startDate, endDate }),
    async status(caller, reportId): Promise<ReportState> {
      try {
        const s = await getAdsReport(caller, region, reportId);
        if (s.status === "COMPLETED") return { state: "done", document: s.url ? encryptSecret(s.url) : null, at: new Date().toISOString() };
        if (s.status === "FAILED") return { state: "failed", reason: s.failureReason ?? "" };
        return { state: "pending" };
      } catch (error) {
        if (error instanceof AmazonApiError && error.status === 404) return { state: "lost" };
        throw error;
      }
    },
  };
}

export interface AdsReportTask {
  kinds: readonly AdsReportKind[];
  /** Amazon Ads reports span at most 31 days. */
  maxDaysPerReport: number;
  /** Downloads a finished report and replaces its days of its table. */
  load(plan: RunPlan, report: { kind: AdsReportKind; window: DayWindow; url: string }): Promise<ReplaceResult>;
  /** After every kind of a window is loaded (e.g. to record when its days were refreshed). */
  windowLoaded?(db: Database, plan: RunPlan, window: DayWindow, loaded: DayWindow[]): Promise<void>;
}

/** The URL of a finished report: the one from the last poll while it is surely valid, else asked for again. */
async function reportUrl(caller: AmazonCaller, region: Region, reportId: string, state: ReportState): Promise<string> {
  if (state.state === "done" && state.document && Date.now() - Date.parse(state.at) < FRESH_URL_MS) return decryptSecret(state.document);
  const again = await getAdsReport(caller, region, reportId);
  if (again.status !== "COMPLETED" || !again.url) throw new Error(`Ads report ${reportId} is ${again.status}, not ready to load.`);
  return again.url;
}

/**
 * The run of an advertising report task: the run's days in windows of at most 31, every kind of report for
 * each window requested at once and polled together, then loaded window by window.
 */
export function adsReportRun(task: AdsReportTask) {
  return async ({ plan, steps }: TaskRunContext): Promise<RunResult> => {
    const windows = toWindows(plan.days, task.maxDaysPerReport);
    const requests = windows.flatMap((window) =>
      task.kinds.map((kind) => ({ key: `${kind}-${window.start}`, request: { kind, startDate: window.start, endDate: window.end }, window })),
    );
    const finished = await runReports(steps, adsReportApi(plan.scope.region), "report", requests);
    let rowsWritten = 0;
    const loaded: DayWindow[] = [];
    for (const window of windows) {
      for (const report of finished.filter((r) => r.request.startDate === window.start)) {
        const result = await steps.amazon(`load-${report.key}`, async (caller) =>
          task.load(plan, {
            kind: report.request.kind,
            window,
            url: await reportUrl(caller, plan.scope.region, report.reportId, report.state),
          }),
        );
        rowsWritten += result.changed + result.removed;
      }
      loaded.push(window);
      if (task.windowLoaded) await steps.run(`loaded-${window.start}`, () => task.windowLoaded!(steps.db, plan, window, loaded));
    }
    return { rowsWritten, detail: { reports: finished.length } };
  };
}
