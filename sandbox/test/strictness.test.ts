import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { SP_LIMITS } from "../quota";
import { reportTiming } from "../util/report-timing";
import { adsToken, spGet, spSend, spToken, testSandbox } from "./helpers";

// Where Amazon is harsher than its documents, the sandbox is too: what each of these answers looks like is
// taken from Amazon's own issue trackers (429s from its gateway, early token expiry, duplicate reports).

let sb: RunningSandbox;
let token: string;
beforeAll(async () => { sb = await testSandbox({ volume: "small" }); token = await spToken(sb); });
afterAll(async () => { await sb.close(); });

const knobs = (body: unknown) => fetch(`${sb.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify(body) });

describe("SP-API answers as Amazon's gateway gives them", () => {
  it("a 429 carries the gateway's error type and no rate; the rate header is missing from some 200s", async () => {
    sb.sandbox.quotas.reset();
    const limit = SP_LIMITS.getMarketplaceParticipations!;
    const answers = [];
    for (let i = 0; i <= limit.burst; i++) answers.push(await spGet(sb, token, "/sellers/v1/marketplaceParticipations"));
    const throttled = answers.at(-1)!;
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("x-amzn-errortype")).toBe("TooManyRequestsException");
    expect(throttled.headers.get("x-amzn-ratelimit-limit")).toBeNull();
    expect(throttled.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(throttled.body).toEqual({ errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource." }] });

    // "Best-effort": over many 200s, most carry the rate and some do not.
    sb.sandbox.quotas.spLimits.getReports = { rate: 1000, burst: 1000 };
    let carried = 0;
    let missing = 0;
    for (let i = 0; i < 200; i++) {
      const ok = await spGet(sb, token, "/reports/2021-06-30/reports?reportTypes=GET_MERCHANT_LISTINGS_ALL_DATA");
      expect(ok.status).toBe(200);
      if (ok.headers.get("x-amzn-ratelimit-limit") === "1000") carried++;
      else if (ok.headers.get("x-amzn-ratelimit-limit") === null) missing++;
    }
    expect(carried + missing).toBe(200);
    expect(missing).toBeGreaterThan(5);
    expect(carried).toBeGreaterThan(150);
    sb.sandbox.quotas.spLimits.getReports = { ...SP_LIMITS.getReports! };
  });

  it("a request without an access token is refused by the gateway as MissingAuthenticationToken", async () => {
    const r = await fetch(`${sb.origin}/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2026-01-01T00:00:00Z`);
    expect(r.status).toBe(403);
    expect(r.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await r.json()).toEqual({ errors: [{ code: "MissingAuthenticationToken", message: "Access to requested resource is denied." }] });
  });

  it("an access token can stop working long before the hour it announces", async () => {
    await knobs({ faults: { lwaToken: { earlyExpiryRate: 1 } } });
    try {
      const c = sb.credentials;
      const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: sb.issueRefreshToken("sp"), client_id: c.spApiClientId, client_secret: c.spApiClientSecret });
      const granted = (await (await fetch(`${sb.origin}/auth/o2/token`, { method: "POST", body: form })).json()) as { access_token: string; expires_in: number };
      expect(granted.expires_in).toBe(3600);
      sb.sandbox.quotas.reset();
      expect((await spGet(sb, granted.access_token, "/sellers/v1/marketplaceParticipations")).status).toBe(200);
      // Early tokens last 5 to 55 minutes.
      sb.sandbox.clock.advance(56 * 60_000);
      const refused = await spGet(sb, granted.access_token, "/sellers/v1/marketplaceParticipations");
      expect(refused.status).toBe(403);
      expect(refused.body.errors[0].details).toBe("The access token you provided has expired.");
    } finally {
      await knobs({ faults: null });
    }
  });
});

describe("reports as slow and as unreliable as Amazon's", () => {
  it("report times have a long tail around the delay, and a few reports fail on their own", () => {
    const options = { tail: true, failureRate: 0.005 };
    const draws = Array.from({ length: 20_000 }, (_, i) => reportTiming(`seed|report ${i}|0`, 60_000, options));
    const minutes = draws.map((d) => d.doneAfterMs / 60_000).sort((a, b) => a - b);
    const at = (q: number) => minutes[Math.floor(q * (minutes.length - 1))]!;
    expect(at(0.5)).toBeGreaterThan(0.8);
    expect(at(0.5)).toBeLessThan(1.3);
    expect(at(0.95)).toBeGreaterThan(3);
    // One in a hundred takes a quarter of an hour or more; some close to an hour.
    expect(minutes.filter((m) => m >= 15).length / minutes.length).toBeGreaterThan(0.006);
    expect(minutes.filter((m) => m >= 15).length / minutes.length).toBeLessThan(0.015);
    expect(at(1)).toBeGreaterThan(45);
    const failed = draws.filter((d) => d.fails).length / draws.length;
    expect(failed).toBeGreaterThan(0.002);
    expect(failed).toBeLessThan(0.01);
    for (const d of draws) expect(d.startAfterMs).toBeLessThan(d.doneAfterMs + 1);
    // The same report (and the same attempt) always takes the same time; asked again, it draws anew.
    expect(reportTiming("seed|report 7|0", 60_000, options)).toEqual(draws[7]);
    expect(reportTiming("seed|x|0", 60_000, { tail: false, failureRate: 0 })).toMatchObject({ doneAfterMs: 60_000, fails: false });
  });

  it("a slow SP-API report is not done after the usual delay, and DONE later", async () => {
    const slow = await testSandbox({ volume: "tiny", reportTail: true, reportFailureRate: 0, reportDelaySeconds: 60 });
    try {
      const t = await spToken(slow);
      // Ask for the listings again and again (each request draws its own time) until one takes more than
      // three times the delay.
      for (let attempt = 1; attempt < 400; attempt++) {
        const body = { reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: ["ATVPDKIKX0DER"] };
        slow.sandbox.quotas.reset();
        const c = await spSend(slow, t, "POST", "/reports/2021-06-30/reports", body);
        const record = slow.sandbox.reports.get(c.body.reportId)!;
        if (record.doneAt - record.createdTime < 180_000) continue;
        slow.sandbox.clock.advance(61_000);
        expect((await spGet(slow, t, `/reports/2021-06-30/reports/${c.body.reportId}`)).body.processingStatus).toMatch(/^(IN_QUEUE|IN_PROGRESS)$/);
        slow.sandbox.clock.advance(record.doneAt - slow.sandbox.clock.now());
        expect((await spGet(slow, t, `/reports/2021-06-30/reports/${c.body.reportId}`)).body.processingStatus).toBe("DONE");
        return;
      }
      throw new Error("no slow report in 400 requests");
    } finally { await slow.close(); }
  });
});

describe("Ads reporting's duplicate rule", () => {
  it("a report of the same type and days is a duplicate (425) even in another time unit or with other columns", async () => {
    const ads = await adsToken(sb);
    const profileId = sb.sandbox.ads.allProfiles()[0]!.profileId;
    const headers = { authorization: `Bearer ${ads}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId, "amazon-advertising-api-scope": profileId, "content-type": "application/vnd.createasyncreportrequest.v3+json" };
    const day = (back: number) => new Date(sb.sandbox.clock.now() - back * 86400_000 - 8 * 3600_000).toISOString().slice(0, 10);
    const create = async (timeUnit: string, columns: string[]) => {
      sb.sandbox.quotas.reset();
      const r = await fetch(`${sb.origin}/reporting/reports`, { method: "POST", headers, body: JSON.stringify({ startDate: day(12), endDate: day(11), configuration: { adProduct: "SPONSORED_PRODUCTS", reportTypeId: "spCampaigns", groupBy: ["campaign"], columns, timeUnit, format: "GZIP_JSON" } }) });
      return { status: r.status, body: (await r.json()) as { reportId?: string; detail?: string } };
    };
    const summary = await create("SUMMARY", ["campaignId", "impressions", "startDate", "endDate"]);
    expect(summary.status).toBe(200);
    const daily = await create("DAILY", ["campaignId", "clicks", "cost", "date"]);
    expect(daily.status).toBe(425);
    expect(daily.body.detail).toBe(`The Request is a duplicate of : ${summary.body.reportId}`);
    // Once the first is done, the twin may be asked for.
    sb.sandbox.clock.advance(31_000);
    expect((await create("DAILY", ["campaignId", "clicks", "cost", "date"])).status).toBe(200);
  });
});
