import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import type { Entity, EntityKind } from "../ads/entities";
import { ENTITY_TYPES } from "../ads/entities";
import type { AdsProfile } from "../ads/state";
import { isoZ } from "../util/time";
import { type AnyJson, adsToken, testSandbox, validateResponse } from "./helpers";

// The seller's edits "in Seller Central" (POST /__sandbox/ads/console): every action, what the API shows after
// it, and the 400s for bad input.

const SP = "ads-api-specs/SponsoredProducts_prod_3p.json";

let sb: RunningSandbox;
let token: string;
let p: AdsProfile;
beforeAll(async () => {
  sb = await testSandbox();
  token = await adsToken(sb);
  p = sb.sandbox.ads.allProfiles()[0]!;
});
afterAll(async () => { await sb.close(); });

async function edit(body: Record<string, unknown>): Promise<{ status: number; body: AnyJson }> {
  const r = await fetch(`${sb.origin}/__sandbox/ads/console`, { method: "POST", body: JSON.stringify({ profileId: p.profileId, ...body }) });
  return { status: r.status, body: (await r.json()) as AnyJson };
}

async function done(body: Record<string, unknown>): Promise<AnyJson> {
  const r = await edit(body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** One entity as the SP v3 API lists it (archived ones too), with extended data. */
async function listed(kind: EntityKind, id: string): Promise<AnyJson> {
  const t = ENTITY_TYPES.find((x) => x.kind === kind)!;
  sb.sandbox.quotas.reset();
  const r = await fetch(`${sb.origin}/sp/${t.plural}/list`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId, "amazon-advertising-api-scope": p.profileId, "content-type": t.contentType, accept: t.contentType },
    body: JSON.stringify({ [t.idFilter]: { include: [id] }, includeExtendedDataFields: true, stateFilter: { include: ["ENABLED", "PAUSED", "ARCHIVED"] } }),
  });
  const body = (await r.json()) as AnyJson;
  expect(validateResponse(SP, `/sp/${t.plural}/list`, "post", 200, body, t.contentType)).toEqual([]);
  expect(body[t.bodyKey]).toHaveLength(1);
  return body[t.bodyKey][0];
}

const all = (kind: EntityKind): Entity[] => [...sb.sandbox.ads.list(p, kind).values()];
const manualCampaign = () => all("campaign").find((c) => c.targetingType === "MANUAL" && c.state !== "ARCHIVED")!;
const adGroupOf = (campaign: Entity) => all("adGroup").find((g) => g.campaignId === campaign.id && g.state !== "ARCHIVED")!;
const tick = () => { sb.sandbox.clock.advance(60_000); return isoZ(sb.sandbox.clock.now()); };

describe("console edits", () => {
  it("setBid sets a keyword's (the default kind), a target's and an ad group's default bid; setBudget a campaign's budget", async () => {
    const campaign = manualCampaign();
    const adGroup = adGroupOf(campaign);
    const keyword = all("keyword").find((k) => k.adGroupId === adGroup.id)!;
    const target = all("target").find((t) => t.adGroupId === adGroup.id)!;
    let now = tick();
    const kw = await done({ action: "setBid", id: keyword.id, bid: 1.37 });
    expect(kw.entity).toMatchObject({ keywordId: keyword.id, bid: 1.37, extendedData: { lastUpdateDateTime: now } });
    expect((await listed("keyword", keyword.id)).bid).toBe(1.37);
    now = tick();
    expect((await done({ action: "setBid", kind: "target", id: target.id, bid: "0.9" })).entity).toMatchObject({ targetId: target.id, bid: 0.9, extendedData: { lastUpdateDateTime: now } });
    expect((await listed("target", target.id)).bid).toBe(0.9);
    now = tick();
    expect((await done({ action: "setBid", kind: "adGroup", id: adGroup.id, bid: 0.55 })).entity).toMatchObject({ adGroupId: adGroup.id, defaultBid: 0.55, extendedData: { lastUpdateDateTime: now } });
    expect((await listed("adGroup", adGroup.id)).defaultBid).toBe(0.55);
    now = tick();
    const budget = await done({ action: "setBudget", id: campaign.id, budget: 42.5 });
    expect(budget.entity).toMatchObject({ campaignId: campaign.id, budget: { budget: 42.5, budgetType: "DAILY" }, extendedData: { lastUpdateDateTime: now } });
    expect(budget.children.adGroups).toContain(adGroup.id);
    expect(budget.children.keywords).toContain(keyword.id);
    expect((await listed("campaign", campaign.id)).budget.budget).toBe(42.5);
  });

  it("setState pauses, enables and archives every kind, negatives included; an archived entity can no longer be changed", async () => {
    const campaign = all("campaign").filter((c) => c.targetingType === "MANUAL")[1]!;
    const adGroup = adGroupOf(campaign);
    const created = {
      negativeTarget: (await done({ action: "createNegativeTarget", adGroupId: adGroup.id, expression: [{ type: "ASIN_SAME_AS", value: "B0STATE001" }] })).entity.targetId,
      campaignNegativeKeyword: (await done({ action: "createCampaignNegativeKeyword", campaignId: campaign.id, keywordText: "state used", matchType: "NEGATIVE_PHRASE" })).entity.keywordId,
      campaignNegativeTarget: (await done({ action: "createCampaignNegativeTarget", campaignId: campaign.id, expression: [{ type: "ASIN_BRAND_SAME_AS", value: "Acme" }] })).entity.targetId,
    } as Partial<Record<EntityKind, string>>;
    const seeded = (kind: EntityKind) => all(kind).find((e) => e.campaignId === campaign.id && e.state === "ENABLED")?.id;
    for (const t of ENTITY_TYPES) {
      const id = created[t.kind] ?? seeded(t.kind);
      expect(id, t.kind).toBeDefined();
      let now = tick();
      // The campaign is paused through the default kind, as the console's first version did it.
      const paused = await done({ action: "setState", ...(t.kind === "campaign" ? {} : { kind: t.kind }), id, state: "PAUSED" });
      expect(paused.entity, t.kind).toMatchObject({ [t.idField]: id, state: "PAUSED", extendedData: { lastUpdateDateTime: now } });
      expect((await listed(t.kind, id!)).state).toBe("PAUSED");
      await done({ action: "setState", kind: t.kind, id, state: "ENABLED" });
      if (t.kind === "campaign" || t.kind === "adGroup") continue;
      now = tick();
      expect((await done({ action: "setState", kind: t.kind, id, state: "ARCHIVED" })).entity).toMatchObject({ state: "ARCHIVED", extendedData: { lastUpdateDateTime: now } });
      expect((await listed(t.kind, id!)).state).toBe("ARCHIVED");
      const again = await edit({ action: "setState", kind: t.kind, id, state: "ENABLED" });
      expect(again.status).toBe(400);
      expect(again.body.error).toMatch(/archived/);
    }
  });

  it("setBiddingStrategy, setPlacement (one placement, the others kept) and rename", async () => {
    const campaign = all("campaign").find((c) => (c.placements ?? []).some((x) => x.placement === "PLACEMENT_TOP") && c.state !== "ARCHIVED")!;
    const before = campaign.placements!.map((x) => ({ ...x }));
    let now = tick();
    expect((await done({ action: "setBiddingStrategy", id: campaign.id, strategy: "MANUAL" })).entity).toMatchObject({ dynamicBidding: { strategy: "MANUAL" }, extendedData: { lastUpdateDateTime: now } });
    now = tick();
    const top = await done({ action: "setPlacement", id: campaign.id, placement: "PLACEMENT_TOP", percentage: 235 });
    const expected = before.map((x) => (x.placement === "PLACEMENT_TOP" ? { placement: "PLACEMENT_TOP", percentage: 235 } : x));
    expect(top.entity).toMatchObject({ dynamicBidding: { strategy: "MANUAL", placementBidding: expected }, extendedData: { lastUpdateDateTime: now } });
    const absent = (["PLACEMENT_PRODUCT_PAGE", "PLACEMENT_REST_OF_SEARCH", "SITE_AMAZON_BUSINESS"] as const).find((pl) => !before.some((x) => x.placement === pl))!;
    await done({ action: "setPlacement", id: campaign.id, placement: absent, percentage: 0 });
    expect((await listed("campaign", campaign.id)).dynamicBidding).toEqual({ strategy: "MANUAL", placementBidding: [...expected, { placement: absent, percentage: 0 }] });
    now = tick();
    expect((await done({ action: "rename", id: campaign.id, name: "Renamed in the console" })).entity).toMatchObject({ name: "Renamed in the console", extendedData: { lastUpdateDateTime: now } });
    const adGroup = adGroupOf(campaign);
    expect((await done({ action: "rename", kind: "adGroup", id: adGroup.id, name: "Renamed group" })).entity).toMatchObject({ adGroupId: adGroup.id, name: "Renamed group" });
    expect((await listed("campaign", campaign.id)).name).toBe("Renamed in the console");
    expect((await listed("adGroup", adGroup.id)).name).toBe("Renamed group");
  });
});

describe("console creations", () => {
  it("creates ad groups, keywords, targets, product ads and negatives at both levels, answering the entity and the created ids", async () => {
    const campaign = manualCampaign();
    const now = tick();
    const nextDay = sb.sandbox.ads.firstDayFor(p, sb.sandbox.clock.now());
    const ag = await done({ action: "createAdGroup", campaignId: campaign.id, name: "Console group", defaultBid: 0.6 });
    const adGroupId = ag.entity.adGroupId as string;
    expect(ag.created).toEqual({ adGroups: [adGroupId] });
    expect(ag.entity).toMatchObject({ campaignId: campaign.id, name: "Console group", defaultBid: 0.6, state: "ENABLED", extendedData: { creationDateTime: now, lastUpdateDateTime: now } });
    const kw = await done({ action: "createKeyword", adGroupId, keywordText: "console trail bottle", matchType: "PHRASE" });
    expect(kw.entity).toMatchObject({ campaignId: campaign.id, adGroupId, keywordText: "console trail bottle", matchType: "PHRASE", bid: 0.6, state: "ENABLED" });
    expect(kw.created).toEqual({ keywords: [kw.entity.keywordId] });
    const kwBid = await done({ action: "createKeyword", adGroupId, keywordText: "console trail bottle", matchType: "EXACT", bid: 1.1 });
    expect(kwBid.entity.bid).toBe(1.1);
    const tg = await done({ action: "createTarget", adGroupId, expression: [{ type: "ASIN_SAME_AS", value: "B0CONSOLE1" }], bid: 0.8 });
    expect(tg.entity).toMatchObject({ adGroupId, expression: [{ type: "ASIN_SAME_AS", value: "B0CONSOLE1" }], expressionType: "MANUAL", bid: 0.8 });
    expect(tg.created).toEqual({ targets: [tg.entity.targetId] });
    const product = sb.sandbox.world.catalog(sb.sandbox.world.sellers[0]!).find((x) => !x.isParent)!;
    const pa = await done({ action: "createProductAd", adGroupId, sku: product.sku, asin: product.asin });
    expect(pa.entity).toMatchObject({ adGroupId, sku: product.sku, asin: product.asin, state: "ENABLED" });
    expect(pa.created).toEqual({ productAds: [pa.entity.adId] });
    const nk = await done({ action: "createNegativeKeyword", adGroupId, keywordText: "free", matchType: "NEGATIVE_EXACT" });
    expect(nk.entity).toMatchObject({ adGroupId, keywordText: "free", matchType: "NEGATIVE_EXACT" });
    expect(nk.created).toEqual({ negativeKeywords: [nk.entity.keywordId] });
    const nt = await done({ action: "createNegativeTarget", adGroupId, expression: [{ type: "ASIN_SAME_AS", value: "B0NEGATIVE" }] });
    expect(nt.created).toEqual({ negativeTargets: [nt.entity.targetId] });
    const cnk = await done({ action: "createCampaignNegativeKeyword", campaignId: campaign.id, keywordText: "broken", matchType: "NEGATIVE_PHRASE" });
    expect(cnk.entity).toMatchObject({ campaignId: campaign.id, keywordText: "broken", matchType: "NEGATIVE_PHRASE" });
    expect(cnk.created).toEqual({ campaignNegativeKeywords: [cnk.entity.keywordId] });
    const cnt = await done({ action: "createCampaignNegativeTarget", campaignId: campaign.id, expression: [{ type: "ASIN_BRAND_SAME_AS", value: "Rival" }] });
    expect(cnt.created).toEqual({ campaignNegativeTargets: [cnt.entity.targetId] });
    // Every one is in the API at once, in the model's shape, and starts receiving impressions the next local day.
    const made: Array<[EntityKind, string]> = [["adGroup", adGroupId], ["keyword", kw.entity.keywordId], ["keyword", kwBid.entity.keywordId], ["target", tg.entity.targetId], ["productAd", pa.entity.adId], ["negativeKeyword", nk.entity.keywordId], ["negativeTarget", nt.entity.targetId], ["campaignNegativeKeyword", cnk.entity.keywordId], ["campaignNegativeTarget", cnt.entity.targetId]];
    for (const [kind, id] of made) {
      expect((await listed(kind, id)).extendedData.creationDateTime, kind).toBe(now);
      expect(sb.sandbox.ads.find(p, kind, id)!.firstImpressionDay, kind).toBe(nextDay);
    }
  });

  it("createCampaign keeps its first body; AUTO gets Amazon's four auto targets, skus become product ads", async () => {
    const classic = await done({ action: "createCampaign", name: "Console launch", budget: 30, keywords: ["console one", "console two"] });
    expect(classic.entity).toMatchObject({ name: "Console launch", targetingType: "MANUAL", state: "ENABLED", budget: { budget: 30, budgetType: "DAILY" }, dynamicBidding: { strategy: "LEGACY_FOR_SALES", placementBidding: [] } });
    expect(classic.children.adGroups).toHaveLength(1);
    expect(classic.children.keywords).toHaveLength(2);
    expect((await listed("keyword", classic.children.keywords[0])).bid).toBe(0.75);
    const skus = sb.sandbox.world.catalog(sb.sandbox.world.sellers[0]!).filter((x) => !x.isParent).slice(0, 2).map((x) => x.sku);
    const auto = await done({ action: "createCampaign", name: "Console auto", targetingType: "AUTO", defaultBid: 0.5, skus });
    expect(auto.entity).toMatchObject({ name: "Console auto", targetingType: "AUTO" });
    expect(auto.children.keywords).toEqual([]);
    expect(auto.created.targets).toHaveLength(4);
    const targets = await Promise.all((auto.created.targets as string[]).map((id) => listed("target", id)));
    expect(targets.map((t) => t.expression[0].type).sort()).toEqual(["ASIN_ACCESSORY_RELATED", "ASIN_SUBSTITUTE_RELATED", "QUERY_BROAD_REL_MATCHES", "QUERY_HIGH_REL_MATCHES"]);
    for (const t of targets) expect(t).toMatchObject({ expressionType: "AUTO", bid: 0.5, adGroupId: auto.children.adGroups[0] });
    const ads = await Promise.all((auto.created.productAds as string[]).map((id) => listed("productAd", id)));
    expect(ads.map((a) => a.sku)).toEqual(skus);
    // A further ad group of the AUTO campaign targets automatically too.
    const more = await done({ action: "createAdGroup", campaignId: auto.entity.campaignId, name: "Second auto group", defaultBid: 0.4 });
    expect(more.created.targets).toHaveLength(4);
  });
});

describe("console refusals", () => {
  it("answers 400 naming the problem: unknown action, profile or id, wrong kind, bad value, a state Amazon refuses", async () => {
    const campaign = manualCampaign();
    const adGroup = adGroupOf(campaign);
    const keyword = all("keyword").find((k) => k.adGroupId === adGroup.id && k.state === "ENABLED")!;
    const autoGroup = all("adGroup").find((g) => sb.sandbox.ads.find(p, "campaign", g.campaignId)?.targetingType === "AUTO")!;
    const campaignsBefore = all("campaign").length;
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ action: "deleteEverything" }, /action must be one of setBid \| setBudget \| setState \| setBiddingStrategy \| setPlacement \| rename \| createCampaign/],
      [{ action: "setBid", profileId: "123", id: keyword.id, bid: 1 }, /unknown profileId 123/],
      [{ action: "setBid", id: "999999", bid: 1 }, /unknown keyword 999999/],
      [{ action: "setBid", id: campaign.id, bid: 1 }, new RegExp(`id ${campaign.id} is a campaign, not a keyword`)],
      [{ action: "setBid", kind: "campaign", id: campaign.id, bid: 1 }, /kind must be one of keyword, target, adGroup/],
      [{ action: "setBid", id: keyword.id, bid: -1 }, /bid must be a positive amount/],
      [{ action: "setBid", id: keyword.id, bid: 0 }, /bid must be more than 0/],
      [{ action: "setBid", id: keyword.id, bid: 1.234 }, /bid has more decimals than USD has/],
      [{ action: "setBudget", id: campaign.id }, /budget must be a positive amount/],
      [{ action: "setState", kind: "keyword", id: keyword.id, state: "DELETED" }, /state must be one of ENABLED, PAUSED, ARCHIVED/],
      [{ action: "setState", kind: "widget", id: keyword.id, state: "PAUSED" }, /kind must be one of campaign, adGroup/],
      [{ action: "setBiddingStrategy", id: campaign.id, strategy: "RULE_BASED" }, /strategy must be one of LEGACY_FOR_SALES, AUTO_FOR_SALES, MANUAL/],
      [{ action: "setPlacement", id: campaign.id, placement: "TOP", percentage: 10 }, /placement must be one of PLACEMENT_TOP/],
      [{ action: "setPlacement", id: campaign.id, placement: "PLACEMENT_TOP", percentage: 901 }, /percentage must be an integer from 0 to 900/],
      [{ action: "setPlacement", id: campaign.id, placement: "PLACEMENT_TOP", percentage: 10.5 }, /percentage must be an integer/],
      [{ action: "rename", id: campaign.id, name: " " }, /name must be a non-empty string/],
      [{ action: "rename", kind: "keyword", id: keyword.id, name: "x" }, /kind must be one of campaign, adGroup/],
      [{ action: "createAdGroup", campaignId: campaign.id, name: "no bid" }, /defaultBid must be a positive amount/],
      [{ action: "createKeyword", adGroupId: adGroup.id, keywordText: "x", matchType: "NEGATIVE_EXACT" }, /matchType must be one of EXACT, PHRASE, BROAD/],
      [{ action: "createKeyword", adGroupId: adGroup.id, keywordText: keyword.text, matchType: keyword.matchType }, /already has/],
      [{ action: "createKeyword", adGroupId: autoGroup.id, keywordText: "x", matchType: "EXACT" }, /AUTO campaign/],
      [{ action: "createKeyword", adGroupId: campaign.id, keywordText: "x", matchType: "EXACT" }, /adGroupId \d+ is a campaign, not an adGroup/],
      [{ action: "createTarget", adGroupId: adGroup.id, expression: [{ type: "QUERY_HIGH_REL_MATCHES" }] }, /expression\[0\]\.type must be one of ASIN_SAME_AS/],
      [{ action: "createTarget", adGroupId: adGroup.id, expression: [] }, /expression must be a non-empty array/],
      [{ action: "createProductAd", adGroupId: adGroup.id, sku: "NOT-A-SKU" }, /sku NOT-A-SKU is not in the seller's catalog/],
      [{ action: "createNegativeTarget", adGroupId: adGroup.id, expression: [{ type: "ASIN_CATEGORY_SAME_AS", value: "1" }] }, /must be one of ASIN_SAME_AS, ASIN_BRAND_SAME_AS/],
      [{ action: "createCampaignNegativeKeyword", campaignId: "1", keywordText: "x", matchType: "NEGATIVE_EXACT" }, /unknown campaign 1/],
      [{ action: "createCampaign", targetingType: "SEMI" }, /targetingType must be one of MANUAL, AUTO/],
      [{ action: "createCampaign", targetingType: "AUTO", keywords: ["x"] }, /keywords are for MANUAL campaigns/],
      [{ action: "createCampaign", name: "half", skus: ["NOT-A-SKU"] }, /not in the seller's catalog/],
    ];
    for (const [body, message] of cases) {
      const r = await edit(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error, JSON.stringify(body)).toMatch(message);
    }
    // A refused creation made nothing.
    expect(all("campaign")).toHaveLength(campaignsBefore);
    expect(sb.sandbox.ads.find(p, "keyword", keyword.id)!.state).toBe("ENABLED");
  });
});
