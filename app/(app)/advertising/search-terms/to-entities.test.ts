import { describe, expect, it } from "vitest";
import { asKeywords, asNegatives, type TermRow } from "./to-entities";

const row = (searchTerm: string, over: Partial<TermRow> = {}): TermRow => ({
  searchTerm,
  targetId: "301",
  targetKind: "keyword",
  targetLabel: "kettle",
  matchType: "BROAD",
  expressionType: null,
  campaignId: "101",
  campaignName: "Kettles",
  targetingType: "MANUAL",
  adGroupId: "201",
  adGroupName: "Kettles",
  adGroupSynced: true,
  isKeyword: false,
  isNegative: false,
  impressions: "10",
  clicks: "1",
  spend: "0.5000",
  sales: "0",
  orders: "0",
  ctr: "10.00",
  cpc: "0.50",
  acos: null,
  roas: "0.00",
  cvr: "0.00",
  ...over,
});

describe("search terms added as keywords", () => {
  it("makes each term a keyword of its own ad group in every match type, once, and an ASIN a product target", () => {
    const rows = [row("steel kettle"), row("Steel Kettle ", { targetId: "302" }), row("steel kettle", { adGroupId: "202" }), row("b0kettle02"), row("unsynced", { adGroupSynced: false })];
    expect(asKeywords(rows, { matchTypes: ["EXACT", "PHRASE"], bid: "0.90" })).toEqual([
      {
        kind: "keyword",
        items: [
          { campaignId: "101", adGroupId: "201", keywordText: "steel kettle", matchType: "EXACT", bid: "0.90" },
          { campaignId: "101", adGroupId: "201", keywordText: "steel kettle", matchType: "PHRASE", bid: "0.90" },
          { campaignId: "101", adGroupId: "202", keywordText: "steel kettle", matchType: "EXACT", bid: "0.90" },
          { campaignId: "101", adGroupId: "202", keywordText: "steel kettle", matchType: "PHRASE", bid: "0.90" },
        ],
      },
      { kind: "target", items: [{ campaignId: "101", adGroupId: "201", expression: [{ type: "ASIN_SAME_AS", value: "B0KETTLE02" }], bid: "0.90" }] },
    ]);
    // Without a bid, the ad group's default applies.
    expect(asKeywords([row("kettle")], { matchTypes: ["EXACT"] })[0]!.items).toEqual([{ campaignId: "101", adGroupId: "201", keywordText: "kettle", matchType: "EXACT" }]);
  });
});

describe("search terms added as negatives", () => {
  it("negates a term in its ad group, or once in its campaign, and an ASIN as a negative product target", () => {
    const rows = [row("free kettle"), row("free kettle", { adGroupId: "202" }), row("B0KETTLE02")];
    expect(asNegatives(rows, { matchType: "NEGATIVE_EXACT", level: "adGroup" })).toEqual([
      {
        kind: "negativeKeyword",
        items: [
          { campaignId: "101", adGroupId: "201", keywordText: "free kettle", matchType: "NEGATIVE_EXACT" },
          { campaignId: "101", adGroupId: "202", keywordText: "free kettle", matchType: "NEGATIVE_EXACT" },
        ],
      },
      { kind: "negativeTarget", items: [{ campaignId: "101", adGroupId: "201", expression: [{ type: "ASIN_SAME_AS", value: "B0KETTLE02" }] }] },
    ]);
    expect(asNegatives(rows, { matchType: "NEGATIVE_PHRASE", level: "campaign" })).toEqual([
      { kind: "campaignNegativeKeyword", items: [{ campaignId: "101", keywordText: "free kettle", matchType: "NEGATIVE_PHRASE" }] },
      { kind: "campaignNegativeTarget", items: [{ campaignId: "101", expression: [{ type: "ASIN_SAME_AS", value: "B0KETTLE02" }] }] },
    ]);
  });
});
