import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The keys an executor shares with the app it drives, as Inngest's own server does: the app signs
 * nothing it sends us but events, which carry the event key in their path (`/e/<key>`); everything else
 * (registration, run listings) carries `Authorization: Bearer <hashed signing key>`, the header the SDK
 * sends on an out-of-band sync.
 */
export interface ExecutorKeys {
  signingKey: string;
  eventKey: string;
}

/** The SDK's `hashSigningKey`: the prefix kept, the hex key's bytes hashed with SHA-256. */
export function hashSigningKey(signingKey: string): string {
  const prefix = /^signkey-\w+-/.exec(signingKey)?.[0] ?? "";
  return `${prefix}${createHash("sha256").update(signingKey.slice(prefix.length), "hex").digest("hex")}`;
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A browser page can reach 127.0.0.1 too. Browsers send `Sec-Fetch-Site` (and `Origin` on every POST);
 * the SDK's fetch (undici) sends neither (only `Sec-Fetch-Mode: cors`, so that one proves nothing).
 */
export function fromBrowser(request: Request): boolean {
  return ["origin", "sec-fetch-site", "sec-fetch-dest", "referer"].some((name) => request.headers.has(name));
}

export function hasSigningKey(request: Request, keys: ExecutorKeys): boolean {
  const header = request.headers.get("authorization") ?? "";
  const token = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  return token !== "" && sameSecret(token, hashSigningKey(keys.signingKey));
}

/** A key for a new embedded installation, in the SDK's `signkey-<env>-<hex>` form. */
export const newSigningKey = (random: Buffer) => `signkey-embedded-${random.toString("hex")}`;
