import { sql as drizzleSql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "~/db/client";
import { adDayRefreshes } from "~/db/schema";
import { scanAdsReport } from "~/server/amazon/ads-reports";
import { CopyTextBuffer } from "~/server/sync/load/copy-text";
import { flatRowEncoder, type RowProblem } from "~/server/sync/load/flat-row-copy";
import { replaceDays, type ReplaceResult } from "~/server/sync/replace-days";
import { addDays, type DayWindow } from "~/server/sync/windows";
import { MalformedReportRowError } from "~/server/sync/load/malformed-row";
import { ADS_REPORTS, type AdsReportKind } from "./report-tables";

/** COPY text goes to PostgreSQL in pieces of about this size: big writes, little memory. */
const FLUSH_BYTES = 2 ** 20;

/**
 * Loads one finished Ads report into its daily table, replacing the profile's rows for the report's days
 * in one transaction. Every row is checked first; one malformed row refuses the whole file. Rows go from
 * the decompressed bytes straight to COPY text (no JSON objects, no schema object per row): parsing used
 * to be nine tenths of a load, and now PostgreSQL's own work is most of it.
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
  const { table, fields, checkOrder } = ADS_REPORTS[args.kind];
  const { start, end } = args.window;
  const encoder = flatRowEncoder(
    [
      { constant: args.organizationId },
      { constant: args.adProfileId },
      { field: "date", check: "day" },
      ...fields,
      { constant: args.refreshedAt.toISOString() },
    ],
    { checkOrder, within: { field: "date", start, end } },
  );
  const refuse = (problem: RowProblem, index: number) =>
    new MalformedReportRowError(
      "outside" in problem
        ? `Row ${index} of the ${args.kind} report is for ${problem.outside}, outside the requested ${start}..${end}; the report was not loaded.`
        : `Row ${index} of the ${args.kind} report is malformed (${problem.field}: expected ${problem.expected}); the report was not loaded.`,
    );
  return replaceDays(sql, table, { scopeId: args.adProfileId, start, end }, async (push) => {
    const out = new CopyTextBuffer(FLUSH_BYTES * 2);
    const flush = () => {
      const rows = out.rows;
      return push.copyText(out.take(), rows);
    };
    await scanAdsReport(
      args.url,
      encoder.fields,
      (row, index) => {
        const problem = encoder.encode(row, out);
        if (problem) throw refuse(problem, index);
      },
      async () => {
        if (out.pos >= FLUSH_BYTES) await flush();
      },
      { fetch: args.fetch },
    );
    if (out.rows) await flush();
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
