import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { amazonAccessTokens, amazonGrants, storeMarketplaces, stores } from "~/db/schema";
import { encryptSecret } from "~/server/crypto/secrets";
import type { Actor } from "~/server/organizations/team";
import { AmazonApiError } from "../api-error";
import { appCredentials, callbackUrls } from "../app-credentials";
import { amazonHosts, type Region } from "../endpoints";
import { exchangeAuthorizationCode, LwaError, type Fetch } from "../lwa";
import { marketplaceTimeZone } from "../marketplaces";
import type { Publish } from "../publish";
import { getMarketplaceParticipations, tokenBelongsToSeller, type MarketplaceParticipation } from "../sellers";
import { AuthorizationError } from "./errors";
import { consumeState, issueState } from "./state";

export interface AuthorizationDeps {
  db: Database;
  publish: Publish;
  fetch?: Fetch;
  now?: () => Date;
}

/** Step 1 of Amazon's website authorization workflow: the Seller Central consent URL. */
export async function startStoreAuthorization(db: Database, actor: Actor, region: Region): Promise<{ url: string }> {
  const app = appCredentials();
  const state = await issueState(db, { organizationId: actor.organizationId, userId: actor.userId, kind: "store", region });
  const url = new URL("/apps/authorize/consent", amazonHosts(region).sellerCentral);
  url.searchParams.set("application_id", app.spApiApplicationId);
  url.searchParams.set("state", state);
  if (app.spApiDraft) url.searchParams.set("version", "beta");
  url.searchParams.set("redirect_uri", callbackUrls().store);
  return { url: url.toString() };
}

/** Turns an Amazon failure into what the seller reads; anything else is a bug and propagates. */
export function amazonFailure(error: unknown): never {
  if (error instanceof LwaError) throw new AuthorizationError("amazon_refused");
  if (error instanceof AmazonApiError) throw new AuthorizationError(error.status >= 500 ? "amazon_unavailable" : "amazon_refused");
  if (error instanceof TypeError) throw new AuthorizationError("amazon_unavailable");
  throw error;
}

/** Amazon's error parameters on a callback: the seller cancelled, or Amazon refused. */
export function throwIfAmazonSentError(query: URLSearchParams) {
  const error = query.get("error");
  if (!error) return;
  throw new AuthorizationError(error === "access_denied" ? "access_denied" : "amazon_refused");
}

/**
 * Steps 2–4: check the state, redeem the code, read the marketplaces, confirm the seller the callback names
 * is the one who granted the token, store everything at once.
 */
export async function completeStoreAuthorization(deps: AuthorizationDeps, userId: string, query: URLSearchParams) {
  const now = deps.now?.() ?? new Date();
  const { organizationId, region } = await consumeState(deps.db, { state: query.get("state"), userId, kind: "store" }, now);
  throwIfAmazonSentError(query);
  const code = query.get("spapi_oauth_code");
  const sellingPartnerId = query.get("selling_partner_id");
  if (!code || !sellingPartnerId) throw new AuthorizationError("missing_parameters");

  let refreshToken: string;
  let participations: MarketplaceParticipation[];
  let verified: boolean;
  try {
    const answer = await exchangeAuthorizationCode({ kind: "store", region, code, redirectUri: callbackUrls().store }, deps.fetch);
    if (!answer.refresh_token) throw new LwaError("invalid_response", "no refresh token", 200);
    refreshToken = answer.refresh_token;
    participations = await getMarketplaceParticipations(region, answer.access_token, deps.fetch);
    const probe = participations.find((p) => p.participation.isParticipating) ?? participations[0];
    verified = probe ? await tokenBelongsToSeller(region, answer.access_token, sellingPartnerId, probe.marketplace.id, deps.fetch) : false;
  } catch (error) {
    amazonFailure(error);
  }
  // Refused before anything is written: the grant, the store and its seller id stay as they were.
  if (!verified) throw new AuthorizationError("seller_mismatch");

  const result = await deps.db.transaction(async (tx) => {
    // Serialize authorizations of one seller account, so two organizations cannot both claim it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`store:${sellingPartnerId}:${region}`}, 0))`);
    const sameSeller = and(eq(stores.sellingPartnerId, sellingPartnerId), eq(stores.region, region));
    // Connected (holding a grant) in another organization: theirs until they disconnect it.
    const [elsewhere] = await tx
      .select({ id: stores.id })
      .from(stores)
      .where(and(sameSeller, ne(stores.organizationId, organizationId), isNotNull(stores.grantId)));
    if (elsewhere) throw new AuthorizationError("already_connected");
    // This organization's own row, if it had the store before (a re-authorization, or a reconnection after
    // a disconnect that kept the data). Another organization's kept row is never touched: its data stays its own.
    const [existing] = await tx.select().from(stores).where(and(sameSeller, eq(stores.organizationId, organizationId)));

    const grantValues = {
      organizationId,
      kind: "store" as const,
      region,
      sellingPartnerId,
      refreshTokenEncrypted: encryptSecret(refreshToken),
      status: "active" as const,
      statusReason: null,
      authorizedBy: userId,
      authorizedAt: now,
    };
    let grantId = existing?.grantId ?? null;
    if (grantId) {
      await tx.update(amazonGrants).set(grantValues).where(eq(amazonGrants.id, grantId));
      await tx.delete(amazonAccessTokens).where(eq(amazonAccessTokens.grantId, grantId));
    } else {
      [{ id: grantId }] = (await tx.insert(amazonGrants).values(grantValues).returning({ id: amazonGrants.id })) as [{ id: string }];
    }

    const [store] = existing
      ? await tx.update(stores).set({ grantId }).where(eq(stores.id, existing.id)).returning()
      : await tx
          .insert(stores)
          .values({ organizationId, grantId, sellingPartnerId, region, name: `Seller ${sellingPartnerId}` })
          .returning();

    const rows = participations.map(({ marketplace, participation }) => ({
      organizationId,
      storeId: store!.id,
      marketplaceId: marketplace.id,
      countryCode: marketplace.countryCode,
      name: marketplace.name,
      currencyCode: marketplace.defaultCurrencyCode,
      timeZone: marketplaceTimeZone(marketplace.id),
      domainName: marketplace.domainName,
      isParticipating: participation.isParticipating,
    }));
    if (rows.length)
      await tx
        .insert(storeMarketplaces)
        .values(rows)
        .onConflictDoUpdate({
          target: [storeMarketplaces.storeId, storeMarketplaces.marketplaceId],
          set: {
            name: sql`excluded.name`,
            currencyCode: sql`excluded.currency_code`,
            domainName: sql`excluded.domain_name`,
            isParticipating: sql`excluded.is_participating`,
          },
        });
    return { storeId: store!.id, reauthorized: Boolean(existing), marketplaceIds: rows.filter((r) => r.isParticipating).map((r) => r.marketplaceId) };
  });

  await deps.publish({
    name: "amazon/store.authorized",
    data: { organizationId, storeId: result.storeId, sellerId: sellingPartnerId, marketplaceIds: result.marketplaceIds },
  });
  return result;
}
