import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adChanges, adEntities, adProfiles, type AdEntityKind, type AdTargetingPredicate } from "~/db/schema";
import { UserFacingError } from "~/server/accounts/errors";
import { MAX_ITEMS_PER_MUTATION, mutateAdEntities } from "~/server/amazon/ads-entity-mutations";
import { callerFor, resolveScope } from "~/server/sync/kit/scope";
import { localToday } from "~/server/sync/windows";
import { amazonFailure } from "./amazon-failure";
import { entityLabel, expressionText } from "./label";
import { readByIds } from "./listing";
import { storeListedEntities } from "./store";

/** A new entity as the seller describes it; which fields apply depends on the kind. */
export interface NewEntity {
  campaignId?: string;
  adGroupId?: string;
  state?: "ENABLED" | "PAUSED";
  name?: string;
  targetingType?: "AUTO" | "MANUAL";
  budget?: string;
  biddingStrategy?: "LEGACY_FOR_SALES" | "AUTO_FOR_SALES" | "MANUAL";
  defaultBid?: string;
  bid?: string;
  keywordText?: string;
  matchType?: string;
  expression?: AdTargetingPredicate[];
  sku?: string;
}

export interface CreateResult {
  index: number;
  label: string;
  status: "created" | "failed";
  entityId?: string;
  message?: string;
}

export const MAX_CREATIONS = 1000;

/** What each kind needs, in the seller's words when it is missing. */
const NEEDS: Record<AdEntityKind, Array<keyof NewEntity>> = {
  campaign: ["name", "targetingType", "budget"],
  adGroup: ["campaignId", "name", "defaultBid"],
  keyword: ["campaignId", "adGroupId", "keywordText", "matchType"],
  target: ["campaignId", "adGroupId", "expression"],
  productAd: ["campaignId", "adGroupId", "sku"],
  negativeKeyword: ["campaignId", "adGroupId", "keywordText", "matchType"],
  negativeTarget: ["campaignId", "adGroupId", "expression"],
  campaignNegativeKeyword: ["campaignId", "keywordText", "matchType"],
  campaignNegativeTarget: ["campaignId", "expression"],
};

const NEGATIVE = new Set<AdEntityKind>(["negativeKeyword", "negativeTarget", "campaignNegativeKeyword", "campaignNegativeTarget"]);

function amazonBody(kind: AdEntityKind, e: NewEntity, today: string): Record<string, unknown> {
  const body: Record<string, unknown> = { state: NEGATIVE.has(kind) ? "ENABLED" : (e.state ?? "ENABLED") };
  if (e.campaignId) body.campaignId = e.campaignId;
  if (e.adGroupId && kind !== "campaignNegativeKeyword" && kind !== "campaignNegativeTarget") body.adGroupId = e.adGroupId;
  switch (kind) {
    case "campaign":
      Object.assign(body, {
        name: e.name,
        targetingType: e.targetingType,
        budget: { budget: Number(e.budget), budgetType: "DAILY" },
        startDate: today,
        dynamicBidding: { strategy: e.biddingStrategy ?? "LEGACY_FOR_SALES", placementBidding: [] },
      });
      break;
    case "adGroup":
      Object.assign(body, { name: e.name, defaultBid: Number(e.defaultBid) });
      break;
    case "keyword":
    case "negativeKeyword":
    case "campaignNegativeKeyword":
      Object.assign(body, { keywordText: e.keywordText, matchType: e.matchType });
      if (kind === "keyword" && e.bid) body.bid = Number(e.bid);
      break;
    case "target":
    case "negativeTarget":
    case "campaignNegativeTarget":
      body.expression = e.expression;
      if (kind === "target") {
        body.expressionType = "MANUAL";
        if (e.bid) body.bid = Number(e.bid);
      }
      break;
    case "productAd":
      body.sku = e.sku;
      break;
  }
  return body;
}

const labelOf = (e: NewEntity) => e.name ?? e.keywordText ?? (e.expression ? expressionText(e.expression) : null) ?? e.sku ?? "new entity";

/**
 * Creates entities of one kind on Amazon at once (campaigns, ad groups, keywords with their match type,
 * product ads, negatives — in bulk, e.g. search terms added as keywords or negatives). Parents must be
 * entities of this profile. Amazon answers per item: the created ones are stored as Amazon holds them and
 * recorded as created by the member, the refused ones come back with Amazon's reason (and are recorded too).
 */
export async function createEntities(
  db: Database,
  actor: { userId: string; organizationId: string },
  adProfileId: string,
  kind: AdEntityKind,
  items: NewEntity[],
): Promise<CreateResult[]> {
  if (!items.length) throw new UserFacingError("bad_request", "Nothing to create.");
  if (items.length > MAX_CREATIONS) throw new UserFacingError("bad_request", `At most ${MAX_CREATIONS} can be created at once.`);
  for (const [i, item] of items.entries()) {
    const missing = NEEDS[kind].filter((f) => item[f] === undefined || item[f] === "");
    if (missing.length) throw new UserFacingError("bad_request", `Row ${i + 1}: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} required.`);
  }
  const resolved = await resolveScope(db, "ad_profile", actor.organizationId, adProfileId);
  if ("skipped" in resolved) throw new UserFacingError("bad_request", resolved.skipped);
  const scope = resolved.scope;
  await checkParents(db, actor.organizationId, adProfileId, items);
  const [profile] = await db.select({ timeZone: adProfiles.timeZone }).from(adProfiles).where(eq(adProfiles.id, adProfileId));
  const today = localToday(profile!.timeZone, new Date());
  const caller = { ...callerFor(db, scope), maxQuotaWaitMs: 10_000 };
  const target = { organizationId: actor.organizationId, adProfileId };

  return amazonFailure(async () => {
    const results: CreateResult[] = [];
    for (let offset = 0; offset < items.length; offset += MAX_ITEMS_PER_MUTATION) {
      const chunk = items.slice(offset, offset + MAX_ITEMS_PER_MUTATION);
      const answer = await mutateAdEntities(caller, scope.region, kind, "create", chunk.map((item) => amazonBody(kind, item, today)));
      const failed = new Map(answer.error.map((e) => [e.index, e.message]));
      const created = new Map(answer.success.filter((s) => s.id && !failed.has(s.index)).map((s) => [s.index, s.id]));
      // Stored as Amazon holds them (its defaults filled in), read back by id.
      const { rows } = created.size ? await readByIds(caller, scope.region, kind, [...created.values()]) : { rows: [] };
      const at = new Date();
      await db.transaction(async (tx) => {
        await storeListedEntities(tx, target, rows, "app-create", at, actor.userId);
        const refused = chunk.flatMap((item, i) =>
          created.has(i)
            ? []
            : [{
                organizationId: actor.organizationId, adProfileId, kind, entityId: "", entityLabel: labelOf(item), campaignId: item.campaignId ?? "",
                field: "created", before: null, after: item.state ?? "ENABLED", source: "app" as const, userId: actor.userId,
                result: "failed" as const, message: failed.get(i) ?? "Amazon did not answer for this entity.", at,
              }],
        );
        if (refused.length) await tx.insert(adChanges).values(refused);
      });
      const byId = new Map(rows.map((r) => [r.entityId, r]));
      for (const [i, item] of chunk.entries()) {
        const id = created.get(i);
        const row = id ? byId.get(id) : undefined;
        results.push(
          id
            ? { index: offset + i, label: row ? entityLabel(row) : labelOf(item), status: "created", entityId: id }
            : { index: offset + i, label: labelOf(item), status: "failed", message: failed.get(i) ?? "Amazon did not answer for this entity." },
        );
      }
    }
    return results;
  });
}

/** Every campaign and ad group named must be one of this profile's, and an ad group must be in its campaign. */
async function checkParents(db: Database, organizationId: string, adProfileId: string, items: NewEntity[]) {
  const campaigns = [...new Set(items.flatMap((i) => (i.campaignId ? [i.campaignId] : [])))];
  const adGroups = [...new Set(items.flatMap((i) => (i.adGroupId ? [i.adGroupId] : [])))];
  const known = await db
    .select({ kind: adEntities.kind, id: adEntities.entityId, campaignId: adEntities.campaignId })
    .from(adEntities)
    .where(
      and(
        eq(adEntities.organizationId, organizationId),
        eq(adEntities.adProfileId, adProfileId),
        inArray(adEntities.kind, ["campaign", "adGroup"]),
        inArray(adEntities.entityId, [...campaigns, ...adGroups, ""]),
      ),
    );
  const campaignIds = new Set(known.filter((k) => k.kind === "campaign").map((k) => k.id));
  const adGroupCampaign = new Map(known.filter((k) => k.kind === "adGroup").map((k) => [k.id, k.campaignId]));
  for (const item of items) {
    if (item.campaignId && !campaignIds.has(item.campaignId)) throw new UserFacingError("not_found", `Campaign ${item.campaignId} is not in this ad profile.`);
    if (item.adGroupId && adGroupCampaign.get(item.adGroupId) !== item.campaignId)
      throw new UserFacingError("not_found", `Ad group ${item.adGroupId} is not in campaign ${item.campaignId ?? "(none)"} of this ad profile.`);
  }
}
