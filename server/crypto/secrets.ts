import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { setting } from "~/server/settings";

/**
 * Envelope encryption for secrets at rest (refresh and access tokens): AES-256-GCM with a key ring.
 * ENCRYPTION_KEYS = "id1:base64key,id2:base64key"; the first key encrypts, every key decrypts, so a key is
 * rotated by putting a new one first and re-encrypting (`reencryptAll`) before dropping the old one.
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export interface KeyRing {
  activeId: string;
  keys: Map<string, Buffer>;
}

export class SecretsError extends Error {
  override name = "SecretsError";
}

export function parseKeyRing(value: string | undefined): KeyRing {
  if (!value) throw new SecretsError("ENCRYPTION_KEYS is not set: secrets cannot be stored or read.");
  const keys = new Map<string, Buffer>();
  let activeId = "";
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [id, encoded] = entry.split(":");
    if (!id || !encoded || !/^[A-Za-z0-9_-]+$/.test(id))
      throw new SecretsError('ENCRYPTION_KEYS entries look like "<id>:<base64 of 32 bytes>".');
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new SecretsError(`Encryption key "${id}" must be 32 bytes (base64), not ${key.length}.`);
    keys.set(id, key);
    activeId ||= id;
  }
  if (!activeId) throw new SecretsError("ENCRYPTION_KEYS holds no key.");
  return { activeId, keys };
}

export function generateKeyRingEntry(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

export function encryptSecret(plain: string, ring: KeyRing = defaultKeyRing()): string {
  const key = ring.keys.get(ring.activeId)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  // The key id is authenticated data: a ciphertext cannot be replayed under another key's label.
  cipher.setAAD(Buffer.from(ring.activeId));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", ring.activeId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(stored: string, ring: KeyRing = defaultKeyRing()): string {
  const [version, keyId, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || body === undefined) throw new SecretsError("Not an encrypted secret.");
  const key = ring.keys.get(keyId);
  if (!key) throw new SecretsError(`The secret was encrypted with key "${keyId}", which is not in ENCRYPTION_KEYS.`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretsError("A stored secret failed its integrity check (wrong key or tampered data).");
  }
}

export function encryptedWithKey(stored: string): string | undefined {
  return stored.split(".")[1];
}

let cached: { source: string; ring: KeyRing } | undefined;
export function defaultKeyRing(): KeyRing {
  const source = setting("ENCRYPTION_KEYS") ?? "";
  if (cached?.source !== source) cached = { source, ring: parseKeyRing(source) };
  return cached.ring;
}
