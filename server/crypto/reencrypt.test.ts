import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { amazonGrants } from "~/db/schema";
import { createMemberOf, createStore } from "~/test/factories";
import { reencryptSecrets } from "./reencrypt";
import { decryptSecret, encryptedWithKey, generateKeyRingEntry, parseKeyRing } from "./secrets";

let t: TestDatabase;
const oldEntry = generateKeyRingEntry("old");
beforeAll(async () => {
  process.env.ENCRYPTION_KEYS = oldEntry;
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

it("moves every stored secret to the new key, after which the old key can be dropped", async () => {
  const { organizationId } = await createMemberOf(t.db, "owner");
  const { grant } = await createStore(t.db, organizationId);
  const plain = decryptSecret(grant.refreshTokenEncrypted, parseKeyRing(oldEntry));

  const newEntry = generateKeyRingEntry("new");
  const rotated = parseKeyRing(`${newEntry},${oldEntry}`);
  expect(await reencryptSecrets(t.db, rotated)).toBeGreaterThanOrEqual(1);
  expect(await reencryptSecrets(t.db, rotated)).toBe(0);

  const [after] = await t.db.select().from(amazonGrants).where(eq(amazonGrants.id, grant.id));
  expect(encryptedWithKey(after!.refreshTokenEncrypted)).toBe("new");
  expect(decryptSecret(after!.refreshTokenEncrypted, parseKeyRing(newEntry))).toBe(plain);
});
