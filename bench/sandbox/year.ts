// Bench: generate one year of a 2,000-orders/day seller and serve its order reports.
// Run: npx tsx bench/sandbox/year.ts
import { gunzipSync } from "node:zlib";
import { startSandbox } from "../../sandbox/index";

const NOW = new Date("2026-03-18T15:00:00Z");
const DAY = 86_400_000;

function mem(): string {
  const m = process.memoryUsage();
  return `rss=${(m.rss / 2 ** 20).toFixed(0)}MiB heap=${(m.heapUsed / 2 ** 20).toFixed(0)}MiB maxRSS=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}MiB`;
}

const sb = await startSandbox({ port: 0, seed: "bench", volume: "big", now: () => NOW, historyDays: 366, reportDelaySeconds: 1, reportTail: false, reportFailureRate: 0 });
const world = sb.sandbox.world;
const seller = world.sellers[0]!;
console.info(`seller ${seller.sellerId} ordersPerDay=${seller.profile.ordersPerDay} marketplaces=${seller.marketplaceIds.join(",")} catalog=${world.catalog(seller).length} SKUs`);

// 1. Generation: every order of the year, all marketplaces.
let t = performance.now();
let orders = 0;
let lines = 0;
for (const mp of world.marketplaces(seller)) {
  for (const o of world.ordersPurchasedBetween(seller, mp, NOW.getTime() - 365 * DAY, NOW.getTime())) {
    orders++;
    lines += o.lines.length;
  }
}
const genMs = performance.now() - t;
console.info(`generate 1 year: ${orders} orders (${(orders / 365).toFixed(0)}/day), ${lines} lines in ${(genMs / 1000).toFixed(2)} s (${((orders / genMs) * 1000).toFixed(0)} orders/s); ${mem()}`);

// 2. Serve: the order report over HTTP, 30-day windows (Amazon's cap) covering the year, all 3 marketplaces.
const tok = (await (await fetch(`${sb.origin}/__sandbox/tokens`, { method: "POST", body: "{}" })).json()) as { access_token: string };
const h = { "x-amz-access-token": tok.access_token, "content-type": "application/json" };
let bytes = 0;
let gz = 0;
let rows = 0;
let first = 0;
t = performance.now();
for (let i = 0; i < 13; i++) {
  const end = NOW.getTime() - 2 * 60_000 - i * 28 * DAY;
  const start = end - 28 * DAY;
  sb.sandbox.quotas.reset();
  const c = (await (await fetch(`${sb.origin}/reports/2021-06-30/reports`, { method: "POST", headers: h, body: JSON.stringify({ reportType: "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL", marketplaceIds: seller.marketplaceIds, dataStartTime: new Date(start).toISOString(), dataEndTime: new Date(end).toISOString() }) })).json()) as { reportId: string };
  sb.sandbox.clock.advance(1500);
  const t0 = performance.now();
  const g = (await (await fetch(`${sb.origin}/reports/2021-06-30/reports/${c.reportId}`, { headers: h })).json()) as { reportDocumentId: string; processingStatus: string };
  const d = (await (await fetch(`${sb.origin}/reports/2021-06-30/documents/${encodeURIComponent(g.reportDocumentId)}`, { headers: h })).json()) as { url: string };
  const buf = Buffer.from(await (await fetch(d.url)).arrayBuffer());
  if (i === 0) first = performance.now() - t0;
  gz += buf.length;
  const text = gunzipSync(buf);
  bytes += text.length;
  rows += text.toString("utf8").split("\n").length - 2;
}
const serveMs = performance.now() - t;
console.info(`serve order report, 13 × 28-day windows (1 year, 3 marketplaces): ${rows} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB TSV, ${(gz / 2 ** 20).toFixed(1)} MiB gzip in ${(serveMs / 1000).toFixed(2)} s; first 28-day report ${(first / 1000).toFixed(2)} s; ${mem()}`);

// 3. Ads volume of the big seller.
t = performance.now();
const profile = sb.sandbox.ads.allProfiles()[0]!;
const keywords = sb.sandbox.ads.list(profile, "keyword").size;
console.info(`ads: ${keywords} keywords in the US profile generated in ${((performance.now() - t) / 1000).toFixed(2)} s; ${mem()}`);
await sb.close();
