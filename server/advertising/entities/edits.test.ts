import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adChanges, adEntities, adProfiles, AD_ENTITY_KINDS, type AdEntityKind } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import type { RunningSandbox } from "~/sandbox";
import { completeAdsAuthorization, connectAdProfiles, startAdsAuthorization } from "~/server/amazon/authorization/ads";
import { callerFor, resolveScope } from "~/server/sync/kit/scope";
import { consentOnAmazon, startTestAmazon } from "~/test/amazon-sandbox";
import { createMemberOf } from "~/test/factories";
import { decimal } from "~/test/sync-world";
import { createEntities } from "./create";
import { applyEntityEdits } from "./edits";
import { listAndStorePage } from "./listing";

/*
 * Edits and creations pushed from the app to the sandbox Amazon at once: what Amazon accepts is stored as
 * Amazon holds it and written to the history as the member's; what it refuses comes back per entity with
 * its reason; a value changed in Seller Central since the seller loaded it is a conflict, not overwritten.
 */

let t: TestDatabase;
let amazon: RunningSandbox;
let actor: { userId: string; organizationId: string; role: "owner" };
let adProfileId: string;
let amazonProfileId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  amazon = await startTestAmazon({ volume: "tiny", timeScale: 0 });
  amazon.sandbox.quotas.adsLimit.burst = 1000;
  const m = await createMemberOf(t.db, "owner");
  actor = { userId: m.user.id, organizationId: m.organizationId, role: "owner" };
  const deps = { db: t.db, publish: async () => {} };
  const seller = amazon.sandbox.world.sellers[0]!;
  await completeAdsAuthorization(deps, m.user.id, await consentOnAmazon((await startAdsAuthorization(t.db, actor, "na")).url, seller.sellerId, "allow"));
  const profiles = await t.db.select().from(adProfiles).where(eq(adProfiles.organizationId, m.organizationId));
  await connectAdProfiles(deps, actor, profiles.map((p) => p.id));
  const us = profiles.find((p) => p.marketplaceId === "ATVPDKIKX0DER")!;
  adProfileId = us.id;
  amazonProfileId = us.profileId;
  // The account as the settings task's first listing stores it.
  const resolved = await resolveScope(t.db, "ad_profile", m.organizationId, adProfileId);
  if (!("scope" in resolved)) throw new Error(resolved.skipped);
  for (const kind of AD_ENTITY_KINDS) {
    let token: string | null = null;
    do token = (await listAndStorePage(callerFor(t.db, resolved.scope), { ...actor, adProfileId, region: resolved.scope.region }, kind, "authorization", token)).nextToken;
    while (token);
  }
}, 120_000);
afterAll(async () => {
  await amazon?.close();
  await t?.drop();
});

const stored = async (kind: AdEntityKind) =>
  t.db.select().from(adEntities).where(and(eq(adEntities.adProfileId, adProfileId), eq(adEntities.kind, kind), eq(adEntities.state, "ENABLED"))).orderBy(asc(adEntities.entityId));
const entity = async (kind: AdEntityKind, id: string) =>
  (await t.db.select().from(adEntities).where(and(eq(adEntities.adProfileId, adProfileId), eq(adEntities.kind, kind), eq(adEntities.entityId, id))))[0]!;
async function onAmazon(plural: string, id: string, idField: string) {
  const all = (await (await fetch(`${amazon.origin}/__sandbox/truth/ads/entities?profileId=${amazonProfileId}`)).json()) as Record<string, Array<Record<string, unknown>>>;
  return all[plural]!.find((e) => String(e[idField]) === id)!;
}
const historyOf = (id: string) => t.db.select().from(adChanges).where(and(eq(adChanges.adProfileId, adProfileId), eq(adChanges.entityId, id))).orderBy(asc(adChanges.at), asc(adChanges.field));

describe("edits pushed to Amazon", () => {
  it("sets a budget, raises bids by a percentage in bulk, pauses an ad group: on Amazon at once, stored, in the history as the member's", async () => {
    const [campaign] = await stored("campaign");
    const keywords = (await stored("keyword")).filter((k) => k.bid !== null).slice(0, 3);
    const [adGroup] = await stored("adGroup");
    const results = await applyEntityEdits(t.db, actor, adProfileId, [
      { kind: "campaign", entityId: campaign!.entityId, budget: { set: "41.25" }, placementTop: 120, loaded: { budget: campaign!.budget } },
      ...keywords.map((k) => ({ kind: "keyword" as const, entityId: k.entityId, bid: { percent: 10 } })),
      { kind: "adGroup", entityId: adGroup!.entityId, state: "PAUSED" },
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(5).fill("applied"));

    const onAmazonCampaign = await onAmazon("campaigns", campaign!.entityId, "campaignId");
    expect((onAmazonCampaign.budget as { budget: number }).budget).toBe(41.25);
    expect((onAmazonCampaign.dynamicBidding as { placementBidding: unknown[] }).placementBidding).toContainEqual({ placement: "PLACEMENT_TOP", percentage: 120 });
    expect(decimal((await entity("campaign", campaign!.entityId)).budget!)).toBe("41.25");
    expect((await entity("campaign", campaign!.entityId)).placementTop).toBe(120);
    for (const k of keywords) {
      // +10%, rounded half up to the cent, computed exactly.
      const expected = (Math.round(Number(k.bid) * 110) / 100).toFixed(2);
      expect(decimal((await entity("keyword", k.entityId)).bid!)).toBe(decimal(expected));
      expect(String((await onAmazon("keywords", k.entityId, "keywordId")).bid)).toBe(decimal(expected));
    }
    expect((await entity("adGroup", adGroup!.entityId)).state).toBe("PAUSED");
    const history = await historyOf(campaign!.entityId);
    expect(history.map((h) => [h.field, h.source, h.result, h.userId])).toEqual([
      ["budget", "app", "applied", actor.userId],
      ["placementTop", "app", "applied", actor.userId],
    ]);
    expect(decimal(history[0]!.after!)).toBe("41.25");
  }, 60_000);

  it("stops at a value changed in Seller Central since it was loaded, tells old, yours and Amazon's, and overwrites only when asked", async () => {
    const [, campaign] = await stored("campaign");
    const loaded = campaign!.budget!;
    await fetch(`${amazon.origin}/__sandbox/ads/console`, { method: "POST", body: JSON.stringify({ profileId: amazonProfileId, action: "setBudget", id: campaign!.entityId, budget: 66 }) });
    const [conflict] = await applyEntityEdits(t.db, actor, adProfileId, [{ kind: "campaign", entityId: campaign!.entityId, budget: { set: "55" }, loaded: { budget: loaded } }]);
    expect(conflict).toMatchObject({ status: "conflict", conflicts: [{ field: "budget", loaded, yours: "55", amazon: "66" }] });
    // Not pushed; the change made in Seller Central is stored and in the history as such.
    expect((await onAmazon("campaigns", campaign!.entityId, "campaignId")).budget).toMatchObject({ budget: 66 });
    expect((await historyOf(campaign!.entityId)).map((h) => [h.field, h.source, h.after && decimal(h.after)])).toEqual([["budget", "seller_central", "66"]]);

    const [overwritten] = await applyEntityEdits(t.db, actor, adProfileId, [{ kind: "campaign", entityId: campaign!.entityId, budget: { set: "55" }, loaded: { budget: loaded } }], { overwrite: true });
    expect(overwritten!.status).toBe("applied");
    expect((await onAmazon("campaigns", campaign!.entityId, "campaignId")).budget).toMatchObject({ budget: 55 });
  }, 60_000);

  it("keeps Amazon's answer per entity: one refused, the other applied; archiving uses Amazon's own operation", async () => {
    const [first, second] = (await stored("keyword")).slice(-2);
    // Archived in Seller Central after the seller loaded the page: Amazon refuses a bid on it.
    await fetch(`${amazon.origin}/__sandbox/ads/console`, { method: "POST", body: JSON.stringify({ profileId: amazonProfileId, action: "setState", kind: "keyword", id: first!.entityId, state: "ARCHIVED" }) });
    const results = await applyEntityEdits(t.db, actor, adProfileId, [
      { kind: "keyword", entityId: first!.entityId, bid: { set: "0.5" } },
      { kind: "keyword", entityId: second!.entityId, state: "ARCHIVED" },
    ]);
    expect(results.find((r) => r.entityId === first!.entityId)).toMatchObject({ status: "failed", message: expect.stringMatching(/not found/i) });
    expect(results.find((r) => r.entityId === second!.entityId)).toMatchObject({ status: "applied" });
    expect((await entity("keyword", second!.entityId)).state).toBe("ARCHIVED");
    expect((await onAmazon("keywords", second!.entityId, "keywordId")).state).toBe("ARCHIVED");
    expect((await historyOf(first!.entityId)).map((h) => [h.field, h.source, h.result])).toEqual([
      ["state", "seller_central", "detected"],
      ["bid", "app", "failed"],
    ]);
  }, 60_000);

  it("creates keywords and negatives in bulk, reports Amazon's refusals per row, and refuses parents of another profile", async () => {
    const [adGroup] = await stored("adGroup");
    const results = await createEntities(t.db, actor, adProfileId, "keyword", [
      { campaignId: adGroup!.campaignId, adGroupId: adGroup!.entityId, keywordText: "walnut desk organizer", matchType: "EXACT", bid: "0.64" },
      { campaignId: adGroup!.campaignId, adGroupId: adGroup!.entityId, keywordText: "walnut desk tray", matchType: "NEGATIVE_EXACT" },
    ]);
    expect(results[0]).toMatchObject({ status: "created", label: "walnut desk organizer" });
    expect(results[1]).toMatchObject({ status: "failed", message: expect.stringMatching(/matchType/) });
    const created = await entity("keyword", results[0]!.entityId!);
    expect(created).toMatchObject({ keywordText: "walnut desk organizer", matchType: "EXACT", seenBy: "app" });
    expect(decimal(created.bid!)).toBe("0.64");
    expect((await historyOf(results[0]!.entityId!)).map((h) => [h.field, h.source, h.result, h.userId])).toEqual([["created", "app", "applied", actor.userId]]);

    const [negative] = await createEntities(t.db, actor, adProfileId, "campaignNegativeKeyword", [{ campaignId: adGroup!.campaignId, keywordText: "cheap", matchType: "NEGATIVE_PHRASE" }]);
    expect(negative).toMatchObject({ status: "created" });
    expect(await entity("campaignNegativeKeyword", negative!.entityId!)).toMatchObject({ keywordText: "cheap", adGroupId: null });

    const stranger = await createMemberOf(t.db, "owner");
    await expect(createEntities(t.db, { userId: stranger.user.id, organizationId: stranger.organizationId }, adProfileId, "keyword", [{ campaignId: adGroup!.campaignId, adGroupId: adGroup!.entityId, keywordText: "x", matchType: "EXACT" }])).rejects.toThrow(/not connected/);
    await expect(createEntities(t.db, actor, adProfileId, "keyword", [{ campaignId: adGroup!.campaignId, adGroupId: "123", keywordText: "x", matchType: "EXACT" }])).rejects.toThrow(/not in campaign/);
    await expect(applyEntityEdits(t.db, actor, adProfileId, [{ kind: "productAd", entityId: "1", bid: { set: "1" } }])).rejects.toThrow(/has no bid/);
  }, 60_000);
});
