import { describe, expect, it } from "vitest";
import { launchCampaign, type LaunchPlan } from "./campaign-launch";
import { keywordItems, keywordProblem, lines, negativeKeywordItems, type CreateFn } from "./model";

/** A fake Amazon: numbered ids for what it accepts, and refusals for the names `refuse` lists. */
function amazon(refuse: { kinds?: string[]; labels?: string[]; throws?: string } = {}) {
  const calls: Array<{ kind: string; items: unknown[] }> = [];
  let next = 100;
  const create: CreateFn = async (kind, items) => {
    calls.push({ kind, items });
    if (refuse.throws && refuse.kinds?.includes(kind)) throw new Error(refuse.throws);
    return items.map((item, index) => {
      const label = item.name ?? item.keywordText ?? item.sku ?? "?";
      return refuse.kinds?.includes(kind) || refuse.labels?.includes(label)
        ? { index, label, status: "failed" as const, message: `Amazon refused ${label}` }
        : { index, label, status: "created" as const, entityId: String((next += 1)) };
    });
  };
  return { create, calls };
}

const plan: LaunchPlan = {
  campaign: { name: "Kettles launch", targetingType: "MANUAL", budget: "20", biddingStrategy: "LEGACY_FOR_SALES" },
  adGroup: { name: "Kettles", defaultBid: "0.75", skus: ["KET-1", "KET-2"], keywords: ["steel kettle"], matchTypes: ["EXACT", "PHRASE"], keywordBid: "1.10" },
};

describe("a campaign launched with its first ad group", () => {
  it("creates campaign, ad group, product ads and keywords in turn, each with its parents' new ids", async () => {
    const fake = amazon();
    const progress: number[] = [];
    const steps = await launchCampaign(plan, fake.create, (s) => progress.push(s.length));
    expect(fake.calls.map((c) => c.kind)).toEqual(["campaign", "adGroup", "productAd", "keyword"]);
    expect(fake.calls[1]!.items).toEqual([{ campaignId: "101", name: "Kettles", defaultBid: "0.75" }]);
    expect(fake.calls[2]!.items).toEqual([
      { campaignId: "101", adGroupId: "102", sku: "KET-1" },
      { campaignId: "101", adGroupId: "102", sku: "KET-2" },
    ]);
    expect(fake.calls[3]!.items).toEqual([
      { campaignId: "101", adGroupId: "102", keywordText: "steel kettle", matchType: "EXACT", bid: "1.10" },
      { campaignId: "101", adGroupId: "102", keywordText: "steel kettle", matchType: "PHRASE", bid: "1.10" },
    ]);
    expect(steps.map((s) => [s.step, s.results.map((r) => r.status)])).toEqual([
      ["campaign", ["created"]],
      ["adGroup", ["created"]],
      ["productAds", ["created", "created"]],
      ["keywords", ["created", "created"]],
    ]);
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it("stops what needs a step that failed, and shows each row's failure otherwise", async () => {
    const noCampaign = await launchCampaign(plan, amazon({ kinds: ["campaign"] }).create);
    expect(noCampaign.map((s) => [s.step, s.skipped ?? s.results[0]?.message])).toEqual([
      ["campaign", "Amazon refused Kettles launch"],
      ["adGroup", "Not created: the campaign was not created."],
      ["productAds", "Not created: the campaign was not created."],
      ["keywords", "Not created: the campaign was not created."],
    ]);
    const refused = amazon({ kinds: ["adGroup"], throws: "You may not edit advertising." });
    const noGroup = await launchCampaign(plan, refused.create);
    expect(refused.calls.map((c) => c.kind)).toEqual(["campaign", "adGroup"]);
    expect(noGroup.map((s) => s.skipped ?? s.results[0]?.message ?? s.results[0]?.status)).toEqual([
      "created",
      "You may not edit advertising.",
      "Not created: the ad group was not created.",
      "Not created: the ad group was not created.",
    ]);
    const oneSku = await launchCampaign(plan, amazon({ labels: ["KET-2"] }).create);
    expect(oneSku[2]!.results.map((r) => r.message ?? r.status)).toEqual(["created", "Amazon refused KET-2"]);
    expect(oneSku[3]!.results.map((r) => r.status)).toEqual(["created", "created"]);
  });

  it("creates no keywords in an automatic campaign, and only the campaign without an ad group", async () => {
    const auto = amazon();
    await launchCampaign({ ...plan, campaign: { ...plan.campaign, targetingType: "AUTO" } }, auto.create);
    expect(auto.calls.map((c) => c.kind)).toEqual(["campaign", "adGroup", "productAd"]);
    const alone = amazon();
    expect((await launchCampaign({ campaign: plan.campaign }, alone.create)).map((s) => s.step)).toEqual(["campaign"]);
  });
});

describe("keywords as the seller types them", () => {
  it("reads one per line, trimmed, each once whatever its letters", () => {
    expect(lines(" steel kettle \n\nSteel  Kettle\r\nkettle 2l\n")).toEqual(["steel kettle", "kettle 2l"]);
    expect(keywordProblem([])).toMatch(/at least one/);
    expect(keywordProblem(["a ".repeat(11).trim()])).toMatch(/longer than Amazon allows/);
    expect(keywordProblem(["steel kettle"])).toBeNull();
  });

  it("makes one keyword per match type, and negatives of the ad group or the campaign", () => {
    expect(keywordItems({ campaignId: "1", adGroupId: "2" }, ["a", "b"], ["EXACT", "BROAD"])).toHaveLength(4);
    expect(negativeKeywordItems("campaign", { campaignId: "1", adGroupId: "2" }, ["free"], ["NEGATIVE_EXACT"])).toEqual({
      kind: "campaignNegativeKeyword",
      items: [{ campaignId: "1", keywordText: "free", matchType: "NEGATIVE_EXACT" }],
    });
    expect(negativeKeywordItems("adGroup", { campaignId: "1", adGroupId: "2" }, ["free"], ["NEGATIVE_PHRASE"]).items).toEqual([
      { campaignId: "1", adGroupId: "2", keywordText: "free", matchType: "NEGATIVE_PHRASE" },
    ]);
  });
});
