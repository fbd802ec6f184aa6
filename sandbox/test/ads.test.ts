import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { ENTITY_TYPES } from "../ads/entities";
import { type AnyJson, adsToken, loadShared, testSandbox, validateResponse } from "./helpers";
import { COLUMNS } from "../ads/report-rows";

const SP = "ads-api-specs/SponsoredProducts_prod_3p.json";
const REP = "ads-api-specs/OfflineReport_prod_3p.json";
const PROF = "ads-api-specs/Profiles_prod_3p.yaml";

let sb: RunningSandbox;
let token: string;
let profileId: string;
beforeAll(async () => {
  sb = await testSandbox({ volume: "small" });
  token = await adsToken(sb);
  profileId = sb.sandbox.ads.allProfiles()[0]!.profileId;
});
afterAll(async () => { await sb.close(); });

async function ads(method: string, path: string, body?: unknown, contentType?: string, extra: Record<string, string> = {}) {
  sb.sandbox.quotas.reset();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId, "amazon-advertising-api-scope": profileId, ...extra };
  if (contentType) { headers["content-type"] = contentType; headers.accept = contentType; }
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const r = await fetch(sb.origin + path, init);
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
}

const ok = (errs: string[]) => expect(errs).toEqual([]);

describe("profiles and auth", () => {
  it("lists the seller's profiles with real marketplace ids and zones", async () => {
    const r = await fetch(`${sb.origin}/v2/profiles`, { headers: { authorization: `Bearer ${token}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId } });
    const body = await r.json();
    ok(validateResponse(PROF, "/v2/profiles", "get", 200, body));
    expect(body.map((p: AnyJson) => p.accountInfo.marketplaceStringId)).toEqual(sb.sandbox.world.sellers[0]!.marketplaceIds);
    expect(body[0]).toMatchObject({ countryCode: "US", currencyCode: "USD", timezone: "America/Los_Angeles" });
  });
  it("checks ClientId, bearer token and scope like Amazon", async () => {
    const noClient = await fetch(`${sb.origin}/v2/profiles`, { headers: { authorization: `Bearer ${token}` } });
    expect(noClient.status).toBe(400);
    const badToken = await fetch(`${sb.origin}/v2/profiles`, { headers: { authorization: "Bearer Atza|nope", "amazon-advertising-api-clientid": sb.credentials.adsClientId } });
    expect(badToken.status).toBe(401);
    const otherProfile = sb.sandbox.ads.allProfiles().find((p) => p.sellerId !== sb.sandbox.world.sellers[0]!.sellerId)!;
    const wrongScope = await ads("POST", "/sp/campaigns/list", {}, "application/vnd.spCampaign.v3+json", { "amazon-advertising-api-scope": otherProfile.profileId });
    expect(wrongScope.status).toBe(401);
    ok(validateResponse(SP, "/sp/campaigns/list", "post", 401, wrongScope.body, "application/json"));
    const noScope = await fetch(`${sb.origin}/sp/campaigns/list`, { method: "POST", headers: { authorization: `Bearer ${token}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId, "content-type": "application/vnd.spCampaign.v3+json" }, body: "{}" });
    expect(noScope.status).toBe(400);
    const media = await ads("POST", "/sp/campaigns/list", {}, "application/json");
    expect(media.status).toBe(415);
  });
  it("answers 429 with Retry-After", async () => {
    await fetch(`${sb.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify({ adsRateLimit: { rate: 1, burst: 2 } }) });
    const h = { authorization: `Bearer ${token}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId, "amazon-advertising-api-scope": profileId, "content-type": "application/vnd.spCampaign.v3+json" };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) { last = await fetch(`${sb.origin}/sp/campaigns/list`, { method: "POST", headers: h, body: "{}" }); statuses.push(last.status); }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = await last!.json();
    ok(validateResponse(SP, "/sp/campaigns/list", "post", 429, body, "application/json"));
    await fetch(`${sb.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify({ adsRateLimit: { rate: 10, burst: 20 } }) });
  });
});

describe("Sponsored Products v3 entities", () => {
  it.each(ENTITY_TYPES.map((t) => [t.plural, t] as const))("list %s validates and pages", async (_n, t) => {
    const r = await ads("POST", `/sp/${t.plural}/list`, { maxResults: 2, includeExtendedDataFields: true, stateFilter: { include: ["ENABLED", "PAUSED", "ARCHIVED"] } }, t.contentType);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe(t.contentType);
    ok(validateResponse(SP, `/sp/${t.plural}/list`, "post", 200, r.body, t.contentType));
    if (r.body.totalResults > 2) {
      const n = await ads("POST", `/sp/${t.plural}/list`, { maxResults: 2, nextToken: r.body.nextToken, stateFilter: { include: ["ENABLED", "PAUSED", "ARCHIVED"] } }, t.contentType);
      expect(n.body[t.bodyKey][0][t.idField]).not.toBe(r.body[t.bodyKey][0][t.idField]);
    }
  });

  it("create → update → delete with 207 multi-status, per-item errors, Prefer representation", async () => {
    const C = "application/vnd.spCampaign.v3+json";
    const created = await ads("POST", "/sp/campaigns", { campaigns: [{ name: "API campaign", state: "ENABLED", targetingType: "MANUAL", budget: { budget: 12.5, budgetType: "DAILY" } }, { name: "broken", state: "ENABLED" }] }, C, { prefer: "return=representation" });
    expect(created.status).toBe(207);
    ok(validateResponse(SP, "/sp/campaigns", "post", 207, created.body, C));
    expect(created.body.campaigns.success).toHaveLength(1);
    expect(created.body.campaigns.error[0].index).toBe(1);
    expect(created.body.campaigns.success[0].campaign.budget.budget).toBe(12.5);
    const campaignId = created.body.campaigns.success[0].campaignId;
    const AG = "application/vnd.spAdGroup.v3+json";
    const ag = await ads("POST", "/sp/adGroups", { adGroups: [{ campaignId, name: "g", state: "ENABLED", defaultBid: 0.8 }, { campaignId: "999", name: "x", state: "ENABLED", defaultBid: 1 }] }, AG);
    ok(validateResponse(SP, "/sp/adGroups", "post", 207, ag.body, AG));
    expect(ag.body.adGroups.error[0].errors[0].errorType).toBe("entityNotFoundError");
    const adGroupId = ag.body.adGroups.success[0].adGroupId;
    const K = "application/vnd.spKeyword.v3+json";
    const kw = await ads("POST", "/sp/keywords", { keywords: [{ campaignId, adGroupId, keywordText: "trail bottle", matchType: "EXACT", state: "ENABLED", bid: 0.9 }] }, K);
    const keywordId = kw.body.keywords.success[0].keywordId;
    const upd = await ads("PUT", "/sp/keywords", { keywords: [{ keywordId, bid: 1.25 }, { keywordId: "1", bid: 2 }] }, K, { prefer: "return=representation" });
    expect(upd.status).toBe(207);
    ok(validateResponse(SP, "/sp/keywords", "put", 207, upd.body, K));
    expect(upd.body.keywords.success[0].keyword.bid).toBe(1.25);
    expect(upd.body.keywords.error[0].errors[0].errorType).toBe("entityNotFoundError");
    const T = "application/vnd.spTargetingClause.v3+json";
    const tg = await ads("POST", "/sp/targets", { targets: [] }, T);
    expect(tg.status).toBe(400);
    const t2 = await ads("POST", "/sp/targets", { targetingClauses: [{ campaignId, adGroupId, expression: [{ type: "ASIN_SAME_AS", value: "B0AAAAAAAA" }], expressionType: "MANUAL", state: "ENABLED", bid: 0.5 }] }, T, { prefer: "return=representation" });
    ok(validateResponse(SP, "/sp/targets", "post", 207, t2.body, T));
    expect(t2.body.targetingClauses.success).toHaveLength(1);
    const PA = "application/vnd.spProductAd.v3+json";
    // The seller's own advertisable SKU is accepted; one Amazon does not know is refused for its item only.
    const profile = sb.sandbox.ads.allProfiles()[0]!;
    const seller = sb.sandbox.world.seller(profile.sellerId)!;
    const sku = sb.sandbox.world.catalog(seller).find((p) => !p.isParent)!.sku;
    const pa = await ads("POST", "/sp/productAds", { productAds: [{ campaignId, adGroupId, sku, state: "ENABLED" }, { campaignId, adGroupId, sku: "NOT-A-SKU", state: "ENABLED" }] }, PA);
    expect(pa.body.productAds.success).toHaveLength(1);
    expect(pa.body.productAds.error).toMatchObject([{ index: 1, errors: [{ errorType: "malformedValueError" }] }]);
    const NK = "application/vnd.spNegativeKeyword.v3+json";
    const nk = await ads("POST", "/sp/negativeKeywords", { negativeKeywords: [{ campaignId, adGroupId, keywordText: "cheap", matchType: "NEGATIVE_EXACT", state: "ENABLED" }] }, NK, { prefer: "return=representation" });
    ok(validateResponse(SP, "/sp/negativeKeywords", "post", 207, nk.body, NK));
    expect(nk.body.negativeKeywords.success).toHaveLength(1);
    const nkDel = await ads("POST", "/sp/negativeKeywords/delete", { negativeKeywordIdFilter: { include: [nk.body.negativeKeywords.success[0].negativeKeywordId] } }, NK);
    ok(validateResponse(SP, "/sp/negativeKeywords/delete", "post", 207, nkDel.body, NK));
    expect(nkDel.body.negativeKeywords.success).toHaveLength(1);
    const NT = "application/vnd.spNegativeTargetingClause.v3+json";
    const nt = await ads("POST", "/sp/negativeTargets", { negativeTargetingClauses: [{ campaignId, adGroupId, expression: [{ type: "ASIN_SAME_AS", value: "B0BBBBBBBB" }], state: "ENABLED" }] }, NT);
    ok(validateResponse(SP, "/sp/negativeTargets", "post", 207, nt.body, NT));
    expect(nt.body.negativeTargetingClauses.success).toHaveLength(1);
    const CNT = "application/vnd.spCampaignNegativeTargetingClause.v3+json";
    const cnt = await ads("POST", "/sp/campaignNegativeTargets", { campaignNegativeTargetingClauses: [{ campaignId, expression: [{ type: "ASIN_BRAND_SAME_AS", value: "12345" }], state: "ENABLED" }] }, CNT, { prefer: "return=representation" });
    ok(validateResponse(SP, "/sp/campaignNegativeTargets", "post", 207, cnt.body, CNT));
    expect(cnt.body.campaignNegativeTargetingClauses.success).toHaveLength(1);
    const pau = await ads("PUT", "/sp/productAds", { productAds: [{ adId: pa.body.productAds.success[0].adId, state: "PAUSED" }] }, PA);
    ok(validateResponse(SP, "/sp/productAds", "put", 207, pau.body, PA));
    expect(pau.body.productAds.success).toHaveLength(1);
    const del = await ads("POST", "/sp/campaigns/delete", { campaignIdFilter: { include: [campaignId] } }, C);
    expect(del.status).toBe(207);
    ok(validateResponse(SP, "/sp/campaigns/delete", "post", 207, del.body, C));
    expect(del.body.campaigns.success[0].campaign.state).toBe("ARCHIVED");
    const listed = await ads("POST", "/sp/campaigns/list", { campaignIdFilter: { include: [campaignId] } }, C);
    expect(listed.body.campaigns).toHaveLength(0);
    const archived = await ads("POST", "/sp/campaigns/list", { campaignIdFilter: { include: [campaignId] }, stateFilter: { include: ["ARCHIVED"] } }, C);
    expect(archived.body.campaigns).toHaveLength(1);
  });
});

describe("reporting v3", () => {
  const CT = "application/vnd.createasyncreportrequest.v3+json";
  const day = (offset: number) => new Date(sb.sandbox.clock.now() - offset * 86400_000 - 8 * 3600_000).toISOString().slice(0, 10);
  const config = (reportTypeId: string, groupBy: string[], columns: string[], filters?: unknown[]) => ({ adProduct: "SPONSORED_PRODUCTS", reportTypeId, groupBy, columns, timeUnit: "DAILY", format: "GZIP_JSON", ...(filters ? { filters } : {}) });

  async function run(body: AnyJson): Promise<AnyJson[]> {
    const c = await ads("POST", "/reporting/reports", body, CT);
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    ok(validateResponse(REP, "/reporting/reports", "post", 200, c.body, "application/vnd.createasyncreportresponse.v3+json"));
    expect(c.body.status).toBe("PENDING");
    sb.sandbox.clock.advance(31_000);
    const g = await ads("GET", `/reporting/reports/${c.body.reportId}`);
    ok(validateResponse(REP, "/reporting/reports/{reportId}", "get", 200, g.body, "application/vnd.getasyncreportresponse.v3+json"));
    expect(g.body.status).toBe("COMPLETED");
    const file = await fetch(g.body.url);
    return JSON.parse(gunzipSync(Buffer.from(await file.arrayBuffer())).toString("utf8"));
  }

  it("serves the four SP report types with DAILY rows", async () => {
    const cases: Array<[string, string[], string[], unknown[]?]> = [
      ["spCampaigns", ["campaign"], ["campaignId", "campaignName", "date", "impressions", "clicks", "cost", "sales14d", "purchases14d"]],
      ["spCampaigns", ["adGroup", "campaign"], ["campaignId", "adGroupId", "date", "impressions", "clicks", "cost"]],
      ["spTargeting", ["targeting"], ["campaignId", "adGroupId", "keywordId", "keyword", "matchType", "keywordType", "date", "impressions", "clicks", "cost", "sales7d"], [{ field: "keywordType", values: ["BROAD", "PHRASE", "EXACT"] }]],
      ["spTargeting", ["targeting"], ["keywordId", "targeting", "keywordType", "date", "impressions"], [{ field: "keywordType", values: ["TARGETING_EXPRESSION", "TARGETING_EXPRESSION_PREDEFINED"] }]],
      ["spAdvertisedProduct", ["advertiser"], ["campaignId", "adGroupId", "adId", "advertisedAsin", "advertisedSku", "date", "impressions", "clicks", "cost", "sales14d"]],
      ["spSearchTerm", ["searchTerm"], ["campaignId", "keywordId", "searchTerm", "date", "impressions", "clicks", "cost"]],
    ];
    for (const [type, groupBy, columns, filters] of cases) {
      const rows = await run({ name: type, startDate: day(10), endDate: day(3), configuration: config(type, groupBy, columns, filters) });
      expect(rows.length, type).toBeGreaterThan(0);
      for (const r of rows) {
        expect(Object.keys(r).sort()).toEqual([...columns].sort());
        expect(r.impressions).toBeGreaterThan(0);
        expect(r.date >= day(10) && r.date <= day(3)).toBe(true);
      }
      if (type === "spSearchTerm") for (const r of rows) expect(r.clicks).toBeGreaterThanOrEqual(1);
      if (filters && type === "spTargeting") for (const r of rows) expect((filters[0] as AnyJson).values).toContain(r.keywordType);
    }
  });

  it("row types match a real connector's schemas for these reports", async () => {
    const streams: Array<[string, string, string[], unknown[]?]> = [
      ["sponsored_products_campaigns_report_stream_daily", "spCampaigns", ["campaign"]],
      ["sponsored_products_adgroups_report_stream_daily", "spCampaigns", ["adGroup", "campaign"]],
      ["sponsored_products_keywords_report_stream_daily", "spTargeting", ["targeting"], [{ field: "keywordType", values: ["BROAD", "PHRASE", "EXACT"] }]],
      ["sponsored_products_targets_report_stream_daily", "spTargeting", ["targeting"], [{ field: "keywordType", values: ["TARGETING_EXPRESSION", "TARGETING_EXPRESSION_PREDEFINED"] }]],
      ["sponsored_products_productads_report_stream_daily", "spAdvertisedProduct", ["advertiser"]],
    ];
    const Ajv = (await import("ajv")).Ajv;
    for (const [stream, type, groupBy, filters] of streams) {
      const schema = loadShared(`peer-fixtures/amazon-ads/schemas/${stream}.json`) as { properties: Record<string, unknown> };
      const ours = COLUMNS[type as keyof typeof COLUMNS].filter((c) => c !== "startDate" && c !== "endDate" && !(groupBy.includes("campaign") && groupBy.length === 1 && c.startsWith("adGroup")) && !(groupBy.includes("campaign") && groupBy.length === 1 && c === "adStatus"));
      const columns = ours.filter((c) => c in schema.properties);
      expect(columns.length, stream).toBeGreaterThan(10);
      const rows = await run({ startDate: day(6), endDate: day(2), configuration: config(type, groupBy, columns, filters) });
      expect(rows.length, stream).toBeGreaterThan(0);
      const validate = new Ajv({ strict: false }).compile({ type: "array", items: { ...schema, $schema: undefined } });
      expect(validate(rows), `${stream}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it("SUMMARY totals equal the sum of DAILY rows; placements split campaigns", async () => {
    const cols = ["campaignId", "impressions", "clicks", "cost", "purchases14d"];
    const daily = await run({ startDate: day(8), endDate: day(4), configuration: config("spCampaigns", ["campaign"], [...cols, "date"]) });
    const summary = await run({ startDate: day(8), endDate: day(4), configuration: { ...config("spCampaigns", ["campaign"], [...cols, "startDate", "endDate"]), timeUnit: "SUMMARY" } });
    const placements = await run({ startDate: day(8), endDate: day(4), configuration: { ...config("spCampaigns", ["campaign", "campaignPlacement"], [...cols, "placementClassification", "startDate", "endDate"]), timeUnit: "SUMMARY" } });
    const sum = (rows: AnyJson[], k: string, id?: number) => rows.filter((r) => id === undefined || r.campaignId === id).reduce((a, r) => a + r[k], 0);
    expect(summary.length).toBeGreaterThan(0);
    for (const row of summary) {
      expect(row.startDate).toBe(day(8));
      expect(row.impressions).toBe(sum(daily, "impressions", row.campaignId));
      expect(row.clicks).toBe(sum(daily, "clicks", row.campaignId));
      expect(row.purchases14d).toBe(sum(daily, "purchases14d", row.campaignId));
      expect(sum(placements, "impressions", row.campaignId)).toBe(row.impressions);
    }
    expect(new Set(placements.map((r) => r.placementClassification))).toEqual(new Set(["Top of Search on-Amazon", "Detail Page on-Amazon", "Other on-Amazon"]));
  });

  it("no row has sales or units without a purchase, in any window (search terms, product ads, targets, placements)", async () => {
    const windows = ["1d", "7d", "14d", "30d"];
    const metrics = windows.flatMap((w) => [`purchases${w}`, `sales${w}`, `unitsSoldClicks${w}`]);
    const cases: Array<[string, string[], string[]]> = [
      ["spSearchTerm", ["searchTerm"], ["keywordId", "searchTerm", "date", ...metrics]],
      ["spAdvertisedProduct", ["advertiser"], ["adId", "date", ...metrics]],
      ["spTargeting", ["targeting"], ["keywordId", "date", ...metrics]],
      ["spCampaigns", ["campaign", "campaignPlacement"], ["campaignId", "placementClassification", "date", ...metrics]],
    ];
    for (const [type, groupBy, columns] of cases) {
      // Recent days too, whose conversions are only partly booked (where rounding made the sandbox's bug).
      const rows = await run({ startDate: day(30), endDate: day(0), configuration: config(type, groupBy, columns) });
      expect(rows.length, type).toBeGreaterThan(50);
      for (const r of rows) {
        for (const w of windows) {
          if (r[`purchases${w}`] === 0) expect([r[`sales${w}`], r[`unitsSoldClicks${w}`]], `${type} ${w} ${JSON.stringify(r)}`).toEqual([0, 0]);
          else expect(r[`unitsSoldClicks${w}`], `${type} ${w}`).toBeGreaterThanOrEqual(r[`purchases${w}`]);
        }
      }
    }
  });

  it("FAILED on demand", async () => {
    await fetch(`${sb.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify({ faults: { createAsyncReport: { reportOutcome: "FATAL" } } }) });
    const c = await ads("POST", "/reporting/reports", { startDate: day(3), endDate: day(2), configuration: config("spCampaigns", ["campaign"], ["campaignId", "date", "clicks"]) }, CT);
    sb.sandbox.clock.advance(31_000);
    const g = await ads("GET", `/reporting/reports/${c.body.reportId}`);
    expect(g.body.status).toBe("FAILED");
    expect(g.body.failureReason).toBeTruthy();
    ok(validateResponse(REP, "/reporting/reports/{reportId}", "get", 200, g.body, "application/vnd.getasyncreportresponse.v3+json"));
    await fetch(`${sb.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify({ faults: null }) });
  });

  it("enforces 31 days, 95-day retention, 425 on duplicates", async () => {
    const cols = ["campaignId", "date", "impressions"];
    const long = await ads("POST", "/reporting/reports", { startDate: day(40), endDate: day(2), configuration: config("spCampaigns", ["campaign"], cols) }, CT);
    expect(long.status).toBe(400);
    ok(validateResponse(REP, "/reporting/reports", "post", 400, long.body, "application/json"));
    const old = await ads("POST", "/reporting/reports", { startDate: day(100), endDate: day(90), configuration: config("spCampaigns", ["campaign"], cols) }, CT);
    expect(old.status).toBe(400);
    const body = { startDate: day(5), endDate: day(1), configuration: config("spCampaigns", ["campaign"], cols) };
    const first = await ads("POST", "/reporting/reports", body, CT);
    expect(first.status).toBe(200);
    const dup = await ads("POST", "/reporting/reports", body, CT);
    expect(dup.status).toBe(425);
    ok(validateResponse(REP, "/reporting/reports", "post", 425, dup.body, "application/json"));
    expect(dup.body.detail).toContain(first.body.reportId);
    const del = await ads("DELETE", `/reporting/reports/${first.body.reportId}`);
    expect(del.status).toBe(200);
    ok(validateResponse(REP, "/reporting/reports/{reportId}", "delete", 200, del.body, "application/vnd.deleteasyncreportresponse.v3+json"));
    expect((await ads("POST", "/reporting/reports", body, CT)).status).toBe(200);
  });
});

describe("metrics restatement and console edits", () => {
  it("clicks settle within 3 days, sales keep moving until ~42 days", async () => {
    const s = await testSandbox({ volume: "small" });
    try {
      const p = s.sandbox.ads.allProfiles()[0]!;
      // Ten days up to yesterday: sales move in whole purchases, so one day's few may not move between two reads.
      const day = (back: number) => new Date(s.sandbox.clock.now() - back * 86400_000 - 8 * 3600_000).toISOString().slice(0, 10);
      const [from, to] = [day(10), day(1)];
      const read = async () => ((await (await fetch(`${s.origin}/__sandbox/truth/ads/metrics?profileId=${p.profileId}&from=${from}&to=${to}`)).json()) as AnyJson).rows as AnyJson[];
      const sum = (rows: AnyJson[], k: string) => rows.reduce((a, r) => a + r[k], 0);
      const d1 = await read();
      s.sandbox.clock.advance(5 * 86400_000);
      const d6 = await read();
      s.sandbox.clock.advance(10 * 86400_000);
      const d16 = await read();
      s.sandbox.clock.advance(40 * 86400_000);
      const d56 = await read();
      s.sandbox.clock.advance(20 * 86400_000);
      const d76 = await read();
      expect(sum(d1, "clicks")).toBeGreaterThan(sum(d6, "clicks"));
      expect(sum(d6, "clicks")).toBe(sum(d16, "clicks"));
      expect(sum(d1, "sales14d")).toBeLessThan(sum(d6, "sales14d"));
      expect(sum(d6, "sales14d")).toBeLessThan(sum(d16, "sales14d"));
      expect(sum(d16, "sales14d")).toBeLessThan(sum(d56, "sales14d"));
      expect(sum(d56, "sales14d")).toBe(sum(d76, "sales14d"));
    } finally { await s.close(); }
  });

  it("a console-created campaign appears in the API at once but in reports only once it has impressions", async () => {
    const r = await fetch(`${sb.origin}/__sandbox/ads/console`, { method: "POST", body: JSON.stringify({ profileId, action: "createCampaign", name: "Console launch", budget: 30, keywords: ["console one", "console two"] }) });
    const created = (await r.json()) as AnyJson;
    const id = created.entity.campaignId;
    const listed = await ads("POST", "/sp/campaigns/list", { campaignIdFilter: { include: [id] } }, "application/vnd.spCampaign.v3+json");
    expect(listed.body.campaigns[0].name).toBe("Console launch");
    const today = new Date(sb.sandbox.clock.now() - 8 * 3600_000).toISOString().slice(0, 10);
    const metricsNow = ((await (await fetch(`${sb.origin}/__sandbox/truth/ads/metrics?profileId=${profileId}&from=${today}&to=${today}`)).json()) as AnyJson).rows;
    expect(metricsNow.some((x: AnyJson) => String(x.campaignId) === id)).toBe(false);
    sb.sandbox.clock.advance(3 * 86400_000);
    const later = new Date(sb.sandbox.clock.now() - 8 * 3600_000 - 86400_000).toISOString().slice(0, 10);
    let seen = false;
    for (const d of [later, new Date(Date.parse(later) - 86400_000).toISOString().slice(0, 10)]) {
      const rows = ((await (await fetch(`${sb.origin}/__sandbox/truth/ads/metrics?profileId=${profileId}&from=${d}&to=${d}`)).json()) as AnyJson).rows;
      if (rows.some((x: AnyJson) => String(x.campaignId) === id)) seen = true;
    }
    expect(seen).toBe(true);
    // Console bid edit is visible through the API.
    const kwId = created.children.keywords[0];
    await fetch(`${sb.origin}/__sandbox/ads/console`, { method: "POST", body: JSON.stringify({ profileId, action: "setBid", kind: "keyword", id: kwId, bid: 2.1 }) });
    token = await adsToken(sb);
    const kw = await ads("POST", "/sp/keywords/list", { keywordIdFilter: { include: [kwId] } }, "application/vnd.spKeyword.v3+json");
    expect(kw.body.keywords[0].bid).toBe(2.1);
  });
});
