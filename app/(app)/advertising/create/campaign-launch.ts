import { parseAmount } from "../edits/model";
import { createOrFail, itemLabel, keywordItems, keywordProblem, lines, MAX_ITEMS, productAdItems, skuProblem, type CreateFn, type CreateResult, type KeywordMatchType, type NewEntity } from "./model";

/** A new campaign as the form describes it, optionally with its first ad group, products and keywords. */
export interface LaunchPlan {
  campaign: { name: string; targetingType: "AUTO" | "MANUAL"; budget: string; biddingStrategy: "LEGACY_FOR_SALES" | "AUTO_FOR_SALES" | "MANUAL" };
  adGroup?: { name: string; defaultBid: string; skus: string[]; keywords: string[]; matchTypes: KeywordMatchType[]; keywordBid?: string };
}

export type StepKey = "campaign" | "adGroup" | "productAds" | "keywords";

export interface LaunchStep {
  step: StepKey;
  items: NewEntity[];
  results: CreateResult[];
  /** Why the step did not run: its parent was not created. */
  skipped?: string;
}

/**
 * Creates the campaign, then its ad group, then the product ads and the keywords, each step with the ids
 * the one before got from Amazon. A step that fails stops the steps that need it (no ad group without its
 * campaign); the product ads' and keywords' failures are per row and stop nothing. `onProgress` hears every
 * finished step, so the form shows them as they come.
 */
export async function launchCampaign(plan: LaunchPlan, create: CreateFn, onProgress: (steps: LaunchStep[]) => void = () => {}): Promise<LaunchStep[]> {
  const steps: LaunchStep[] = [];
  const record = (step: LaunchStep) => {
    steps.push(step);
    onProgress([...steps]);
  };
  const run = async (step: StepKey, kind: Parameters<CreateFn>[0], items: NewEntity[]) => {
    const results = await createOrFail(create, kind, items, itemLabel);
    record({ step, items, results });
    return results;
  };
  const later = (step: StepKey, why: string, items: NewEntity[] = []) => record({ step, items, results: [], skipped: why });

  const [campaign] = await run("campaign", "campaign", [plan.campaign]);
  const group = plan.adGroup;
  const wanted = (step: StepKey) => Boolean(group && (step === "adGroup" || (step === "productAds" ? group.skus.length : group.keywords.length)));
  if (!campaign?.entityId) {
    for (const step of ["adGroup", "productAds", "keywords"] as const) if (wanted(step)) later(step, "Not created: the campaign was not created.");
    return steps;
  }
  if (!group) return steps;
  const campaignId = campaign.entityId;
  const [adGroup] = await run("adGroup", "adGroup", [{ campaignId, name: group.name, defaultBid: group.defaultBid }]);
  if (!adGroup?.entityId) {
    for (const step of ["productAds", "keywords"] as const) if (wanted(step)) later(step, "Not created: the ad group was not created.");
    return steps;
  }
  const parent = { campaignId, adGroupId: adGroup.entityId };
  if (group.skus.length) await run("productAds", "productAd", productAdItems(parent, group.skus));
  // An automatic campaign targets by itself: Amazon takes no keywords in it.
  if (group.keywords.length && plan.campaign.targetingType === "MANUAL") await run("keywords", "keyword", keywordItems(parent, group.keywords, group.matchTypes, group.keywordBid));
  return steps;
}

/** The new-campaign form's fields as typed. */
export interface LaunchForm {
  name: string;
  targetingType: "AUTO" | "MANUAL";
  budget: string;
  biddingStrategy: LaunchPlan["campaign"]["biddingStrategy"];
  withAdGroup: boolean;
  adGroupName: string;
  defaultBid: string;
  skus: string;
  keywords: string;
  matchTypes: KeywordMatchType[];
  keywordBid: string;
}

/** The plan of a filled-in form, or what the seller must correct first (nothing is sent until it is whole). */
export function planOf(form: LaunchForm): LaunchPlan | { error: string } {
  const name = form.name.trim();
  if (!name) return { error: "Name the campaign." };
  const budget = parseAmount(form.budget);
  if ("error" in budget) return { error: `Daily budget: ${budget.error}` };
  const campaign = { name, targetingType: form.targetingType, budget: budget.amount, biddingStrategy: form.biddingStrategy };
  if (!form.withAdGroup) return { campaign };
  const adGroupName = form.adGroupName.trim();
  if (!adGroupName) return { error: "Name the ad group." };
  const defaultBid = parseAmount(form.defaultBid);
  if ("error" in defaultBid) return { error: `Default bid: ${defaultBid.error}` };
  const skus = lines(form.skus);
  const skuError = skus.length ? skuProblem(skus) : null;
  if (skuError) return { error: skuError };
  const keywords = form.targetingType === "MANUAL" ? lines(form.keywords) : [];
  if (keywords.length) {
    const problem = keywordProblem(keywords);
    if (problem) return { error: problem };
    if (!form.matchTypes.length) return { error: "Tick at least one match type for the keywords." };
    if (keywords.length * form.matchTypes.length > MAX_ITEMS) return { error: `At most ${MAX_ITEMS} keywords at once (keywords × match types).` };
  }
  let keywordBid: string | undefined;
  if (form.keywordBid.trim()) {
    const bid = parseAmount(form.keywordBid);
    if ("error" in bid) return { error: `Keyword bid: ${bid.error}` };
    keywordBid = bid.amount;
  }
  return { campaign, adGroup: { name: adGroupName, defaultBid: defaultBid.amount, skus, keywords, matchTypes: form.matchTypes, keywordBid } };
}
