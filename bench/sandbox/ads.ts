// Bench: Ads reporting for the big account (≥ 50,000 keywords): one 31-day spTargeting DAILY report.
// Run: npx tsx bench/sandbox/ads.ts
import { gunzipSync } from "node:zlib";
import { startSandbox } from "../../sandbox/index";

const NOW = new Date("2026-03-18T15:00:00Z");
const mem = () => `rss=${(process.memoryUsage().rss / 2 ** 20).toFixed(0)}MiB maxRSS=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}MiB`;

const sb = await startSandbox({ port: 0, seed: "bench", volume: "big", now: () => NOW, reportDelaySeconds: 1, reportTail: false, reportFailureRate: 0 });
const profile = sb.sandbox.ads.allProfiles()[0]!;
const tok = (await (await fetch(`${sb.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "ads" }) })).json()) as { access_token: string };
const h = { authorization: `Bearer ${tok.access_token}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId, "amazon-advertising-api-scope": profile.profileId };
let t = performance.now();
const list = await fetch(`${sb.origin}/sp/keywords/list`, { method: "POST", headers: { ...h, "content-type": "application/vnd.spKeyword.v3+json" }, body: JSON.stringify({ maxResults: 5000 }) });
const first = (await list.json()) as { totalResults: number };
console.info(`ads: ${first.totalResults} keywords; first list page of 5000 in ${((performance.now() - t) / 1000).toFixed(2)} s; ${mem()}`);
const day = (n: number) => new Date(NOW.getTime() - 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
t = performance.now();
const c = (await (await fetch(`${sb.origin}/reporting/reports`, {
  method: "POST",
  headers: { ...h, "content-type": "application/vnd.createasyncreportrequest.v3+json" },
  body: JSON.stringify({ startDate: day(31), endDate: day(1), configuration: { adProduct: "SPONSORED_PRODUCTS", reportTypeId: "spTargeting", groupBy: ["targeting"], columns: ["campaignId", "adGroupId", "keywordId", "keyword", "matchType", "date", "impressions", "clicks", "cost", "purchases14d", "sales14d"], timeUnit: "DAILY", format: "GZIP_JSON" } }),
})).json()) as { reportId: string };
sb.sandbox.clock.advance(2000);
const g = (await (await fetch(`${sb.origin}/reporting/reports/${c.reportId}`, { headers: h })).json()) as { url: string; fileSize: number };
console.info(`  generated server-side in ${((performance.now() - t) / 1000).toFixed(2)} s; ${mem()}`);
// Count rows without materialising a million objects in the bench process itself.
const text = gunzipSync(Buffer.from(await (await fetch(g.url)).arrayBuffer())).toString("utf8");
const rows = text.split('{"campaignId"').length - 1;
console.info(`ads spTargeting 31 days DAILY: ${rows} rows, ${(text.length / 2 ** 20).toFixed(0)} MiB JSON, ${(g.fileSize / 2 ** 20).toFixed(1)} MiB gzip in ${((performance.now() - t) / 1000).toFixed(2)} s; ${mem()}`);
await sb.close();
