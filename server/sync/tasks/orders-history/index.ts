import { rawSql } from "~/db/client";
import { flatFileCharset } from "~/server/amazon/marketplaces";
import { getSpReportDocument, streamReportTable } from "~/server/amazon/sp-reports";
import { defineSyncTask, type RunResult, type TaskRunContext } from "../../kit/definition";
import { runReports } from "../../kit/reports";
import { reportRequest } from "../../kit/sp-report-task";
import { spReportApi } from "../../kit/sp-report-api";
import { recordProgress } from "../../state";
import { addDays, startOfLocalDay, toWindows } from "../../windows";
import { orderColumns, orderLine } from "./lines";
import { mergeOrderHistory } from "./merge";
import { historySpanDays, incrementalVolume, type OrderVolume } from "./span";

const REPORT_TYPE = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL";
/** How long the run waits for the incremental sync's first measurement of the order volume, at most. */
const VOLUME_WAITS = 15;
const VOLUME_WAIT_SECONDS = 20;

/** The order volume the span is sized by: the incremental sync's, once it has finished once. */
async function measuredVolume({ plan, steps }: TaskRunContext): Promise<OrderVolume> {
  for (let attempt = 0; ; attempt++) {
    const volume = await steps.run(`volume-${attempt}`, () => incrementalVolume(steps.db, plan, new Date()));
    // Without a measurement after a few minutes (the incremental sync failing), what is stored is used.
    if (volume.measured || attempt >= VOLUME_WAITS) return volume;
    await steps.sleep(`volume-wait-${attempt}`, VOLUME_WAIT_SECONDS);
  }
}

async function runHistory(context: TaskRunContext): Promise<RunResult> {
  const { plan, steps } = context;
  const volume = await measuredVolume(context);
  const spanDays = historySpanDays(volume.orders / volume.days);
  // Amazon's "order date" is when an order became fulfillable: an order placed before 00:00 yesterday may
  // leave Pending after it. The last report reaches to the run's start, and only orders placed before
  // 00:00 yesterday are kept (the later ones are the incremental sync's).
  const yesterday = addDays(plan.today, -1);
  const placedBefore = startOfLocalDay(yesterday, plan.scope.timeZone).toISOString();
  const windows = toWindows([...plan.days, yesterday, plan.today], spanDays);
  const requestFor = (w: (typeof windows)[number]) => {
    const request = reportRequest({ reportType: REPORT_TYPE }, plan, w);
    return w.end >= plan.today ? { ...request, dataEndTime: plan.startedAt } : request;
  };
  // An order report Amazon generates again after 30 minutes (a near-real-time report).
  const api = spReportApi(plan.scope.region, { label: "historical orders", fatalCooldownSeconds: 30 * 60 });
  const ref = { task: plan.task, window: plan.window, scopeId: plan.scope.scopeId };
  let rowsWritten = 0;
  let lines = 0;
  let noData = 0;
  let daysDone = 0;
  let loadSeconds = 0;
  // Each report is loaded as soon as it is done, while createReport's quota holds back the next ones: a
  // year of a big seller's orders arrives month by month (the Orders page shows them), and loading costs
  // no time beyond what the quota takes anyway.
  const byKey = new Map(windows.map((w) => [w.start, w]));
  await runReports(steps, api, "report", windows.map((w) => ({ key: w.start, request: requestFor(w) })), {
    onFinished: async (report) => {
      const window = byKey.get(report.key)!;
      if (report.state.state === "no_data") noData += 1;
      else {
        const documentId = report.state.document!;
        const merged = await steps.amazon(`load-${window.start}`, async (caller) => {
          // Asked for only now: the link expires 5 minutes after Amazon issues it.
          const document = await getSpReportDocument(caller, plan.scope.region, documentId);
          const started = performance.now();
          const result = await mergeOrderHistory(rawSql(), { ...plan.scope, placedBefore }, async (push) => {
            let line = 0;
            let columns: number[] | null = null;
            await streamReportTable(document.url, document.compressionAlgorithm, async (rows, header) => {
              columns ??= orderColumns(header);
              await push(rows.map((fields) => orderLine(fields, columns!, ++line)));
            }, { fetch: caller.fetch, charset: flatFileCharset(plan.scope), report: "order history" });
          });
          return { ...result, seconds: (performance.now() - started) / 1000 };
        });
        rowsWritten += merged.orders + merged.items;
        loadSeconds += merged.seconds;
        lines += merged.lines;
      }
      daysDone += plan.days.filter((d) => d >= window.start && d <= window.end).length;
      await steps.run(`progress-${window.start}`, () => recordProgress(steps.db, ref, daysDone));
    },
  });
  const reports = windows.length;
  return {
    rowsWritten,
    noData: noData === reports && reports > 0,
    detail: { spanDays, ordersPerDay: Math.round(volume.orders / volume.days), volumeMeasured: volume.measured, reports, lines, loadSeconds: Math.round(loadSeconds * 10) / 10 },
  };
}

/** Store sales data ②: orders created before 00:00 yesterday, for nearly a year, in spans sized by volume. */
export const ordersHistory = defineSyncTask({
  key: "orders-history",
  title: "Historical orders",
  specItem: "Store sales data ②",
  promise:
    "Orders generated before 00:00 yesterday, for nearly 1 year, in time spans sized by order volume: the larger the volume, the smaller the span.",
  scope: "store_marketplace",
  source: ["Reports: GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL (≤ 30 days per report)"],
  dataset: ["orders", "order_items"],
  // The 365 local days before yesterday; yesterday and today are the incremental sync's.
  backfill: { label: "about 1 year before yesterday", days: 365, skipRecentDays: 2 },
  windows: [],
  run: runHistory,
});
