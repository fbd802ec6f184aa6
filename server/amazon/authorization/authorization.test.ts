import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { adCampaignDaily, adProfiles, amazonGrants, memberships, orders, storeMarketplaces, stores } from "~/db/schema";
import type { RunningSandbox } from "~/sandbox";
import { consentOnAmazon, startTestAmazon } from "~/test/amazon-sandbox";
import { createMemberOf } from "~/test/factories";
import type { AuthorizationEvent } from "../publish";
import { connectAdProfiles, completeAdsAuthorization, startAdsAuthorization } from "./ads";
import { disconnectAdProfile, disconnectStore } from "./disconnect";
import { STATE_LIFETIME_MS } from "./state";
import { completeStoreAuthorization, startStoreAuthorization } from "./store";

let t: TestDatabase;
let amazon: RunningSandbox;
const events: AuthorizationEvent[] = [];
const publish = async (e: AuthorizationEvent) => void events.push(e);
let sellers: { sellerId: string; name: string }[];

beforeAll(async () => {
  t = await createTestDatabase();
  amazon = await startTestAmazon();
  // These tests authorize the same sellers many times within a minute: far beyond Amazon's bucket for
  // getMarketplaceParticipations (15, then one a minute), which a seller's real authorizations never reach.
  for (const limit of Object.values(amazon.sandbox.quotas.spLimits)) limit.burst = 1000;
  sellers = amazon.sandbox.world.sellers;
});
afterAll(async () => {
  await amazon.close();
  await t.drop();
});

async function admin() {
  const m = await createMemberOf(t.db, "owner");
  return { ...m, actor: { userId: m.user.id, organizationId: m.organizationId, role: "owner" as const } };
}

async function storeCallback(member: Awaited<ReturnType<typeof admin>>, sellerIndex: number, action: "confirm" | "cancel" = "confirm") {
  const { url } = await startStoreAuthorization(t.db, member.actor, "na");
  return consentOnAmazon(url, sellers[sellerIndex]!.sellerId, action);
}

async function countFor(organizationId: string) {
  const [s, g] = await Promise.all([
    t.db.select().from(stores).where(eq(stores.organizationId, organizationId)),
    t.db.select().from(amazonGrants).where(eq(amazonGrants.organizationId, organizationId)),
  ]);
  return { stores: s.length, grants: g.length };
}

describe("store authorization", () => {
  it("stores the store, its marketplaces and an encrypted grant, and announces it", async () => {
    const m = await admin();
    const query = await storeCallback(m, 1);
    expect(query.get("selling_partner_id")).toBe(sellers[1]!.sellerId);
    const result = await completeStoreAuthorization({ db: t.db, publish }, m.user.id, query);

    const marketplaces = await t.db.select().from(storeMarketplaces).where(eq(storeMarketplaces.storeId, result.storeId));
    expect(marketplaces.map((x) => x.marketplaceId).sort()).toEqual(
      ["A13V1IB3VIYZZH", "A1F83G8C2ARO7P", "A1PA6795UKMFR9", "A1RKKUPIHCS9HS", "APJ6JRA9NG5V4"],
    );
    expect(marketplaces.find((x) => x.marketplaceId === "A1PA6795UKMFR9")?.timeZone).toBe("Europe/Paris");
    const [grant] = await t.db.select().from(amazonGrants).where(eq(amazonGrants.organizationId, m.organizationId));
    expect(grant!.refreshTokenEncrypted).toMatch(/^v1\./);
    expect(grant!.refreshTokenEncrypted).not.toContain("Atzr");
    expect(events.at(-1)).toEqual({
      name: "amazon/store.authorized",
      data: { organizationId: m.organizationId, storeId: result.storeId, sellerId: sellers[1]!.sellerId, marketplaceIds: expect.any(Array) },
    });
    await disconnectStore({ db: t.db, publish }, m.actor, { storeId: result.storeId, keepData: false });
    expect(await countFor(m.organizationId)).toEqual({ stores: 0, grants: 0 });
  });

  it("refuses a tampered state and stores nothing", async () => {
    const m = await admin();
    const query = await storeCallback(m, 2);
    query.set("state", `${query.get("state")}x`);
    await expect(completeStoreAuthorization({ db: t.db, publish }, m.user.id, query)).rejects.toMatchObject({ reason: "state_invalid" });
    query.delete("state");
    await expect(completeStoreAuthorization({ db: t.db, publish }, m.user.id, query)).rejects.toMatchObject({ reason: "state_invalid" });
    expect(await countFor(m.organizationId)).toEqual({ stores: 0, grants: 0 });
  });

  it("refuses a callback whose selling_partner_id was edited, and leaves the real owner's store alone", async () => {
    // Seller 2's real owner connects first.
    const owner = await admin();
    const owned = await completeStoreAuthorization({ db: t.db, publish }, owner.user.id, await storeCallback(owner, 2));
    const [before] = await t.db.select().from(stores).where(eq(stores.id, owned.storeId));

    // An attacker grants their own seller (0) but names seller 2 in the callback.
    const attacker = await admin();
    const query = await storeCallback(attacker, 0);
    query.set("selling_partner_id", sellers[2]!.sellerId);
    await expect(completeStoreAuthorization({ db: t.db, publish }, attacker.user.id, query)).rejects.toMatchObject({
      reason: "seller_mismatch",
    });
    expect(await countFor(attacker.organizationId)).toEqual({ stores: 0, grants: 0 });
    const [after] = await t.db.select().from(stores).where(eq(stores.id, owned.storeId));
    expect(after).toEqual(before);

    // …and naming a seller nobody connected is refused just the same.
    const again = await storeCallback(attacker, 0);
    again.set("selling_partner_id", "A0NOTTHESELLER");
    await expect(completeStoreAuthorization({ db: t.db, publish }, attacker.user.id, again)).rejects.toMatchObject({
      reason: "seller_mismatch",
    });
    await disconnectStore({ db: t.db, publish }, owner.actor, { storeId: owned.storeId, keepData: false });
  });

  it("refuses an expired state", async () => {
    const m = await admin();
    const query = await storeCallback(m, 2);
    const later = () => new Date(Date.now() + STATE_LIFETIME_MS + 1000);
    await expect(completeStoreAuthorization({ db: t.db, publish, now: later }, m.user.id, query)).rejects.toMatchObject({
      reason: "state_expired",
    });
    expect(await countFor(m.organizationId)).toEqual({ stores: 0, grants: 0 });
  });

  it("refuses a replayed callback", async () => {
    const m = await admin();
    const query = await storeCallback(m, 2);
    const first = await completeStoreAuthorization({ db: t.db, publish }, m.user.id, query);
    await expect(completeStoreAuthorization({ db: t.db, publish }, m.user.id, query)).rejects.toMatchObject({ reason: "state_used" });
    expect(await countFor(m.organizationId)).toEqual({ stores: 1, grants: 1 });
    await disconnectStore({ db: t.db, publish }, m.actor, { storeId: first.storeId, keepData: false });
  });

  it("refuses a callback with missing parameters, and a state started by another user", async () => {
    const m = await admin();
    const query = await storeCallback(m, 2);
    query.delete("spapi_oauth_code");
    await expect(completeStoreAuthorization({ db: t.db, publish }, m.user.id, query)).rejects.toMatchObject({
      reason: "missing_parameters",
    });
    const other = await admin();
    const stolen = await storeCallback(m, 2);
    await expect(completeStoreAuthorization({ db: t.db, publish }, other.user.id, stolen)).rejects.toMatchObject({
      reason: "wrong_user",
    });
    expect(await countFor(m.organizationId)).toEqual({ stores: 0, grants: 0 });
    expect(await countFor(other.organizationId)).toEqual({ stores: 0, grants: 0 });
  });

  it("explains Amazon's access_denied, and a reused authorization code", async () => {
    const m = await admin();
    const cancelled = await storeCallback(m, 2, "cancel");
    expect(cancelled.get("error")).toBe("access_denied");
    await expect(completeStoreAuthorization({ db: t.db, publish }, m.user.id, cancelled)).rejects.toMatchObject({
      reason: "access_denied",
    });
    const ok = await storeCallback(m, 2);
    const { storeId } = await completeStoreAuthorization({ db: t.db, publish }, m.user.id, ok);
    // The same Amazon code under a fresh state: LWA refuses a code it has already redeemed.
    const again = await storeCallback(m, 2);
    again.set("spapi_oauth_code", ok.get("spapi_oauth_code")!);
    await expect(completeStoreAuthorization({ db: t.db, publish }, m.user.id, again)).rejects.toMatchObject({
      reason: "amazon_refused",
    });
    await disconnectStore({ db: t.db, publish }, m.actor, { storeId, keepData: false });
  });

  it("refuses a seller account connected to another organization", async () => {
    const first = await admin();
    const second = await admin();
    const { storeId } = await completeStoreAuthorization({ db: t.db, publish }, first.user.id, await storeCallback(first, 2));
    await expect(
      completeStoreAuthorization({ db: t.db, publish }, second.user.id, await storeCallback(second, 2)),
    ).rejects.toMatchObject({ reason: "already_connected" });
    expect(await countFor(second.organizationId)).toEqual({ stores: 0, grants: 0 });
    await disconnectStore({ db: t.db, publish }, first.actor, { storeId, keepData: false });
  });

  it("takeover: a store one organization disconnected keeping its data is another's to connect; the data stays apart", async () => {
    const a = await admin();
    const b = await admin();
    const first = await completeStoreAuthorization({ db: t.db, publish }, a.user.id, await storeCallback(a, 2));
    const [marketplaceA] = await t.db.select().from(storeMarketplaces).where(eq(storeMarketplaces.storeId, first.storeId)).limit(1);
    await t.db.insert(orders).values({
      organizationId: a.organizationId,
      storeMarketplaceId: marketplaceA!.id,
      amazonOrderId: "111-KEPT-BY-A",
      purchaseDate: new Date("2026-01-01T10:00:00Z"),
      purchaseDay: "2026-01-01",
      lastUpdateDate: new Date("2026-01-01T10:00:00Z"),
      status: "Shipped",
      syncedAt: new Date(),
    });
    await disconnectStore({ db: t.db, publish }, a.actor, { storeId: first.storeId, keepData: true });

    // B authorizes the same seller: a store of its own, A's kept store and orders untouched and still A's.
    const second = await completeStoreAuthorization({ db: t.db, publish }, b.user.id, await storeCallback(b, 2));
    expect(second.storeId).not.toBe(first.storeId);
    expect(second.reauthorized).toBe(false);
    const [kept] = await t.db.select().from(stores).where(eq(stores.id, first.storeId));
    expect(kept).toMatchObject({ organizationId: a.organizationId, grantId: null });
    const marketplacesB = await t.db.select().from(storeMarketplaces).where(eq(storeMarketplaces.storeId, second.storeId));
    expect(marketplacesB.length).toBeGreaterThan(0);
    expect(marketplacesB.every((m) => m.organizationId === b.organizationId && m.id !== marketplaceA!.id)).toBe(true);
    expect(await t.db.select().from(orders).where(eq(orders.organizationId, b.organizationId))).toEqual([]);
    const [order] = await t.db.select().from(orders).where(eq(orders.amazonOrderId, "111-KEPT-BY-A"));
    expect(order).toMatchObject({ organizationId: a.organizationId, storeMarketplaceId: marketplaceA!.id });
    expect(events.at(-1)).toMatchObject({ name: "amazon/store.authorized", data: { organizationId: b.organizationId, storeId: second.storeId } });

    // While B holds it, A cannot take it back.
    await expect(completeStoreAuthorization({ db: t.db, publish }, a.user.id, await storeCallback(a, 2))).rejects.toMatchObject({
      reason: "already_connected",
    });
    await disconnectStore({ db: t.db, publish }, b.actor, { storeId: second.storeId, keepData: false });
    // Once B lets go, A reconnects its own kept store (the same row, with its data).
    const back = await completeStoreAuthorization({ db: t.db, publish }, a.user.id, await storeCallback(a, 2));
    expect(back).toMatchObject({ storeId: first.storeId, reauthorized: true });
    await disconnectStore({ db: t.db, publish }, a.actor, { storeId: first.storeId, keepData: false });
  });

  it("refuses a member who lost the right to authorize before coming back", async () => {
    const m = await admin();
    const query = await storeCallback(m, 2);
    // Another owner demotes them while they are on Amazon's page.
    await createMemberOf(t.db, "owner", m.organizationId);
    await t.db
      .update(memberships)
      .set({ role: "operator" })
      .where(and(eq(memberships.userId, m.user.id), eq(memberships.organizationId, m.organizationId)));
    await expect(completeStoreAuthorization({ db: t.db, publish }, m.user.id, query)).rejects.toMatchObject({ reason: "forbidden" });
    expect(await countFor(m.organizationId)).toEqual({ stores: 0, grants: 0 });
  });
});

describe("ads authorization", () => {
  it("records the profiles, links them to store marketplaces, and connects the chosen ones", async () => {
    const m = await admin();
    await completeStoreAuthorization({ db: t.db, publish }, m.user.id, await storeCallback(m, 0));
    const { url } = await startAdsAuthorization(t.db, m.actor, "na");
    const query = await consentOnAmazon(url, sellers[0]!.sellerId, "allow");
    const outcome = await completeAdsAuthorization({ db: t.db, publish }, m.user.id, query);
    expect(outcome.profileCount).toBeGreaterThan(0);

    const profiles = await t.db.select().from(adProfiles).where(eq(adProfiles.organizationId, m.organizationId));
    expect(profiles.every((p) => !p.connected && p.storeMarketplaceId)).toBe(true);
    expect(profiles.find((p) => p.marketplaceId === "ATVPDKIKX0DER")?.timeZone).toBe("America/Los_Angeles");

    await connectAdProfiles({ db: t.db, publish }, m.actor, profiles.map((p) => p.id));
    expect(events.at(-1)).toMatchObject({ name: "amazon/ads.authorized", data: { organizationId: m.organizationId } });

    // Re-authorizing keeps the chosen profiles connected and resumes them.
    const again = await consentOnAmazon((await startAdsAuthorization(t.db, m.actor, "na")).url, sellers[0]!.sellerId, "allow");
    const second = await completeAdsAuthorization({ db: t.db, publish }, m.user.id, again);
    expect(second.resumed).toHaveLength(profiles.length);
    const grants = await t.db
      .select()
      .from(amazonGrants)
      .where(and(eq(amazonGrants.organizationId, m.organizationId), eq(amazonGrants.kind, "ads")));
    expect(grants).toHaveLength(1);
  });

  it("takeover: an ad profile one organization disconnected keeping its data is another's to sync; the data stays apart", async () => {
    const a = await admin();
    const b = await admin();
    const adsLogin = async (m: Awaited<ReturnType<typeof admin>>) =>
      completeAdsAuthorization({ db: t.db, publish }, m.user.id, await consentOnAmazon((await startAdsAuthorization(t.db, m.actor, "na")).url, sellers[1]!.sellerId, "allow"));
    await adsLogin(a);
    const [profileA] = await t.db.select().from(adProfiles).where(eq(adProfiles.organizationId, a.organizationId)).limit(1);
    await connectAdProfiles({ db: t.db, publish }, a.actor, [profileA!.id]);
    await t.db.insert(adCampaignDaily).values({
      organizationId: a.organizationId,
      adProfileId: profileA!.id,
      day: "2026-01-01",
      campaignId: "1",
      campaignName: "A's campaign",
      campaignStatus: "ENABLED",
      impressions: 10,
      clicks: 1,
      cost: "1.00",
      sales7d: "0",
      purchases7d: 0,
      unitsSold7d: 0,
      sales14d: "0",
      purchases14d: 0,
      refreshedAt: new Date(),
    });

    // While A syncs it, B's login leaves it out.
    const blocked = await adsLogin(b);
    expect(blocked.takenElsewhere).toContain(profileA!.profileId);

    await disconnectAdProfile({ db: t.db, publish }, a.actor, { adProfileId: profileA!.id, keepData: true });
    await adsLogin(b);
    const [profileB] = await t.db
      .select()
      .from(adProfiles)
      .where(and(eq(adProfiles.organizationId, b.organizationId), eq(adProfiles.profileId, profileA!.profileId)));
    expect(profileB!.id).not.toBe(profileA!.id);
    await connectAdProfiles({ db: t.db, publish }, b.actor, [profileB!.id]);
    expect(events.at(-1)).toEqual({ name: "amazon/ads.authorized", data: { organizationId: b.organizationId, adProfileIds: [profileB!.id] } });

    // A's row and data are still A's, read-only; B has none of them.
    const [stillA] = await t.db.select().from(adProfiles).where(eq(adProfiles.id, profileA!.id));
    expect(stillA).toMatchObject({ organizationId: a.organizationId, connected: false });
    expect(await t.db.select().from(adCampaignDaily).where(eq(adCampaignDaily.organizationId, b.organizationId))).toEqual([]);
    const rowsA = await t.db.select().from(adCampaignDaily).where(eq(adCampaignDaily.adProfileId, profileA!.id));
    expect(rowsA.map((r) => r.organizationId)).toEqual([a.organizationId]);
    // A cannot start syncing it again while B does.
    await expect(connectAdProfiles({ db: t.db, publish }, a.actor, [profileA!.id])).rejects.toMatchObject({ reason: "already_connected" });
  });

  it("cannot connect another organization's profiles", async () => {
    const m = await admin();
    const [foreign] = await t.db.select().from(adProfiles).limit(1);
    await expect(connectAdProfiles({ db: t.db, publish }, m.actor, [foreign!.id])).rejects.toMatchObject({ reason: "not_found" });
  });
});
