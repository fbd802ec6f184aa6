import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, encryptedWithKey, generateKeyRingEntry, parseKeyRing } from "./secrets";

describe("secrets at rest", () => {
  const oldRing = parseKeyRing(generateKeyRingEntry("old"));
  it("round-trips and never stores the clear text", () => {
    const sealed = encryptSecret("Atzr|refresh-token-123", oldRing);
    expect(sealed).not.toContain("Atzr");
    expect(sealed).not.toContain("refresh");
    expect(decryptSecret(sealed, oldRing)).toBe("Atzr|refresh-token-123");
    expect(encryptSecret("same", oldRing)).not.toBe(encryptSecret("same", oldRing));
  });

  it("decrypts old secrets after rotation and encrypts new ones with the new key", () => {
    const sealedOld = encryptSecret("token", oldRing);
    const rotated = parseKeyRing(`${generateKeyRingEntry("new")},old:${oldRing.keys.get("old")!.toString("base64")}`);
    expect(decryptSecret(sealedOld, rotated)).toBe("token");
    expect(encryptedWithKey(encryptSecret("token", rotated))).toBe("new");
  });

  it("refuses tampered data, an unknown key and a relabelled key id", () => {
    const sealed = encryptSecret("token", oldRing);
    const parts = sealed.split(".");
    const flipped = [...parts.slice(0, 4), `A${parts[4]!.slice(1)}`].join(".");
    expect(() => decryptSecret(flipped === sealed ? `${sealed}A` : flipped, oldRing)).toThrow(/integrity/);
    expect(() => decryptSecret(sealed, parseKeyRing(generateKeyRingEntry("other")))).toThrow(/not in ENCRYPTION_KEYS/);
    const otherKey = oldRing.keys.get("old")!.toString("base64");
    const twoLabels = parseKeyRing(`old:${otherKey},alias:${otherKey}`);
    expect(() => decryptSecret(["v1", "alias", ...parts.slice(2)].join("."), twoLabels)).toThrow(/integrity/);
  });

  it("explains a malformed key ring", () => {
    expect(() => parseKeyRing(undefined)).toThrow(/not set/);
    expect(() => parseKeyRing("k1:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseKeyRing("nonsense")).toThrow(/look like/);
  });
});
