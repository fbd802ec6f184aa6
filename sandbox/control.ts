import type { Ctx, Reply, Route } from "./http/types";
import { HttpError } from "./http/types";
import type { FaultConfig } from "./faults";
import { isoZ } from "./util/time";
import type { Seller } from "./world/sellers";

// Control API: everything a test or demo needs that Amazon has no endpoint for.
// Lives under /__sandbox/, a prefix Amazon never uses.

const bad = (message: string): HttpError => new HttpError({ status: 400, body: { error: message } });

function body(ctx: Ctx): Record<string, unknown> {
  const j = ctx.json();
  if (j === undefined) return {};
  if (typeof j !== "object" || j === null || Array.isArray(j)) throw bad("body must be a JSON object");
  return j as Record<string, unknown>;
}

function findSeller(ctx: Ctx, id: unknown): Seller {
  const s = typeof id === "string" ? ctx.sb.world.seller(id) : typeof id === "number" ? ctx.sb.world.sellers[id] : ctx.sb.world.sellers[0];
  if (!s) throw bad(`unknown seller ${String(id)}`);
  return s;
}

function state(ctx: Ctx): Reply {
  const sb = ctx.sb;
  return {
    status: 200,
    body: {
      origin: sb.origin,
      now: isoZ(sb.clock.now()),
      timeScale: sb.clock.timeScale,
      seed: sb.options.seed,
      volume: sb.options.volume,
      historyStart: sb.world.config.historyStart,
      reportDelaySeconds: sb.options.reportDelaySeconds,
      adsRateLimit: sb.quotas.adsLimit,
      faults: sb.faults.all(),
      credentials: sb.credentials,
      sellers: sb.world.sellers.map((s) => ({
        sellerId: s.sellerId, name: s.name, email: s.email, marketplaceIds: s.marketplaceIds, ordersPerDay: s.profile.ordersPerDay,
        adsProfiles: sb.ads.allProfiles().filter((p) => p.sellerId === s.sellerId).map((p) => ({ profileId: p.profileId, marketplaceId: p.marketplace.id, countryCode: p.marketplace.countryCode })),
      })),
    },
  };
}

function advance(ctx: Ctx): Reply {
  const b = body(ctx);
  const ms = (Number(b.days ?? 0) * 86400 + Number(b.hours ?? 0) * 3600 + Number(b.minutes ?? 0) * 60 + Number(b.seconds ?? 0)) * 1000;
  if (!Number.isFinite(ms) || ms < 0) throw bad("advance needs non-negative days/hours/minutes/seconds");
  ctx.sb.clock.advance(ms);
  return { status: 200, body: { now: isoZ(ctx.sb.clock.now()) } };
}

function knobs(ctx: Ctx): Reply {
  const b = body(ctx);
  const sb = ctx.sb;
  if (b.timeScale !== undefined) {
    const t = Number(b.timeScale);
    if (!Number.isFinite(t) || t < 0) throw bad("timeScale must be >= 0");
    sb.clock.setTimeScale(t);
  }
  if (b.reportDelaySeconds !== undefined) sb.options.reportDelaySeconds = Math.max(0, Number(b.reportDelaySeconds));
  if (b.adsRateLimit !== undefined) {
    const l = b.adsRateLimit as { rate?: number; burst?: number };
    sb.quotas.adsLimit = { rate: Number(l.rate ?? sb.quotas.adsLimit.rate), burst: Number(l.burst ?? sb.quotas.adsLimit.burst) };
  }
  if (b.resetQuotas === true) sb.quotas.reset();
  if (b.faults !== undefined) {
    if (b.faults === null) sb.faults.clear();
    else for (const [op, cfg] of Object.entries(b.faults as Record<string, FaultConfig | null>)) sb.faults.set(op, cfg);
  }
  return state(ctx);
}

function issueToken(ctx: Ctx): Reply {
  const b = body(ctx);
  const kind = b.kind === "ads" ? "ads" : "sp";
  const seller = findSeller(ctx, b.sellerId ?? b.seller);
  const clientId = kind === "ads" ? ctx.sb.credentials.adsClientId : ctx.sb.credentials.spApiClientId;
  const refresh = ctx.sb.lwa.issueRefresh(clientId, kind, seller.sellerId);
  const access = ctx.sb.lwa.issueAccess(refresh, ctx.sb.clock.now());
  return { status: 200, body: { kind, sellerId: seller.sellerId, refresh_token: refresh, access_token: access?.token, expires_in: 3600 } };
}

function revoke(ctx: Ctx): Reply {
  const b = body(ctx);
  if (typeof b.refresh_token === "string") return { status: 200, body: { revoked: ctx.sb.lwa.revoke(b.refresh_token) ? 1 : 0 } };
  const seller = findSeller(ctx, b.sellerId);
  const kind = b.kind === "ads" ? "ads" : "sp";
  return { status: 200, body: { revoked: ctx.sb.lwa.revokeSeller(kind, seller.sellerId) } };
}


export const controlRoutes: Route[] = [
  { method: "GET", path: "/__sandbox/state", operation: "controlState", auth: "none", handler: state },
  { method: "POST", path: "/__sandbox/time/advance", operation: "controlAdvance", auth: "none", handler: advance },
  { method: "POST", path: "/__sandbox/knobs", operation: "controlKnobs", auth: "none", handler: knobs },
  { method: "POST", path: "/__sandbox/tokens", operation: "controlTokens", auth: "none", handler: issueToken },
  { method: "POST", path: "/__sandbox/tokens/revoke", operation: "controlRevoke", auth: "none", handler: revoke },
];
