import { and, eq } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants } from "~/db/schema";
import {
  ADS_REPORT_KIND_NAMES,
  createAdsReport,
  getAdsReport,
  type AdsReportKind,
} from "~/server/amazon/ads-reports";
import { AmazonApiError } from "~/server/amazon/api-error";
import type { Region } from "~/server/amazon/endpoints";
import type { AmazonCaller } from "~/server/amazon/request";
import { decryptSecret, encryptSecret } from "~/server/crypto/secrets";
import { syncTask } from "~/server/sync/catalog";
import { finishRun, recordProgress, scheduleAfterBackfill, startRun, type SyncScopeRef, type SyncTrigger } from "~/server/sync/state";
import { daysOf, localToday, toWindows, type DayWindow } from "~/server/sync/windows";
import { loadAdsReport, recordDayRefreshes } from "./load-report";

/** Ads reports span at most 31 days (Amazon's limit for Sponsored Products). */
const MAX_REPORT_DAYS = 31;
export const BACKFILL = "backfill";

export interface AdsReportRef {
  kind: AdsReportKind;
  window: DayWindow;
}

export interface AdsRunPlan {
  runId: string;
  ref: SyncScopeRef;
  grantId: string;
  region: Region;
  amazonProfileId: string;
  windows: DayWindow[];
  reports: AdsReportRef[];
  startedAt: string;
}

export type AdsPlanResult = { plan: AdsRunPlan } | { skipped: string };

/** The local days a run of one catalog window (or the initial backfill) covers today. */
export function adsDaysFor(window: string, today: string): string[] {
  const task = syncTask("ads-performance");
  if (window === BACKFILL) return daysOf([{ fromDaysAgo: task.backfill!.days! - 1, toDaysAgo: 0 }], today);
  const rule = task.windows.find((w) => w.label === window);
  if (!rule) throw new Error(`ads-performance has no window "${window}"`);
  return daysOf(rule.days, today);
}

export async function planAdsPerformanceRun(
  db: Database,
  args: { organizationId: string; adProfileId: string; window: string; trigger: SyncTrigger; now: Date; jobRunId?: string },
): Promise<AdsPlanResult> {
  const [profile] = await db
    .select({
      organizationId: adProfiles.organizationId,
      profileId: adProfiles.profileId,
      timeZone: adProfiles.timeZone,
      connected: adProfiles.connected,
      grantId: amazonGrants.id,
      grantStatus: amazonGrants.status,
      region: amazonGrants.region,
    })
    .from(adProfiles)
    .leftJoin(amazonGrants, eq(amazonGrants.id, adProfiles.grantId))
    // The event names both: a profile of another organization is not this run's to sync.
    .where(and(eq(adProfiles.id, args.adProfileId), eq(adProfiles.organizationId, args.organizationId)));
  if (!profile || !profile.connected || !profile.grantId) return { skipped: "The ad profile is not connected." };
  if (profile.grantStatus !== "active") return { skipped: "The Amazon Ads authorization needs to be renewed; syncing is paused." };

  const today = localToday(profile.timeZone, args.now);
  const windows = toWindows(adsDaysFor(args.window, today), MAX_REPORT_DAYS);
  const ref: SyncScopeRef = {
    organizationId: profile.organizationId,
    task: "ads-performance",
    window: args.window,
    scopeId: args.adProfileId,
    timeZone: profile.timeZone,
  };
  const dayCount = windows.reduce((n, w) => n + spanDays(w), 0);
  const runId = await startRun(db, ref, {
    trigger: args.trigger,
    windows,
    now: args.now,
    jobRunId: args.jobRunId,
    progressTotal: args.window === BACKFILL ? dayCount : undefined,
  });
  return {
    plan: {
      runId,
      ref,
      grantId: profile.grantId,
      region: profile.region as Region,
      amazonProfileId: profile.profileId,
      windows,
      reports: windows.flatMap((window) => ADS_REPORT_KIND_NAMES.map((kind) => ({ kind, window }))),
      startedAt: args.now.toISOString(),
    },
  };
}

function spanDays(w: DayWindow): number {
  return Math.round((Date.parse(`${w.end}T00:00:00Z`) - Date.parse(`${w.start}T00:00:00Z`)) / 86_400_000) + 1;
}

export function adsCaller(db: Database, plan: AdsRunPlan, onCall: () => void): AmazonCaller {
  return { db, grantId: plan.grantId, quotaScope: plan.amazonProfileId, adsProfileId: plan.amazonProfileId, onCall };
}

export async function requestAdsReport(db: Database, plan: AdsRunPlan, report: AdsReportRef) {
  let calls = 0;
  const reportId = await createAdsReport(adsCaller(db, plan, () => (calls += 1)), plan.region, {
    kind: report.kind,
    startDate: report.window.start,
    endDate: report.window.end,
  });
  return { reportId, calls };
}

/**
 * One status poll of each report. A finished report's download URL is presigned (whoever holds it can read
 * the seller's data for an hour), so it leaves this step only sealed with the secrets key: step results are
 * stored in the executor's tables. A report id Amazon answers 404 for comes back as LOST, to be asked again.
 */
export async function pollAdsReports(db: Database, plan: AdsRunPlan, reportIds: string[]) {
  let calls = 0;
  const caller = adsCaller(db, plan, () => (calls += 1));
  const statuses: Record<string, { status: string; failureReason: string | null; sealedUrl: string | null; polledAt: string }> = {};
  for (const id of reportIds) {
    const polledAt = new Date().toISOString();
    try {
      const s = await getAdsReport(caller, plan.region, id);
      statuses[id] = { status: s.status, failureReason: s.failureReason ?? null, sealedUrl: s.url ? encryptSecret(s.url) : null, polledAt };
    } catch (error) {
      if (!(error instanceof AmazonApiError && error.status === 404)) throw error;
      statuses[id] = { status: "LOST", failureReason: "Amazon no longer knows this report.", sealedUrl: null, polledAt };
    }
  }
  return { statuses, calls };
}

/** Amazon's report URLs live an hour; one older than this is fetched again before downloading. */
const FRESH_URL_MS = 30 * 60 * 1000;

/**
 * Downloads a finished report and replaces its days. The URL from the last poll is used while it is
 * surely valid; otherwise (a resumed run, a long queue) it is fetched again just before the download.
 */
export async function loadFinishedAdsReport(
  db: Database,
  sql: postgres.Sql,
  plan: AdsRunPlan,
  report: AdsReportRef & { reportId: string; sealedUrl?: string | null; polledAt?: string },
) {
  let calls = 0;
  let url = report.sealedUrl && report.polledAt && Date.now() - Date.parse(report.polledAt) < FRESH_URL_MS ? decryptSecret(report.sealedUrl) : null;
  if (!url) {
    const status = await getAdsReport(adsCaller(db, plan, () => (calls += 1)), plan.region, report.reportId);
    if (status.status !== "COMPLETED" || !status.url) throw new Error(`Ads report ${report.reportId} is ${status.status}, not ready to load.`);
    url = status.url;
  }
  const result = await loadAdsReport(sql, {
    organizationId: plan.ref.organizationId,
    adProfileId: plan.ref.scopeId,
    kind: report.kind,
    window: report.window,
    url,
    refreshedAt: new Date(),
  });
  return { ...result, calls };
}

/** After every report of a window is loaded, its days count as refreshed (and as backfill progress). */
export async function markWindowLoaded(db: Database, plan: AdsRunPlan, window: DayWindow, loadedWindows: DayWindow[], now: Date) {
  await recordDayRefreshes(db, { organizationId: plan.ref.organizationId, adProfileId: plan.ref.scopeId, window, at: now });
  if (plan.ref.window === BACKFILL) await recordProgress(db, plan.ref, loadedWindows.reduce((n, w) => n + spanDays(w), 0));
}

export async function finishAdsRun(db: Database, plan: AdsRunPlan, totals: { rowsWritten: number; apiCalls: number; now: Date }) {
  await finishRun(db, plan.ref, plan.runId, {
    status: "succeeded",
    rowsWritten: totals.rowsWritten,
    apiCalls: totals.apiCalls,
    startedAt: new Date(plan.startedAt),
    now: totals.now,
  });
  if (plan.ref.window === BACKFILL) await scheduleAfterBackfill(db, plan.ref, totals.now);
}
