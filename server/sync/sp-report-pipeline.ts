import type { Database } from "~/db/client";
import type { Region } from "~/server/amazon/endpoints";
import { AmazonApiError } from "~/server/amazon/api-error";
import type { AmazonCaller } from "~/server/amazon/request";
import { createSpReport, getSpReport, getSpReportDocument, type SpReportRequest, type SpReportStatus } from "~/server/amazon/sp-reports";

/**
 * The step tools the pipeline uses, typed minimally so Inngest's `step` (or a test double) fits. A step's
 * result is memoized as JSON: what `load` returns must survive JSON (no Dates, Maps, undefined-only keys).
 */
export interface ReportStepTools {
  run(id: string, fn: () => Promise<unknown>): Promise<unknown>;
  sleep(id: string, duration: string): Promise<unknown>;
}

/**
 * How long Amazon refuses to regenerate a report type after a FATAL (its regeneration limit): a report asked
 * for again sooner fails again. Near-real-time FBA and order reports: 30 minutes; daily FBA reports: 4 hours.
 */
export const FATAL_COOLDOWN_SECONDS: Record<string, number> = {
  GET_FBA_REIMBURSEMENTS_DATA: 4 * 3600,
  GET_FBA_STORAGE_FEE_CHARGES_DATA: 4 * 3600,
  GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA: 4 * 3600,
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: 4 * 3600,
  GET_LEDGER_DETAIL_VIEW_DATA: 4 * 3600,
  GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: 30 * 60,
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: 30 * 60,
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: 30 * 60,
  GET_MERCHANT_LISTINGS_ALL_DATA: 30 * 60,
};
const DEFAULT_FATAL_COOLDOWN_SECONDS = 30 * 60;

/** What a report is, in the words the Sync center shows. */
const REPORT_LABELS: Record<string, string> = {
  GET_FBA_REIMBURSEMENTS_DATA: "FBA reimbursements",
  GET_FBA_STORAGE_FEE_CHARGES_DATA: "FBA storage fees",
  GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA: "FBA long-term storage fees",
  GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: "FBA customer returns",
  GET_LEDGER_DETAIL_VIEW_DATA: "inventory ledger",
  GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: "FBA removal orders",
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL: "orders",
  GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL: "orders",
  GET_MERCHANT_LISTINGS_ALL_DATA: "listings",
};
const label = (reportType: string) => REPORT_LABELS[reportType] ?? reportType;

export function fatalCooldownSeconds(reportType: string, env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.SYNC_FATAL_COOLDOWN_SECONDS);
  if (env.SYNC_FATAL_COOLDOWN_SECONDS && Number.isFinite(override) && override >= 0) return override;
  return FATAL_COOLDOWN_SECONDS[reportType] ?? DEFAULT_FATAL_COOLDOWN_SECONDS;
}

/** How long to wait before the first poll (shorter against an accelerated sandbox); later waits grow ×1.5. */
const firstPollSeconds = () => Number(process.env.SYNC_REPORT_POLL_SECONDS ?? 30);
const MAX_POLL_SECONDS = 5 * 60;
/** Amazon: generation "can take as long as three hours"; give it four. */
const MAX_WAIT_SECONDS = 4 * 60 * 60;
/** After a FATAL the report is requested again, at most this many times. */
export const MAX_FATAL_RETRIES = 2;
/** A report id Amazon answers 404 for is requested again, at most this many times. */
const MAX_LOST_RETRIES = 2;
type PolledStatus = SpReportStatus | "LOST";

type Load<L> = (url: string, compression: string | null) => Promise<L>;

export interface RunSpReportArgs<L extends Record<string, unknown>> {
  step: ReportStepTools;
  db: Database;
  /** Whose grant and quotas; `onCall` (if any) still hears every request actually sent. */
  caller: Omit<AmazonCaller, "db">;
  region: Region;
  /** Prefix of every step id; unique within the calling function (e.g. "reimbursements-2026-10"). */
  name: string;
  request: SpReportRequest;
  /** Downloads and stores the document (e.g. with streamReportDocument); called within 5 minutes of the URL. */
  load: Load<L>;
}

type Outcome = { reportId: string; apiCalls: number };
export type SpReportResult<L> = (Outcome & { status: "no_data" }) | (Outcome & { status: "loaded" } & Omit<L, keyof Outcome | "status">);

/** A caller whose requests are counted, for one step's memoized result. */
function counted(db: Database, caller: Omit<AmazonCaller, "db">) {
  let calls = 0;
  const c: AmazonCaller = {
    ...caller,
    db,
    onCall: () => {
      calls += 1;
      caller.onCall?.();
    },
  };
  return { caller: c, calls: () => calls };
}

/**
 * One SP-API report, from request to loaded data, inside an Inngest function: each Amazon call is a
 * memoized step, so a crash resumes polling the same report instead of requesting a duplicate.
 *
 * createReport → poll with `step.sleep` (30 s, ×1.5, ≤ 5 min apart; 4 h at most) → DONE: get the document's
 * URL and load it in one step (the URL expires 5 minutes after it is issued). CANCELLED is Amazon's "no
 * data for this request": `no_data`, nothing loaded. FATAL: wait out the report type's regeneration limit,
 * request it again (twice at most), then fail in plain words.
 *
 * Amazon also cancels an FBA report identical to one requested within that limit (same type, marketplaces
 * and range): callers should not ask for the same window twice inside it, or the second answer is no_data.
 */
export async function runSpReport<L extends Record<string, unknown>>(args: RunSpReportArgs<L>): Promise<SpReportResult<L>> {
  const { step, db, caller, region, name, request } = args;
  const run = <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>;
  let apiCalls = 0;
  let fatal = 0;
  let lost = 0;

  // Each round requests the report anew (after a FATAL or a lost id); its steps carry the round in their ids.
  for (let round = 0; ; round++) {
    const suffix = round === 0 ? "" : `-retry-${round}`;
    const created = await run(`${name}-create${suffix}`, async () => {
      const c = counted(db, caller);
      const reportId = await createSpReport(c.caller, region, request);
      return { reportId, calls: c.calls() };
    });
    apiCalls += created.calls;
    const reportId = created.reportId;

    let status: PolledStatus = "IN_QUEUE";
    let waited = 0;
    let delay = firstPollSeconds();
    for (let attempt = 0; status === "IN_QUEUE" || status === "IN_PROGRESS"; attempt++) {
      if (waited >= MAX_WAIT_SECONDS) {
        throw new Error(`Amazon did not finish the ${label(request.reportType)} report within ${MAX_WAIT_SECONDS / 3600} hours.`);
      }
      const seconds = Math.max(1, Math.round(delay));
      await step.sleep(`${name}-wait${suffix}-${attempt}`, `${seconds}s`);
      waited += seconds;
      delay = Math.min(delay * 1.5, MAX_POLL_SECONDS);
      const polled = await run(`${name}-poll${suffix}-${attempt}`, async () => {
        const c = counted(db, caller);
        try {
          const report = await getSpReport(c.caller, region, reportId);
          return { status: report.processingStatus as PolledStatus, reportDocumentId: report.reportDocumentId ?? null, calls: c.calls() };
        } catch (error) {
          // Amazon no longer knows the id (purged, or lost on its side): ask for the report again.
          if (error instanceof AmazonApiError && error.status === 404) return { status: "LOST" as PolledStatus, reportDocumentId: null, calls: c.calls() };
          throw error;
        }
      });
      apiCalls += polled.calls;
      status = polled.status;
      if (status !== "DONE") continue;

      const documentId = polled.reportDocumentId;
      if (!documentId) throw new Error(`Amazon finished the ${label(request.reportType)} report but named no file to download.`);
      const loaded = await run(`${name}-load${suffix}`, async () => {
        const c = counted(db, caller);
        // Asked for only now: the link expires 5 minutes after Amazon issues it.
        const document = await getSpReportDocument(c.caller, region, documentId);
        const result = await args.load(document.url, document.compressionAlgorithm ?? null);
        return { result, calls: c.calls() };
      });
      apiCalls += loaded.calls;
      return { ...loaded.result, status: "loaded", reportId, apiCalls } as SpReportResult<L>;
    }

    // Amazon cancels a report by itself when there is nothing to report: that is an answer, not a failure.
    if (status === "CANCELLED") return { status: "no_data", reportId, apiCalls };

    if (status === "LOST") {
      if (++lost > MAX_LOST_RETRIES)
        throw new Error(`Amazon lost the ${label(request.reportType)} report ${lost} times in a row; the sync will try again later.`);
      continue;
    }

    // FATAL: asking again at once fails again; wait out the report type's regeneration limit first.
    if (++fatal > MAX_FATAL_RETRIES) {
      throw new Error(
        `Amazon failed to generate the ${label(request.reportType)} report ${fatal} times in a row. ` +
          "This is a problem on Amazon's side; the sync will try again later.",
      );
    }
    await step.sleep(`${name}-cooldown${suffix || "-0"}`, `${fatalCooldownSeconds(request.reportType)}s`);
  }
}
