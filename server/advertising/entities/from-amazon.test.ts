import { describe, expect, it } from "vitest";
import { adEntityFromAmazon } from "./from-amazon";
import { entityLabel } from "./label";

describe("an entity of Amazon's v3 listing as a row", () => {
  it("keeps money as Amazon's exact decimal and reads placement adjustments and extended data", () => {
    const row = adEntityFromAmazon("campaign", {
      campaignId: "111",
      name: "Brand — exact",
      state: "ENABLED",
      targetingType: "MANUAL",
      budget: { budget: 19.99, budgetType: "DAILY" },
      startDate: "2026-01-02",
      dynamicBidding: { strategy: "AUTO_FOR_SALES", placementBidding: [{ placement: "PLACEMENT_TOP", percentage: 50 }, { placement: "PLACEMENT_PRODUCT_PAGE", percentage: 0 }] },
      extendedData: { servingStatus: "CAMPAIGN_STATUS_ENABLED", creationDateTime: "2026-01-02T10:00:00Z", lastUpdateDateTime: "2026-02-03T11:00:00Z" },
    });
    expect(row).toMatchObject({
      kind: "campaign", entityId: "111", campaignId: "111", adGroupId: null, budget: "19.99", biddingStrategy: "AUTO_FOR_SALES",
      placementTop: 50, placementProductPage: 0, placementRestOfSearch: null, servingStatus: "CAMPAIGN_STATUS_ENABLED", amazonUpdatedAt: "2026-02-03T11:00:00Z",
    });
  });

  it("takes a keyword's bid as its own and leaves it null when the ad group's default applies", () => {
    const own = adEntityFromAmazon("keyword", { keywordId: 5, adGroupId: 4, campaignId: 3, keywordText: "widget", matchType: "EXACT", state: "PAUSED", bid: 0.35 });
    expect(own).toMatchObject({ entityId: "5", adGroupId: "4", campaignId: "3", bid: "0.35", defaultBid: null, state: "PAUSED" });
    expect(adEntityFromAmazon("keyword", { keywordId: "6", adGroupId: "4", campaignId: "3", keywordText: "widget", matchType: "BROAD", state: "ENABLED" }).bid).toBeNull();
  });

  it("refuses a malformed record whole, naming the entity and the problem", () => {
    expect(() => adEntityFromAmazon("adGroup", { adGroupId: "9", campaignId: "3", state: "ENABLED", name: "G", defaultBid: -1 })).toThrow(/\(adGroup 9\): defaultBid/);
    expect(() => adEntityFromAmazon("target", { campaignId: "3", adGroupId: "4", state: "ENABLED", expression: [] })).toThrow(/no targetId/);
    expect(() => adEntityFromAmazon("campaign", { campaignId: "1", state: "SOMETHING" })).toThrow(/state/);
  });

  it("labels an entity by its name, keyword, targeting expression or SKU", () => {
    const target = adEntityFromAmazon("target", { targetId: "7", adGroupId: "4", campaignId: "3", state: "ENABLED", expression: [{ type: "ASIN_SAME_AS", value: "B00TEST" }], expressionType: "MANUAL" });
    expect(entityLabel(target)).toBe('asin="B00TEST"');
    expect(entityLabel(adEntityFromAmazon("productAd", { adId: "8", adGroupId: "4", campaignId: "3", state: "ENABLED", sku: "SKU-1", asin: "B00X" }))).toBe("SKU-1");
  });
});
