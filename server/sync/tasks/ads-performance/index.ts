import { rawSql } from "~/db/client";
import { loadAdsReport, recordDayRefreshes } from "~/server/advertising/load-report";
import { ADS_REPORT_KIND_NAMES } from "~/server/advertising/report-tables";
import { adsReportRun } from "../../kit/ads-report-task";
import { BACKFILL, defineSyncTask } from "../../kit/definition";
import { recordProgress } from "../../state";

const ADS_REPORTS = ["Ads reporting v3: spCampaigns, spTargeting, spAdvertisedProduct, spSearchTerm (DAILY)"];

/** Advertising data ①②: Sponsored Products daily reports, by campaign, ad group, target, product and search term. */
export const adsPerformance = defineSyncTask({
  key: "ads-performance",
  title: "Advertising data",
  specItem: "Advertising data ①②",
  promise:
    "After advertising authorization, synchronize advertising data for the last 60 days. Then update the last 2 days approximately every 30–60 minutes, and once a day days 3–9, 15–22, 31–40 and 51–60 (35 days), because Amazon advertising data may fluctuate within the last 60 days.",
  scope: "ad_profile",
  source: ADS_REPORTS,
  dataset: ["ad_campaign_daily", "ad_group_daily", "ad_target_daily", "ad_product_daily", "ad_search_term_daily", "ad_day_refreshes"],
  backfill: { label: "last 60 days", days: 60 },
  windows: [
    {
      key: "last-2-days",
      label: "last 2 days",
      cadence: { kind: "interval", minMinutes: 30, maxMinutes: 60 },
      days: [{ fromDaysAgo: 1, toDaysAgo: 0 }],
      // After a pause, everything since the last success (within Amazon's 60 days) is loaded once.
      catchUpDays: 60,
    },
    {
      key: "days-3-to-60",
      label: "days 3–9, 15–22, 31–40, 51–60",
      cadence: { kind: "daily", atLocalHour: 4 },
      days: [
        { fromDaysAgo: 8, toDaysAgo: 2 },
        { fromDaysAgo: 21, toDaysAgo: 14 },
        { fromDaysAgo: 39, toDaysAgo: 30 },
        { fromDaysAgo: 59, toDaysAgo: 50 },
      ],
    },
  ],
  // The backfill and the last 2 days may run side by side for one profile.
  options: { concurrencyPerScope: 2 },
  run: adsReportRun({
    kinds: ADS_REPORT_KIND_NAMES,
    maxDaysPerReport: 31,
    load: (plan, report) =>
      loadAdsReport(rawSql(), {
        organizationId: plan.scope.organizationId,
        adProfileId: plan.scope.scopeId,
        kind: report.kind,
        window: report.window,
        url: report.url,
        refreshedAt: new Date(),
      }),
    // Every day of a window counts as refreshed (the Advertising page shows how settled it is), and as
    // backfill progress, once all its reports are in.
    async windowLoaded(db, plan, window, loaded) {
      await recordDayRefreshes(db, { organizationId: plan.scope.organizationId, adProfileId: plan.scope.scopeId, window, at: new Date() });
      if (plan.window === BACKFILL) {
        const done = loaded.reduce((n, w) => n + plan.days.filter((d) => d >= w.start && d <= w.end).length, 0);
        await recordProgress(db, { task: plan.task, window: plan.window, scopeId: plan.scope.scopeId }, done);
      }
    },
  }),
});
