import { DateTime } from "luxon";
import type { Ctx, Reply, Route } from "../http/types";
import { ECB_FIRST_DAY, latestPublishedDay, publishedDays, ratesOn } from "./rates";

/*
 * The ECB's public reference-rate feeds, at the ECB's own paths (a client changes only its origin):
 * today's rates, the last 90 days', and the whole series since 1999 — the same XML, byte for byte in form
 * (tabs, single-quoted attributes, newest day first), as https://www.ecb.europa.eu/stats/eurofxref/ serves.
 */

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>`;
const TAIL = `
\t</Cube>
</gesmes:Envelope>`;

function feed(seed: string, days: string[]): string {
  const parts = [HEAD];
  for (const day of days) {
    parts.push(`\n\t\t<Cube time='${day}'>`);
    for (const r of ratesOn(seed, day)) parts.push(`\n\t\t\t<Cube currency='${r.currency}' rate='${r.rate}'/>`);
    parts.push("\n\t\t</Cube>");
  }
  parts.push(TAIL);
  return parts.join("");
}

// The whole series is some 7,000 days: built once per published day and seed, then served from memory.
const histCache = new Map<string, string>();

function xml(body: string): Reply {
  return { status: 200, headers: { "content-type": "text/xml" }, body: Buffer.from(body, "utf8") };
}

function latest(ctx: Ctx): string {
  return latestPublishedDay(ctx.sb.clock.now());
}

export const ecbRoutes: Route[] = [
  {
    method: "GET",
    path: "/stats/eurofxref/eurofxref-daily.xml",
    operation: "ecbDaily",
    auth: "none",
    handler: (ctx) => xml(feed(ctx.sb.seed, [latest(ctx)])),
  },
  {
    method: "GET",
    path: "/stats/eurofxref/eurofxref-hist-90d.xml",
    operation: "ecbHist90d",
    auth: "none",
    handler: (ctx) => {
      const to = latest(ctx);
      const from = DateTime.fromMillis(ctx.sb.clock.now(), { zone: "Europe/Berlin" }).minus({ days: 90 }).toISODate()!;
      return xml(feed(ctx.sb.seed, publishedDays(from, to)));
    },
  },
  {
    method: "GET",
    path: "/stats/eurofxref/eurofxref-hist.xml",
    operation: "ecbHist",
    auth: "none",
    handler: (ctx) => {
      const to = latest(ctx);
      const key = `${ctx.sb.seed}|${to}`;
      let body = histCache.get(key);
      if (!body) {
        body = feed(ctx.sb.seed, publishedDays(ECB_FIRST_DAY, to));
        histCache.clear();
        histCache.set(key, body);
      }
      return xml(body);
    },
  },
];
