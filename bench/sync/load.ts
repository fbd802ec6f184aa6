/**
 * Report rows → PostgreSQL: our Ads report loader (stream gunzip + JSON parse + row validation + COPY into
 * staging + merge by natural key + stale-row delete, one transaction) beside a plain COPY of the same rows
 * into a bare table, measured in the same run on the same database server.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sync/load.ts [rows]
 */
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "~/db/testing";
import { loadAdsReport } from "~/server/advertising/load-report";
import { copyLine } from "~/server/sync/replace-days";
import { createMemberOf, createStore } from "~/test/factories";
import { startFileServer } from "~/test/file-server";

process.env.ENCRYPTION_KEYS ??= `bench:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.TEST_DATABASE_SERVER_URL ??= process.env.DATABASE_URL;
const ROWS = Number(process.argv[2] ?? 300_000);
const DAYS = 31;

const t = await createTestDatabase();
const files = await startFileServer();
try {
  const { organizationId } = await createMemberOf(t.db, "owner");
  const { adProfile } = await createStore(t.db, organizationId);
  const days = Array.from({ length: DAYS }, (_, i) => `2026-05-${String(i + 1).padStart(2, "0")}`);
  const perDay = Math.ceil(ROWS / DAYS);
  const rows: string[] = [];
  const plain: (string | number)[][] = [];
  for (const day of days)
    for (let k = 0; k < perDay && rows.length < ROWS; k++) {
      const cost = `${(k % 97) + 1}.${String(k % 100).padStart(2, "0")}`;
      rows.push(
        `{"date":"${day}","campaignId":1000,"adGroupId":2000,"keywordId":${300000 + k},"targeting":"keyword ${k}","keywordType":"BROAD","matchType":"BROAD","impressions":${k * 3},"clicks":${k % 17},"cost":${cost},"sales7d":${cost},"purchases7d":${k % 3},"unitsSoldClicks7d":${k % 3},"sales14d":${cost},"purchases14d":${k % 3}}`,
      );
      plain.push([organizationId, adProfile.id, day, String(300000 + k), "2000", "1000", `keyword ${k}`, "BROAD", "BROAD", k * 3, k % 17, cost, cost, k % 3, k % 3, cost, k % 3, new Date().toISOString()]);
    }
  const url = files.put("report", `[${rows.join(",")}]`);
  const window = { start: days[0]!, end: days.at(-1)! };

  const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  const time = async <T>(fn: () => Promise<T>) => {
    const start = performance.now();
    const value = await fn();
    return { value, seconds: (performance.now() - start) / 1000 };
  };

  // Baseline: plain COPY of the same rows into an unindexed table of the same shape.
  await t.sql.unsafe(`create table copy_baseline (like ad_target_daily)`);
  const baseline = await time(async () => {
    const copy = await t.sql.unsafe(`copy copy_baseline (organization_id, ad_profile_id, day, target_id, ad_group_id, campaign_id, targeting, keyword_type, match_type, impressions, clicks, cost, sales7d, purchases7d, units_sold7d, sales14d, purchases14d, refreshed_at) from stdin`).writable();
    const done = new Promise((r) => copy.on("finish", r));
    for (let i = 0; i < plain.length; i += 5000) {
      if (!copy.write(plain.slice(i, i + 5000).map(copyLine).join(""))) await new Promise((r) => copy.once("drain", r));
    }
    copy.end();
    await done;
  });

  const load = () => loadAdsReport(t.sql, { organizationId, adProfileId: adProfile.id, kind: "target", window, url, refreshedAt: new Date() });
  const first = await time(load);
  const again = await time(load);

  const rate = (s: number) => Math.round(rows.length / s).toLocaleString("en");
  console.info(`rows: ${rows.length.toLocaleString("en")} (${DAYS} days), report file ${(files.size("report") / 2 ** 20).toFixed(1)} MiB gzip`);
  console.info(`plain COPY (baseline):           ${baseline.seconds.toFixed(2)} s  ${rate(baseline.seconds)} rows/s`);
  console.info(`loader, first load (all new):    ${first.seconds.toFixed(2)} s  ${rate(first.seconds)} rows/s  changed ${first.value.changed}`);
  console.info(`loader, same report again:       ${again.seconds.toFixed(2)} s  ${rate(again.seconds)} rows/s  changed ${again.value.changed}`);
  console.info(`loader / baseline: ${(first.seconds / baseline.seconds).toFixed(1)}× the time of a plain COPY; peak RSS ${rss()} MiB`);
} finally {
  await files.close();
  await t.drop();
}
