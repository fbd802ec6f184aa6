import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { Sandbox } from "../index";
import { type AnyJson, adsToken, FIXED_NOW, testSandbox, validateResponse } from "./helpers";

// Placement bid adjustments (dynamicBidding.placementBidding) through the SP v3 campaign operations.

const SP = "ads-api-specs/SponsoredProducts_prod_3p.json";
const C = "application/vnd.spCampaign.v3+json";

let sb: RunningSandbox;
let token: string;
let profileId: string;
beforeAll(async () => {
  sb = await testSandbox({ volume: "small" });
  token = await adsToken(sb);
  profileId = sb.sandbox.ads.allProfiles()[0]!.profileId;
});
afterAll(async () => { await sb.close(); });

async function campaigns(method: string, path: string, body: unknown, prefer = false) {
  sb.sandbox.quotas.reset();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId, "amazon-advertising-api-scope": profileId, "content-type": C, accept: C };
  if (prefer) headers.prefer = "return=representation";
  const r = await fetch(sb.origin + path, { method, headers, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as AnyJson };
}

const ok = (errs: string[]) => expect(errs).toEqual([]);
const list = async (ids: string[]) => (await campaigns("POST", "/sp/campaigns/list", { campaignIdFilter: { include: ids }, includeExtendedDataFields: true })).body.campaigns as AnyJson[];
const base = { state: "ENABLED", targetingType: "MANUAL", budget: { budget: 10, budgetType: "DAILY" } };

describe("placement bid adjustments", () => {
  it("the seeded account has some, deterministically, in the model's shape", async () => {
    const r = await campaigns("POST", "/sp/campaigns/list", { stateFilter: { include: ["ENABLED", "PAUSED", "ARCHIVED"] } });
    ok(validateResponse(SP, "/sp/campaigns/list", "post", 200, r.body, C));
    const seeded = r.body.campaigns as AnyJson[];
    const withPlacements = seeded.filter((c) => c.dynamicBidding.placementBidding.length > 0);
    expect(withPlacements.length).toBeGreaterThan(0);
    expect(withPlacements.length).toBeLessThan(seeded.length);
    for (const c of withPlacements) {
      for (const x of c.dynamicBidding.placementBidding) {
        expect(["PLACEMENT_TOP", "PLACEMENT_PRODUCT_PAGE", "PLACEMENT_REST_OF_SEARCH", "SITE_AMAZON_BUSINESS"]).toContain(x.placement);
        expect(Number.isInteger(x.percentage) && x.percentage >= 0 && x.percentage <= 900).toBe(true);
      }
      expect(new Set(c.dynamicBidding.placementBidding.map((x: AnyJson) => x.placement)).size).toBe(c.dynamicBidding.placementBidding.length);
    }
    // Same seed, same adjustments: a second world built from the same options holds the same ones.
    const twin = new Sandbox({ seed: "test-seed", volume: "small", now: () => FIXED_NOW, historyDays: 200 });
    const p = twin.ads.profile(profileId)!;
    const again = new Map([...twin.ads.list(p, "campaign").values()].map((e) => [e.id, e.placements ?? []]));
    for (const c of seeded) expect(again.get(c.campaignId)).toEqual(c.dynamicBidding.placementBidding);
  });

  it("create takes dynamicBidding with placements; bad items fail alone with Amazon's per-item errors", async () => {
    const placementBidding = [{ placement: "PLACEMENT_TOP", percentage: 150 }, { placement: "PLACEMENT_PRODUCT_PAGE", percentage: 0 }, { placement: "SITE_AMAZON_BUSINESS", percentage: 900 }];
    const r = await campaigns("POST", "/sp/campaigns", {
      campaigns: [
        { ...base, name: "placements ok", dynamicBidding: { strategy: "MANUAL", placementBidding } },
        { ...base, name: "unknown placement", dynamicBidding: { strategy: "MANUAL", placementBidding: [{ placement: "PLACEMENT_HOME", percentage: 10 }] } },
        { ...base, name: "too high", dynamicBidding: { strategy: "MANUAL", placementBidding: [{ placement: "PLACEMENT_TOP", percentage: 901 }] } },
        { ...base, name: "negative", dynamicBidding: { strategy: "MANUAL", placementBidding: [{ placement: "PLACEMENT_TOP", percentage: -1 }] } },
        { ...base, name: "fraction", dynamicBidding: { strategy: "MANUAL", placementBidding: [{ placement: "PLACEMENT_TOP", percentage: 12.5 }] } },
        { ...base, name: "twice", dynamicBidding: { strategy: "MANUAL", placementBidding: [{ placement: "PLACEMENT_TOP", percentage: 10 }, { placement: "PLACEMENT_TOP", percentage: 20 }] } },
        { ...base, name: "no strategy", dynamicBidding: { placementBidding } },
        { ...base, name: "bad strategy", dynamicBidding: { strategy: "FASTEST" } },
        { ...base, name: "no percentage", dynamicBidding: { strategy: "MANUAL", placementBidding: [{ placement: "PLACEMENT_TOP" }] } },
        { ...base, name: "defaults" },
      ],
    }, true);
    expect(r.status).toBe(207);
    ok(validateResponse(SP, "/sp/campaigns", "post", 207, r.body, C));
    expect(r.body.campaigns.success.map((s: AnyJson) => s.index)).toEqual([0, 9]);
    expect(r.body.campaigns.success[0].campaign.dynamicBidding).toEqual({ strategy: "MANUAL", placementBidding });
    expect(r.body.campaigns.success[1].campaign.dynamicBidding).toEqual({ strategy: "LEGACY_FOR_SALES", placementBidding: [] });
    const errors = new Map((r.body.campaigns.error as AnyJson[]).map((e) => [e.index, e.errors]));
    const first = (i: number) => { const e = errors.get(i)[0]; return { type: e.errorType, ...e.errorValue[e.errorType] }; };
    expect(first(1)).toMatchObject({ type: "biddingError", reason: "BID_INVALID_PLACEMENT", cause: { location: "$.campaigns[1].dynamicBidding.placementBidding[0].placement" } });
    expect(first(2)).toMatchObject({ type: "rangeError", reason: "TOO_HIGH", upperLimit: "900", cause: { location: "$.campaigns[2].dynamicBidding.placementBidding[0].percentage" } });
    expect(first(3)).toMatchObject({ type: "rangeError", reason: "TOO_LOW", lowerLimit: "0" });
    expect(first(4)).toMatchObject({ type: "malformedValueError", cause: { location: "$.campaigns[4].dynamicBidding.placementBidding[0].percentage" } });
    expect(first(5)).toMatchObject({ type: "duplicateValueError", reason: "DUPLICATE_VALUE", cause: { location: "$.campaigns[5].dynamicBidding.placementBidding[1].placement" } });
    expect(first(6)).toMatchObject({ type: "missingValueError", cause: { location: "$.campaigns[6].dynamicBidding.strategy" } });
    expect(first(7)).toMatchObject({ type: "rangeError", reason: "INVALID_ENUM_VALUE" });
    expect(first(8)).toMatchObject({ type: "missingValueError", cause: { location: "$.campaigns[8].dynamicBidding.placementBidding[0].percentage" } });
    // The refused items created nothing.
    const names = (await campaigns("POST", "/sp/campaigns/list", { nameFilter: { include: ["too high", "twice", "no strategy"] } })).body.campaigns;
    expect(names).toEqual([]);
    const [listed] = await list([r.body.campaigns.success[0].campaignId]);
    expect(listed.dynamicBidding).toEqual({ strategy: "MANUAL", placementBidding });
  });

  it("update replaces the strategy when given and the whole placement list when given; an invalid item changes nothing", async () => {
    const created = await campaigns("POST", "/sp/campaigns", { campaigns: [{ ...base, name: "to update", dynamicBidding: { strategy: "LEGACY_FOR_SALES", placementBidding: [{ placement: "PLACEMENT_TOP", percentage: 50 }, { placement: "PLACEMENT_PRODUCT_PAGE", percentage: 20 }] } }] });
    const campaignId = created.body.campaigns.success[0].campaignId;
    sb.sandbox.clock.advance(60_000);
    const list1 = await campaigns("PUT", "/sp/campaigns", { campaigns: [{ campaignId, dynamicBidding: { placementBidding: [{ placement: "PLACEMENT_REST_OF_SEARCH", percentage: 25 }] } }] }, true);
    ok(validateResponse(SP, "/sp/campaigns", "put", 207, list1.body, C));
    expect(list1.body.campaigns.success[0].campaign.dynamicBidding).toEqual({ strategy: "LEGACY_FOR_SALES", placementBidding: [{ placement: "PLACEMENT_REST_OF_SEARCH", percentage: 25 }] });
    const strategy = await campaigns("PUT", "/sp/campaigns", { campaigns: [{ campaignId, dynamicBidding: { strategy: "AUTO_FOR_SALES" } }] });
    expect(strategy.body.campaigns.success).toHaveLength(1);
    let [c] = await list([campaignId]);
    expect(c.dynamicBidding).toEqual({ strategy: "AUTO_FOR_SALES", placementBidding: [{ placement: "PLACEMENT_REST_OF_SEARCH", percentage: 25 }] });
    expect(c.extendedData.lastUpdateDateTime).toBe(new Date(sb.sandbox.clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z"));
    const cleared = await campaigns("PUT", "/sp/campaigns", { campaigns: [{ campaignId, dynamicBidding: { placementBidding: [] } }] });
    expect(cleared.body.campaigns.success).toHaveLength(1);
    [c] = await list([campaignId]);
    expect(c.dynamicBidding).toEqual({ strategy: "AUTO_FOR_SALES", placementBidding: [] });
    const refused = await campaigns("PUT", "/sp/campaigns", { campaigns: [{ campaignId, name: "renamed", dynamicBidding: { strategy: "MANUAL", placementBidding: [{ placement: "PLACEMENT_TOP", percentage: 1000 }] } }] });
    expect(refused.status).toBe(207);
    ok(validateResponse(SP, "/sp/campaigns", "put", 207, refused.body, C));
    expect(refused.body.campaigns.error[0].errors[0]).toMatchObject({ errorType: "rangeError", errorValue: { rangeError: { reason: "TOO_HIGH" } } });
    [c] = await list([campaignId]);
    expect(c).toMatchObject({ name: "to update", dynamicBidding: { strategy: "AUTO_FOR_SALES", placementBidding: [] } });
  });
});
