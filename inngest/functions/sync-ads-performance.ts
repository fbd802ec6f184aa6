import { db, rawSql } from "~/db/client";
import { inngest } from "~/inngest/client";
import { adsDisconnected, adsPerformanceSyncRequested } from "~/inngest/events";
import * as sync from "~/server/advertising/performance-sync";
import { recordSyncFailure, recordSyncSkip } from "~/server/sync/failure";

const failed = (d: { organizationId: string; adProfileId: string; window: string }) => ({
  organizationId: d.organizationId,
  task: "ads-performance" as const,
  window: d.window,
  scopeId: d.adProfileId,
});

/** How long to wait between polls of Amazon's report status (shorter against an accelerated sandbox). */
const firstPollSeconds = () => Number(process.env.SYNC_REPORT_POLL_SECONDS ?? 30);
/** Amazon: report generation "can take as long as three hours". */
const MAX_WAIT_SECONDS = 3 * 60 * 60;
const MAX_RECREATIONS = 2;

/**
 * Advertising data (spec: Advertising data ①②): one catalog window of one ad profile — the 60-day backfill,
 * the last 2 days, or days 3–9/15–22/31–40/51–60 — fetched as Sponsored Products DAILY reports and loaded
 * day-window by day-window. Every Amazon call is a memoized step, so a crash resumes polling the same
 * reports instead of requesting new ones.
 */
export const syncAdsPerformanceFn = inngest.createFunction(
  {
    id: "sync-ads-performance",
    name: "Sync advertising data",
    triggers: [adsPerformanceSyncRequested],
    // One run per profile and window at a time; a request for a window already running is dropped.
    singleton: { key: "event.data.adProfileId + ':' + event.data.window", mode: "skip" },
    concurrency: [{ limit: 2, key: "event.data.adProfileId" }],
    cancelOn: [{ event: adsDisconnected, if: "async.data.adProfileId == event.data.adProfileId" }],
    retries: 4,
    onFailure: ({ event, error }) => recordSyncFailure(failed(event.data.event.data), error),
  },
  async ({ event, step, runId }) => {
    const planned = await step.run("plan", () =>
      sync.planAdsPerformanceRun(db, { ...event.data, now: new Date(), jobRunId: runId }),
    );
    if ("skipped" in planned) {
      await step.run("record-skip", () => recordSyncSkip(failed(event.data), planned.skipped));
      return { skipped: planned.skipped };
    }
    const plan = planned.plan;
    let apiCalls = 0;

    const reports: (sync.AdsReportRef & { reportId: string })[] = [];
    for (const report of plan.reports) {
      const created = await step.run(`create-${report.kind}-${report.window.start}`, () => sync.requestAdsReport(db, plan, report));
      apiCalls += created.calls;
      reports.push({ ...report, reportId: created.reportId });
    }

    const completed = new Map<string, { sealedUrl: string | null; polledAt: string }>();
    for (let round = 0; ; round++) {
      let pending = reports.filter((r) => !completed.has(r.reportId)).map((r) => r.reportId);
      let waited = 0;
      let delay = firstPollSeconds();
      const failed: string[] = [];
      for (let attempt = 0; pending.length; attempt++) {
        if (waited > MAX_WAIT_SECONDS) throw new Error("Amazon did not finish the advertising reports within 3 hours.");
        await step.sleep(`wait-${round}-${attempt}`, `${Math.max(1, Math.round(delay))}s`);
        waited += delay;
        delay = Math.min(delay * 1.5, 300);
        const polled = await step.run(`poll-${round}-${attempt}`, () => sync.pollAdsReports(db, plan, pending));
        apiCalls += polled.calls;
        for (const [id, s] of Object.entries(polled.statuses)) {
          if (s.status === "COMPLETED") completed.set(id, { sealedUrl: s.sealedUrl, polledAt: s.polledAt });
          // A report Amazon gave up on, or no longer knows (404), is asked for again.
          if (s.status === "FAILED" || s.status === "LOST") failed.push(id);
        }
        pending = pending.filter((id) => !completed.has(id) && !failed.includes(id));
      }
      if (!failed.length) break;
      if (round >= MAX_RECREATIONS) throw new Error(`Amazon failed to generate ${failed.length} advertising report(s) ${MAX_RECREATIONS + 1} times.`);
      // Amazon gave up on some reports: ask for them again.
      for (const [i, r] of reports.entries()) {
        if (!failed.includes(r.reportId)) continue;
        const again = await step.run(`recreate-${round}-${r.kind}-${r.window.start}`, () => sync.requestAdsReport(db, plan, r));
        apiCalls += again.calls;
        reports[i] = { ...r, reportId: again.reportId };
      }
    }

    let rowsWritten = 0;
    const loaded: typeof plan.windows = [];
    for (const window of plan.windows) {
      for (const report of reports.filter((r) => r.window.start === window.start)) {
        const result = await step.run(`load-${report.kind}-${window.start}`, () =>
          sync.loadFinishedAdsReport(db, rawSql(), plan, { ...report, ...completed.get(report.reportId) }),
        );
        apiCalls += result.calls;
        rowsWritten += result.changed + result.removed;
      }
      loaded.push(window);
      await step.run(`loaded-${window.start}`, () => sync.markWindowLoaded(db, plan, window, loaded, new Date()));
    }

    await step.run("finish", () => sync.finishAdsRun(db, plan, { rowsWritten, apiCalls, now: new Date() }));
    return { windows: plan.windows, reports: reports.length, rowsWritten, apiCalls };
  },
);
