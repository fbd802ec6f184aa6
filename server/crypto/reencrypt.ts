import { eq } from "drizzle-orm";
import type { Database } from "~/db/client";
import { amazonAccessTokens, amazonGrants } from "~/db/schema";
import { decryptSecret, defaultKeyRing, encryptedWithKey, encryptSecret, type KeyRing } from "./secrets";

/**
 * Re-encrypts every stored secret that is not under the active key, so an old key can be dropped from
 * ENCRYPTION_KEYS afterwards. Runs at every start; it touches nothing when all secrets are current.
 */
export async function reencryptSecrets(db: Database, ring: KeyRing = defaultKeyRing()): Promise<number> {
  let changed = 0;
  const grants = await db.select({ id: amazonGrants.id, value: amazonGrants.refreshTokenEncrypted }).from(amazonGrants);
  for (const g of grants) {
    if (encryptedWithKey(g.value) === ring.activeId) continue;
    await db.update(amazonGrants).set({ refreshTokenEncrypted: encryptSecret(decryptSecret(g.value, ring), ring) }).where(eq(amazonGrants.id, g.id));
    changed += 1;
  }
  const tokens = await db.select({ id: amazonAccessTokens.grantId, value: amazonAccessTokens.accessTokenEncrypted }).from(amazonAccessTokens);
  for (const a of tokens) {
    if (encryptedWithKey(a.value) === ring.activeId) continue;
    await db
      .update(amazonAccessTokens)
      .set({ accessTokenEncrypted: encryptSecret(decryptSecret(a.value, ring), ring) })
      .where(eq(amazonAccessTokens.grantId, a.id));
    changed += 1;
  }
  return changed;
}
