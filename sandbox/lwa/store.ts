import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { HOUR, MINUTE } from "../util/time";

export type GrantKind = "sp" | "ads";

interface Code { clientId: string; kind: GrantKind; sellerId: string; redirectUri?: string; expiresAt: number; used: boolean; scope?: string }
interface Refresh { clientId: string; kind: GrantKind; sellerId: string; revoked: boolean }
export interface AccessGrant { clientId: string; kind: GrantKind; sellerId: string; expiresAt: number; refreshToken: string }

export const CODE_TTL_MS = 5 * MINUTE;
export const ACCESS_TTL_MS = HOUR;

const tok = (prefix: string, n: number) => prefix + randomBytes(n).toString("base64url");

/**
 * In-memory LWA: authorization codes, refresh tokens, access tokens. Refresh tokens are also signed and
 * self-describing, so a sandbox restarted with the same seed still honours the grants the product holds
 * (like Amazon, whose refresh tokens outlive any server); revocations are kept in memory.
 */
export class LwaStore {
  private codes = new Map<string, Code>();
  private refresh = new Map<string, Refresh>();
  private access = new Map<string, AccessGrant>();
  private readonly key: Buffer;

  constructor(secret = "sandbox") {
    this.key = createHmac("sha256", "sandbox-lwa").update(secret).digest();
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.key).update(payload).digest("base64url").slice(0, 22);
  }

  issueCode(c: Omit<Code, "used" | "expiresAt">, now: number): string {
    const code = tok("ANsandbox", 15);
    this.codes.set(code, { ...c, used: false, expiresAt: now + CODE_TTL_MS });
    return code;
  }

  /** Single use: a second redemption fails even within the 5 minutes. */
  redeemCode(code: string, clientId: string, redirectUri: string | undefined, now: number): Code | "invalid" {
    const c = this.codes.get(code);
    if (!c || c.used || c.expiresAt <= now || c.clientId !== clientId) return "invalid";
    if (c.redirectUri !== undefined && redirectUri !== undefined && c.redirectUri !== redirectUri) return "invalid";
    c.used = true;
    return c;
  }

  issueRefresh(clientId: string, kind: GrantKind, sellerId: string): string {
    const payload = Buffer.from(JSON.stringify({ c: clientId, k: kind, s: sellerId, n: randomBytes(12).toString("base64url") })).toString("base64url");
    const t = `Atzr|${payload}.${this.sign(payload)}`;
    this.refresh.set(t, { clientId, kind, sellerId, revoked: false });
    return t;
  }

  refreshInfo(token: string): Refresh | undefined {
    const known = this.refresh.get(token);
    if (known) return known;
    // Issued before a restart: trust it if our signature is on it.
    const m = /^Atzr\|([\w-]+)\.([\w-]{22})$/.exec(token);
    if (!m?.[1] || !m[2]) return undefined;
    const expected = Buffer.from(this.sign(m[1]));
    const given = Buffer.from(m[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const p = JSON.parse(Buffer.from(m[1], "base64url").toString()) as { c: string; k: GrantKind; s: string };
      const restored: Refresh = { clientId: p.c, kind: p.k, sellerId: p.s, revoked: false };
      this.refresh.set(token, restored);
      return restored;
    } catch {
      return undefined;
    }
  }

  /** `lifetimeMs`: how long the token really lasts, which Amazon does not always hold to the hour it announces. */
  issueAccess(refreshToken: string, now: number, lifetimeMs = ACCESS_TTL_MS): { token: string; grant: AccessGrant } | undefined {
    const r = this.refreshInfo(refreshToken);
    if (!r || r.revoked) return undefined;
    const token = tok("Atza|", 48);
    const grant = { clientId: r.clientId, kind: r.kind, sellerId: r.sellerId, expiresAt: now + lifetimeMs, refreshToken };
    this.access.set(token, grant);
    return { token, grant };
  }

  checkAccess(token: string, now: number): AccessGrant | "invalid" | "expired" | "revoked" {
    const g = this.access.get(token);
    if (!g) return "invalid";
    if (this.refresh.get(g.refreshToken)?.revoked) return "revoked";
    if (g.expiresAt <= now) return "expired";
    return g;
  }

  /** Revokes a refresh token and every access token minted from it. */
  revoke(refreshToken: string): boolean {
    const r = this.refreshInfo(refreshToken);
    if (!r) return false;
    r.revoked = true;
    return true;
  }

  revokeSeller(kind: GrantKind, sellerId: string): number {
    let n = 0;
    for (const r of this.refresh.values()) if (r.kind === kind && r.sellerId === sellerId && !r.revoked) { r.revoked = true; n++; }
    return n;
  }
}
