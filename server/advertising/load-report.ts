import { sql as drizzleSql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "~/db/client";
import { adDayRefreshes } from "~/db/schema";
import { streamAdsReportRows, type AdsReportKind } from "~/server/amazon/ads-reports";
import { replaceDays, type ReplaceResult } from "~/server/sync/replace-days";
import { addDays, type DayWindow } from "~/server/sync/windows";
import { ADS_REPORT_TABLES, MalformedReportRowError } from "./report-tables";

/**
 * Loads one finished Ads report into its daily table, replacing the profile's rows for the report's days
 * in one transaction. Every row is checked first; one malformed row refuses the whole file.
 */
export async function loadAdsReport(
  sql: postgres.Sql,
  args: {
    organizationId: string;
    adProfileId: string;
    kind: AdsReportKind;
    window: DayWindow;
    url: string;
    refreshedAt: Date;
    fetch?: typeof fetch;
  },
): Promise<ReplaceResult> {
  const { table, row } = ADS_REPORT_TABLES[args.kind];
  const refreshedAt = args.refreshedAt.toISOString();
  let index = 0;
  return replaceDays(sql, table, { scopeId: args.adProfileId, start: args.window.start, end: args.window.end }, async (push) => {
    await streamAdsReportRows(
      args.url,
      async (batch) => {
        const values = batch.map((raw) => {
          index += 1;
          const parsed = row.safeParse(raw);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new MalformedReportRowError(
              `Row ${index} of the ${args.kind} report is malformed (${issue?.path.join(".") || "row"}: expected ${issue?.message ?? "valid data"}); the report was not loaded.`,
            );
          }
          if (parsed.data.date < args.window.start || parsed.data.date > args.window.end)
            throw new MalformedReportRowError(
              `Row ${index} of the ${args.kind} report is for ${parsed.data.date}, outside the requested ${args.window.start}..${args.window.end}; the report was not loaded.`,
            );
          return [args.organizationId, args.adProfileId, parsed.data.date, ...parsed.data.values, refreshedAt];
        });
        await push(values);
      },
      { fetch: args.fetch },
    );
  });
}

/** Marks each day of a window as refreshed now: the UI shows how settled a day's figures are. */
export async function recordDayRefreshes(
  db: Database,
  args: { organizationId: string; adProfileId: string; window: DayWindow; at: Date },
) {
  const days: string[] = [];
  for (let d = args.window.start; d <= args.window.end; d = addDays(d, 1)) days.push(d);
  if (!days.length) return;
  await db
    .insert(adDayRefreshes)
    .values(days.map((day) => ({ organizationId: args.organizationId, adProfileId: args.adProfileId, day, lastRefreshedAt: args.at })))
    .onConflictDoUpdate({
      target: [adDayRefreshes.adProfileId, adDayRefreshes.day],
      set: { lastRefreshedAt: args.at, refreshCount: drizzleSql`${adDayRefreshes.refreshCount} + 1` },
    });
}
