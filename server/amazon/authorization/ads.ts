import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { adProfiles, amazonGrants, storeMarketplaces } from "~/db/schema";
import { encryptSecret } from "~/server/crypto/secrets";
import type { Actor } from "~/server/organizations/team";
import { listAdsProfiles, type AdsProfile } from "../ads-profiles";
import { appCredentials, callbackUrls } from "../app-credentials";
import { amazonHosts, type Region } from "../endpoints";
import { exchangeAuthorizationCode, LwaError } from "../lwa";
import { AuthorizationError } from "./errors";
import { consumeState, issueState } from "./state";
import { amazonFailure, throwIfAmazonSentError, type AuthorizationDeps } from "./store";

export const ADS_SCOPE = "advertising::campaign_management";

/** Login with Amazon's consent page for the Ads API. */
export async function startAdsAuthorization(db: Database, actor: Actor, region: Region): Promise<{ url: string }> {
  const state = await issueState(db, { organizationId: actor.organizationId, userId: actor.userId, kind: "ads", region });
  const url = new URL("/ap/oa", amazonHosts(region).adsConsent);
  url.searchParams.set("client_id", appCredentials().adsClientId);
  url.searchParams.set("scope", ADS_SCOPE);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", callbackUrls().ads);
  url.searchParams.set("state", state);
  return { url: url.toString() };
}

/**
 * Redeems the Ads login and records its profiles. Profiles this organization had connected before (a
 * re-authorization) stay connected and resume syncing; new ones wait for the user to choose them.
 */
export async function completeAdsAuthorization(deps: AuthorizationDeps, userId: string, query: URLSearchParams) {
  const now = deps.now?.() ?? new Date();
  const { organizationId, region } = await consumeState(deps.db, { state: query.get("state"), userId, kind: "ads" }, now);
  throwIfAmazonSentError(query);
  const code = query.get("code");
  if (!code) throw new AuthorizationError("missing_parameters");

  let refreshToken: string;
  let profiles: AdsProfile[];
  try {
    const answer = await exchangeAuthorizationCode({ kind: "ads", region, code, redirectUri: callbackUrls().ads }, deps.fetch);
    if (!answer.refresh_token) throw new LwaError("invalid_response", "no refresh token", 200);
    refreshToken = answer.refresh_token;
    profiles = await listAdsProfiles(answer.access_token, deps.fetch);
  } catch (error) {
    amazonFailure(error);
  }

  const outcome = await deps.db.transaction(async (tx) => {
    const [grant] = await tx
      .insert(amazonGrants)
      .values({
        organizationId,
        kind: "ads",
        region,
        sellingPartnerId: profiles[0]?.accountInfo.id ?? null,
        refreshTokenEncrypted: encryptSecret(refreshToken),
        authorizedBy: userId,
        authorizedAt: now,
      })
      .returning({ id: amazonGrants.id });
    const ids = profiles.map((p) => p.profileId);
    const held = ids.length ? await tx.select().from(adProfiles).where(inArray(adProfiles.profileId, ids)).for("update") : [];
    const heldById = new Map(held.filter((h) => h.organizationId === organizationId).map((h) => [h.profileId, h]));
    const marketplaces = await tx
      .select({ id: storeMarketplaces.id, marketplaceId: storeMarketplaces.marketplaceId })
      .from(storeMarketplaces)
      .where(eq(storeMarketplaces.organizationId, organizationId));

    const takenElsewhere: string[] = [];
    const resumed: string[] = [];
    for (const p of profiles) {
      // Synced by another organization: theirs until they disconnect it. A row another organization
      // disconnected with its data kept stays theirs (read-only); this organization gets a row of its own.
      if (held.some((h) => h.profileId === p.profileId && h.organizationId !== organizationId && h.connected)) {
        takenElsewhere.push(p.profileId);
        continue;
      }
      const current = heldById.get(p.profileId);
      const values = {
        organizationId,
        grantId: grant!.id,
        profileId: p.profileId,
        region: p.region,
        countryCode: p.countryCode,
        currencyCode: p.currencyCode,
        timeZone: p.timezone,
        marketplaceId: p.accountInfo.marketplaceStringId,
        accountId: p.accountInfo.id,
        accountName: p.accountInfo.name,
        accountType: p.accountInfo.type,
        storeMarketplaceId: marketplaces.find((m) => m.marketplaceId === p.accountInfo.marketplaceStringId)?.id ?? null,
        connected: current?.connected ?? false,
      };
      const [row] = await tx
        .insert(adProfiles)
        .values(values)
        .onConflictDoUpdate({ target: [adProfiles.organizationId, adProfiles.profileId], set: values })
        .returning({ id: adProfiles.id, connected: adProfiles.connected });
      if (row!.connected) resumed.push(row!.id);
    }
    // Ads grants of this organization that no profile uses any more hold a live token for nothing.
    await tx
      .delete(amazonGrants)
      .where(
        and(
          eq(amazonGrants.organizationId, organizationId),
          eq(amazonGrants.kind, "ads"),
          notExists(tx.select({ one: sql`1` }).from(adProfiles).where(eq(adProfiles.grantId, amazonGrants.id))),
        ),
      );
    return { grantId: grant!.id, profileCount: profiles.length - takenElsewhere.length, takenElsewhere, resumed };
  });

  if (outcome.profileCount === 0 && outcome.takenElsewhere.length > 0) throw new AuthorizationError("already_connected");
  if (outcome.resumed.length)
    await deps.publish({ name: "amazon/ads.authorized", data: { organizationId, adProfileIds: outcome.resumed } });
  return outcome;
}

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string; cause?: { code?: string } }).code === "23505" || (error as { cause?: { code?: string } }).cause?.code === "23505";

/** The user's choice of which profiles of an Ads login to synchronize. */
export async function connectAdProfiles(
  deps: Pick<AuthorizationDeps, "db" | "publish">,
  actor: Actor,
  adProfileIds: string[],
) {
  const rows = await deps.db
    .transaction(async (tx) => {
      const updated = adProfileIds.length
        ? await tx
            .update(adProfiles)
            .set({ connected: true })
            .where(
              and(
                eq(adProfiles.organizationId, actor.organizationId),
                inArray(adProfiles.id, adProfileIds),
                sql`${adProfiles.grantId} is not null`,
              ),
            )
            .returning({ id: adProfiles.id })
        : [];
      // All or nothing: an id that is not this organization's undoes the whole choice.
      if (updated.length !== adProfileIds.length) throw new AuthorizationError("not_found");
      return updated;
    })
    .catch((error: unknown) => {
      // Another organization started syncing the profile meanwhile (one connected row per profile).
      if (isUniqueViolation(error)) throw new AuthorizationError("already_connected");
      throw error;
    });
  if (rows.length)
    await deps.publish({
      name: "amazon/ads.authorized",
      data: { organizationId: actor.organizationId, adProfileIds: rows.map((r) => r.id) },
    });
  return { connected: rows.length };
}
