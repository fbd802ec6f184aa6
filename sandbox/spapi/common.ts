import type { Ctx } from "../http/types";
import { spError } from "../http/types";
import type { Marketplace } from "../world/marketplaces";
import { marketplace } from "../world/marketplaces";
import type { Seller } from "../world/sellers";

export function sellerOf(ctx: Ctx): Seller {
  const s = ctx.principal ? ctx.sb.world.seller(ctx.principal.sellerId) : undefined;
  if (!s) throw spError(403, "Unauthorized", "Access to requested resource is denied.", "");
  return s;
}

/** Comma-separated list parameter (SP-API arrays are collectionFormat csv). */
export function list(ctx: Ctx, name: string): string[] {
  const all = ctx.query.getAll(name).flatMap((v) => v.split(","));
  return all.map((v) => v.trim()).filter(Boolean);
}

export function sellerMarketplaces(ctx: Ctx, seller: Seller, ids: string[], param: string): Marketplace[] {
  if (ids.length === 0) throw spError(400, "InvalidInput", `Missing required parameter ${param}`);
  return ids.map((id) => {
    const m = marketplace(id);
    if (!m) throw spError(400, "InvalidInput", `Invalid ${param}: ${id}`);
    if (!seller.marketplaceIds.includes(id)) throw spError(400, "InvalidInput", `Seller is not registered in marketplace ${id}`);
    return m;
  });
}

export function intParam(ctx: Ctx, name: string, def: number, min: number, max: number): number {
  const v = ctx.query.get(name);
  if (v === null) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw spError(400, "InvalidInput", `${name} must be an integer between ${String(min)} and ${String(max)}`);
  return n;
}

export function timeParam(ctx: Ctx, name: string): number | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === "") return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw spError(400, "InvalidInput", `Invalid ${name}: ${v}`);
  return t;
}

/** Opaque page tokens: the query's fingerprint plus an offset. */
export function encodeToken(fingerprint: string, offset: number): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, o: offset })).toString("base64url");
}

export function decodeToken(token: string, fingerprint?: string): number {
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString()) as { f?: string; o?: number };
    if (typeof v.o !== "number" || (fingerprint !== undefined && v.f !== fingerprint)) throw new Error("mismatch");
    return v.o;
  } catch {
    throw spError(400, "InvalidInput", "Invalid NextToken");
  }
}

export function page<T>(items: T[], offset: number, size: number): { slice: T[]; next?: number } {
  const slice = items.slice(offset, offset + size);
  return offset + size < items.length ? { slice, next: offset + size } : { slice };
}
