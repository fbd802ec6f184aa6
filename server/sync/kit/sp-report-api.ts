import { AmazonApiError } from "~/server/amazon/api-error";
import type { Region } from "~/server/amazon/endpoints";
import { createSpReport, getSpReport, type SpReportRequest } from "~/server/amazon/sp-reports";
import type { ReportApi, ReportState } from "./reports";
import { settings } from "./settings";

/** Amazon: generation "can take as long as three hours"; give it four. */
const MAX_WAIT_SECONDS = 4 * 60 * 60;

/** SP-API Reports as the shared poll loop sees it, for one report type. */
export function spReportApi(region: Region, report: { label: string; fatalCooldownSeconds: number }): ReportApi<SpReportRequest> {
  return {
    label: report.label,
    maxWaitSeconds: MAX_WAIT_SECONDS,
    cooldownSeconds: () => settings().fatalCooldownSeconds ?? report.fatalCooldownSeconds,
    create: (caller, request) => createSpReport(caller, region, request),
    async status(caller, reportId): Promise<ReportState> {
      try {
        const r = await getSpReport(caller, region, reportId);
        switch (r.processingStatus) {
          case "DONE":
            return r.reportDocumentId
              ? { state: "done", document: r.reportDocumentId, at: new Date().toISOString() }
              : { state: "failed", reason: "Amazon finished the report but named no file to download" };
          case "CANCELLED":
            return { state: "no_data" };
          case "FATAL":
            return { state: "failed", reason: "" };
          default:
            return { state: "pending" };
        }
      } catch (error) {
        if (error instanceof AmazonApiError && error.status === 404) return { state: "lost" };
        throw error;
      }
    },
  };
}
