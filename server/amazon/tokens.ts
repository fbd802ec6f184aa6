import { eq, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { amazonAccessTokens, amazonGrants } from "~/db/schema";
import { decryptSecret, encryptSecret } from "~/server/crypto/secrets";
import type { Region } from "./endpoints";
import { LwaError, refreshAccessToken, type Fetch } from "./lwa";

/** Refresh this long before expiry, so a token never dies in the middle of a long report download. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export class GrantNeedsReauthorizationError extends Error {
  override name = "GrantNeedsReauthorizationError";
  constructor(readonly grantId: string, reason: string) {
    super(`The Amazon authorization needs to be renewed by the seller: ${reason}`);
  }
}

export interface TokenDeps {
  fetch?: Fetch;
  now?: () => Date;
}

/** In-process coalescing: concurrent callers of one grant share one refresh. */
const inflight = new Map<string, Promise<string>>();

async function cachedToken(db: Pick<Database, "select">, grantId: string, now: Date): Promise<string | null> {
  const [row] = await db.select().from(amazonAccessTokens).where(eq(amazonAccessTokens.grantId, grantId));
  if (!row || row.expiresAt.getTime() - REFRESH_MARGIN_MS <= now.getTime()) return null;
  return decryptSecret(row.accessTokenEncrypted);
}

/**
 * A valid LWA access token for a grant. At most one refresh per grant runs at a time, across processes
 * too: the refresh happens under a PostgreSQL advisory lock, and whoever waited re-reads the cache first.
 * A grant Amazon no longer honours is marked "needs re-authorization" and its syncs pause.
 */
export function getAccessToken(db: Database, grantId: string, deps: TokenDeps = {}): Promise<string> {
  const running = inflight.get(grantId);
  if (running) return running;
  const promise = obtain(db, grantId, deps).finally(() => inflight.delete(grantId));
  inflight.set(grantId, promise);
  return promise;
}

async function obtain(db: Database, grantId: string, deps: TokenDeps): Promise<string> {
  const now = deps.now ?? (() => new Date());
  const cached = await cachedToken(db, grantId, now());
  if (cached) return cached;

  const outcome = await db.transaction(async (tx): Promise<{ token: string } | { dead: string }> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`amazon-grant:${grantId}`}, 0))`);
    const fresh = await cachedToken(tx, grantId, now());
    if (fresh) return { token: fresh };
    const [grant] = await tx.select().from(amazonGrants).where(eq(amazonGrants.id, grantId));
    if (!grant) throw new Error(`No Amazon authorization ${grantId}.`);
    if (grant.status === "needs_reauthorization")
      return { dead: grant.statusReason ?? "Amazon no longer accepts this authorization." };
    try {
      const answer = await refreshAccessToken(
        { kind: grant.kind, region: grant.region as Region, refreshToken: decryptSecret(grant.refreshTokenEncrypted) },
        deps.fetch,
      );
      const refreshedAt = now();
      const values = {
        grantId,
        organizationId: grant.organizationId,
        accessTokenEncrypted: encryptSecret(answer.access_token),
        expiresAt: new Date(refreshedAt.getTime() + answer.expires_in * 1000),
        refreshedAt,
      };
      await tx
        .insert(amazonAccessTokens)
        .values(values)
        .onConflictDoUpdate({ target: amazonAccessTokens.grantId, set: values });
      return { token: answer.access_token };
    } catch (error) {
      if (!(error instanceof LwaError) || !error.grantIsDead) throw error;
      const reason = `Amazon answered "${error.error}" when renewing access. Authorize again to resume syncing.`;
      await tx
        .update(amazonGrants)
        .set({ status: "needs_reauthorization", statusReason: reason })
        .where(eq(amazonGrants.id, grantId));
      await tx.delete(amazonAccessTokens).where(eq(amazonAccessTokens.grantId, grantId));
      return { dead: reason };
    }
  });
  if ("dead" in outcome) throw new GrantNeedsReauthorizationError(grantId, outcome.dead);
  return outcome.token;
}
