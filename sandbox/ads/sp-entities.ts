import type { Ctx, Reply, Route } from "../http/types";
import { HttpError } from "../http/types";
import { minorToNumber } from "../util/money";
import { isoZ, localDay } from "../util/time";
import type { Entity, EntityKind, EntityTypeSpec, Predicate, State } from "./entities";
import { ENTITY_TYPES } from "./entities";
import { readDynamicBidding } from "./dynamic-bidding";
import type { ItemError } from "./sp-errors";
import { malformed, missing, notFound } from "./sp-errors";
import type { AdsProfile } from "./state";

const MAX_PAGE = 5000;
const MAX_ITEMS = 1000;

const spErr = (status: number, code: string, message: string) => new HttpError({ status, body: { code, message } });

function profileOf(ctx: Ctx): AdsProfile {
  const p = ctx.sb.ads.profile(ctx.principal?.profileId ?? "");
  if (!p) throw spErr(401, "UNAUTHORIZED", "Not authorized to access scope");
  return p;
}

function checkMedia(ctx: Ctx, t: EntityTypeSpec): void {
  const ct = String(ctx.req.headers["content-type"] ?? "").split(";")[0]?.trim();
  if (ct !== t.contentType) throw spErr(415, "UNSUPPORTED_MEDIA_TYPE", `Content-Type must be ${t.contentType}`);
}

function reply(t: EntityTypeSpec, status: number, body: unknown): Reply {
  return { status, headers: { "content-type": t.contentType }, body };
}

const SERVING: Partial<Record<EntityKind, Record<State, string>>> = {
  campaign: { ENABLED: "CAMPAIGN_STATUS_ENABLED", PAUSED: "CAMPAIGN_PAUSED", ARCHIVED: "CAMPAIGN_ARCHIVED" },
  adGroup: { ENABLED: "AD_GROUP_STATUS_ENABLED", PAUSED: "AD_GROUP_PAUSED", ARCHIVED: "AD_GROUP_ARCHIVED" },
  keyword: { ENABLED: "TARGETING_CLAUSE_STATUS_LIVE", PAUSED: "TARGETING_CLAUSE_PAUSED", ARCHIVED: "TARGETING_CLAUSE_ARCHIVED" },
  target: { ENABLED: "TARGETING_CLAUSE_STATUS_LIVE", PAUSED: "TARGETING_CLAUSE_PAUSED", ARCHIVED: "TARGETING_CLAUSE_ARCHIVED" },
  productAd: { ENABLED: "AD_STATUS_LIVE", PAUSED: "AD_PAUSED", ARCHIVED: "AD_ARCHIVED" },
};

export function entityJson(p: AdsProfile, e: Entity, extended: boolean): Record<string, unknown> {
  const cur = p.marketplace.currency;
  const m = (v: number | undefined) => minorToNumber(v ?? 0, cur);
  let o: Record<string, unknown>;
  switch (e.kind) {
    case "campaign":
      o = { campaignId: e.id, name: e.name, state: e.state, targetingType: e.targetingType, budget: { budget: m(e.money), budgetType: "DAILY" }, startDate: e.startDate, dynamicBidding: { strategy: e.biddingStrategy ?? "LEGACY_FOR_SALES", placementBidding: (e.placements ?? []).map((x) => ({ placement: x.placement, percentage: x.percentage })) } };
      if (e.endDate) o.endDate = e.endDate;
      break;
    case "adGroup": o = { adGroupId: e.id, campaignId: e.campaignId, name: e.name, state: e.state, defaultBid: m(e.money) }; break;
    case "keyword": o = { keywordId: e.id, adGroupId: e.adGroupId, campaignId: e.campaignId, keywordText: e.text, matchType: e.matchType, state: e.state, bid: m(e.money) }; break;
    case "target": o = { targetId: e.id, adGroupId: e.adGroupId, campaignId: e.campaignId, expression: e.expression, resolvedExpression: e.expression, expressionType: e.expressionType, state: e.state, bid: m(e.money) }; break;
    case "productAd": o = { adId: e.id, adGroupId: e.adGroupId, campaignId: e.campaignId, sku: e.sku, asin: e.asin, state: e.state }; break;
    case "negativeKeyword": o = { keywordId: e.id, adGroupId: e.adGroupId, campaignId: e.campaignId, keywordText: e.text, matchType: e.matchType, state: e.state }; break;
    case "negativeTarget": o = { targetId: e.id, adGroupId: e.adGroupId, campaignId: e.campaignId, expression: e.expression, resolvedExpression: e.expression, state: e.state }; break;
    case "campaignNegativeKeyword": o = { keywordId: e.id, campaignId: e.campaignId, keywordText: e.text, matchType: e.matchType, state: e.state }; break;
    case "campaignNegativeTarget": o = { targetId: e.id, campaignId: e.campaignId, expression: e.expression, resolvedExpression: e.expression, state: e.state }; break;
  }
  if (extended) {
    const x: Record<string, unknown> = { creationDateTime: isoZ(e.createdMs), lastUpdateDateTime: isoZ(e.updatedMs) };
    const s = SERVING[e.kind]?.[e.state];
    if (s) x.servingStatus = s;
    o.extendedData = x;
  }
  return o;
}

function idsFilter(body: Record<string, unknown>, name: string): string[] | undefined {
  const f = body[name] as { include?: unknown } | undefined;
  if (!f) return undefined;
  if (!Array.isArray(f.include)) throw spErr(400, "INVALID_ARGUMENT", `${name}.include must be an array`);
  if (f.include.length > 1000) throw spErr(400, "INVALID_ARGUMENT", `${name}.include accepts at most 1000 ids`);
  return f.include.map(String);
}

function textFilter(body: Record<string, unknown>, name: string): ((s: string | undefined) => boolean) | undefined {
  const f = body[name] as { include?: unknown; queryTermMatchType?: string } | undefined;
  if (!f || !Array.isArray(f.include)) return undefined;
  const terms = f.include.map((x) => String(x).toLowerCase());
  const exact = f.queryTermMatchType !== "BROAD_MATCH";
  return (s) => s !== undefined && terms.some((t) => (exact ? s.toLowerCase() === t : s.toLowerCase().includes(t)));
}

function list(t: EntityTypeSpec) {
  return (ctx: Ctx): Reply => {
    checkMedia(ctx, t);
    const p = profileOf(ctx);
    const body = (ctx.json() ?? {}) as Record<string, unknown>;
    const states = (body.stateFilter as { include?: string[] } | undefined)?.include;
    const own = idsFilter(body, t.idFilter);
    const camp = idsFilter(body, "campaignIdFilter");
    const ag = idsFilter(body, "adGroupIdFilter");
    const name = textFilter(body, "nameFilter");
    const kwText = t.textFilter ? textFilter(body, t.textFilter) : undefined;
    const match = body.matchTypeFilter as string[] | undefined;
    const max = body.maxResults === undefined ? MAX_PAGE : Number(body.maxResults);
    if (!Number.isInteger(max) || max < 1 || max > MAX_PAGE) throw spErr(400, "INVALID_ARGUMENT", `maxResults must be between 1 and ${String(MAX_PAGE)}`);
    let all = [...ctx.sb.ads.list(p, t.kind).values()];
    // Archived entities are only listed when asked for explicitly, like Amazon.
    all = all.filter((e) => (states ? states.includes(e.state) : e.state !== "ARCHIVED"));
    if (own) all = all.filter((e) => own.includes(e.id));
    if (camp) all = all.filter((e) => camp.includes(e.campaignId));
    if (ag) all = all.filter((e) => e.adGroupId !== undefined && ag.includes(e.adGroupId));
    if (name) all = all.filter((e) => name(e.name));
    if (kwText) all = all.filter((e) => kwText(e.text));
    if (match) all = all.filter((e) => e.matchType !== undefined && match.includes(e.matchType));
    let offset = 0;
    if (typeof body.nextToken === "string") {
      offset = Number(Buffer.from(body.nextToken, "base64url").toString());
      if (!Number.isInteger(offset) || offset < 0) throw spErr(400, "INVALID_ARGUMENT", "Invalid nextToken");
    }
    const slice = all.slice(offset, offset + max);
    const out: Record<string, unknown> = { [t.bodyKey]: slice.map((e) => entityJson(p, e, body.includeExtendedDataFields === true)), totalResults: all.length };
    if (offset + max < all.length) out.nextToken = Buffer.from(String(offset + max)).toString("base64url");
    return reply(t, 200, out);
  };
}

const toMinor = (v: unknown, currency: string): number | undefined => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.round(v * (currency === "JPY" ? 1 : 100)) : undefined);
const STATES = ["ENABLED", "PAUSED", "PROPOSED"];

/** Validates and builds a new entity; returns errors instead when invalid. */
function buildNew(ctx: Ctx, p: AdsProfile, t: EntityTypeSpec, item: Record<string, unknown>, i: number): Entity | ItemError[] {
  const errors: ItemError[] = [];
  const cur = p.marketplace.currency;
  const need = (f: string) => { if (item[f] === undefined || item[f] === null || item[f] === "") errors.push(missing(t, i, f)); };
  need("state");
  if (typeof item.state === "string" && !STATES.includes(item.state)) errors.push(malformed(t, i, "state", `Invalid state ${item.state}`));
  const now = ctx.sb.clock.now();
  const base: Entity = {
    kind: t.kind, id: "", campaignId: String(item.campaignId ?? ""), state: item.state === "PAUSED" ? "PAUSED" : "ENABLED",
    createdMs: now, updatedMs: now, firstImpressionDay: ctx.sb.ads.firstDayFor(p, now), weight: 0.3 + ((now / 1000) % 7) / 5,
  };
  const needCampaign = t.kind !== "campaign";
  if (needCampaign) {
    need("campaignId");
    if (item.campaignId !== undefined && !ctx.sb.ads.find(p, "campaign", String(item.campaignId))) errors.push(notFound("CAMPAIGN", String(item.campaignId)));
  }
  const needAdGroup = ["keyword", "target", "productAd", "negativeKeyword", "negativeTarget"].includes(t.kind);
  if (needAdGroup) {
    need("adGroupId");
    const ag = item.adGroupId !== undefined ? ctx.sb.ads.find(p, "adGroup", String(item.adGroupId)) : undefined;
    if (item.adGroupId !== undefined && (!ag || ag.campaignId !== base.campaignId)) errors.push(notFound("AD_GROUP", String(item.adGroupId)));
    base.adGroupId = String(item.adGroupId ?? "");
    base.money = ag?.money;
  }
  switch (t.kind) {
    case "campaign": {
      need("name"); need("targetingType"); need("budget");
      const b = item.budget as { budget?: unknown; budgetType?: unknown } | undefined;
      const money = toMinor(b?.budget, cur);
      if (b && (money === undefined || b.budgetType !== "DAILY")) errors.push(malformed(t, i, "budget", "budget must be { budget: number, budgetType: DAILY }"));
      if (item.targetingType !== undefined && item.targetingType !== "AUTO" && item.targetingType !== "MANUAL") errors.push(malformed(t, i, "targetingType", "targetingType must be AUTO or MANUAL"));
      // Without dynamicBidding Amazon applies LEGACY_FOR_SALES and no placement adjustment.
      const bidding = readDynamicBidding(t, i, item.dynamicBidding, true);
      if (Array.isArray(bidding)) errors.push(...bidding);
      const { strategy = "LEGACY_FOR_SALES", placements = [] } = Array.isArray(bidding) ? {} : bidding;
      Object.assign(base, { name: String(item.name ?? ""), targetingType: item.targetingType, money, startDate: typeof item.startDate === "string" ? item.startDate : localDay(now, p.marketplace.timezone), biddingStrategy: strategy, placements });
      if (typeof item.endDate === "string") base.endDate = item.endDate;
      break;
    }
    case "adGroup":
      need("name"); need("defaultBid");
      base.name = String(item.name ?? "");
      base.money = toMinor(item.defaultBid, cur);
      break;
    case "keyword": case "negativeKeyword": case "campaignNegativeKeyword": {
      need("keywordText"); need("matchType");
      const allowed = t.kind === "keyword" ? ["BROAD", "EXACT", "PHRASE"] : ["NEGATIVE_BROAD", "NEGATIVE_EXACT", "NEGATIVE_PHRASE"];
      if (item.matchType !== undefined && !allowed.includes(String(item.matchType))) errors.push(malformed(t, i, "matchType", `matchType must be one of ${allowed.join(", ")}`));
      base.text = String(item.keywordText ?? "");
      base.matchType = String(item.matchType ?? "");
      if (t.kind === "keyword" && item.bid !== undefined) base.money = toMinor(item.bid, cur);
      if (t.kind !== "keyword") delete base.money;
      break;
    }
    case "target": case "negativeTarget": case "campaignNegativeTarget":
      need("expression");
      if (item.expression !== undefined && !Array.isArray(item.expression)) errors.push(malformed(t, i, "expression", "expression must be an array"));
      base.expression = (Array.isArray(item.expression) ? item.expression : []) as Predicate[];
      if (t.kind === "target") {
        need("expressionType");
        base.expressionType = "MANUAL";
        if (item.bid !== undefined) base.money = toMinor(item.bid, cur);
      } else delete base.money;
      break;
    case "productAd":
      if (item.sku === undefined && item.asin === undefined) errors.push(missing(t, i, "sku"));
      if (typeof item.sku === "string") {
        // Amazon advertises only the seller's own offers: a SKU it cannot find is refused for that item.
        const seller = ctx.sb.world.seller(p.sellerId);
        const product = seller ? ctx.sb.world.productBySku(seller, item.sku) : undefined;
        if (!product || product.isParent) errors.push(malformed(t, i, "sku", `SKU ${item.sku} is not an advertisable product of this seller in this marketplace`));
        else {
          base.sku = product.sku;
          base.asin = product.asin;
        }
      }
      if (typeof item.asin === "string" && base.asin === undefined) base.asin = item.asin;
      delete base.money;
      break;
  }
  return errors.length ? errors : base;
}

function items(ctx: Ctx, t: EntityTypeSpec): Array<Record<string, unknown>> {
  const body = ctx.json() as Record<string, unknown> | undefined;
  const arr = body?.[t.bodyKey];
  if (!Array.isArray(arr)) throw spErr(400, "INVALID_ARGUMENT", `Request body must contain ${t.bodyKey}`);
  if (arr.length > MAX_ITEMS) throw spErr(400, "INVALID_ARGUMENT", `At most ${String(MAX_ITEMS)} ${t.bodyKey} per request`);
  return arr as Array<Record<string, unknown>>;
}

function create(t: EntityTypeSpec) {
  return (ctx: Ctx): Reply => {
    checkMedia(ctx, t);
    const p = profileOf(ctx);
    const repr = String(ctx.req.headers.prefer ?? "").includes("return=representation");
    const success: unknown[] = [];
    const error: unknown[] = [];
    items(ctx, t).forEach((item, index) => {
      const e = buildNew(ctx, p, t, item, index);
      if (Array.isArray(e)) { error.push({ index, errors: e }); return; }
      const pe = ctx.sb.ads.of(p);
      e.id = ctx.sb.ads.newId(p, pe);
      if (t.kind === "campaign") e.campaignId = e.id;
      if (t.kind === "adGroup") e.adGroupId = e.id;
      ctx.sb.ads.add(p, e);
      const ok: Record<string, unknown> = { index, [t.successId]: e.id };
      if (repr) ok[t.successObj] = entityJson(p, e, false);
      success.push(ok);
    });
    return reply(t, 207, { [t.bodyKey]: { success, error } });
  };
}

/** Checks the whole item first and changes the entity only when it is valid, as Amazon does per item. */
function applyUpdate(ctx: Ctx, p: AdsProfile, t: EntityTypeSpec, e: Entity, item: Record<string, unknown>, i: number): ItemError[] {
  const cur = p.marketplace.currency;
  const errs: ItemError[] = [];
  const patch: Partial<Entity> = {};
  const amount = (field: string, v: unknown): number | undefined => {
    const minor = toMinor(v, cur);
    if (minor === undefined) errs.push(malformed(t, i, field, `Invalid ${field}`));
    return minor;
  };
  if (item.state !== undefined) {
    if (!STATES.includes(String(item.state))) errs.push(malformed(t, i, "state", `Invalid state ${String(item.state)}`));
    else patch.state = item.state === "PAUSED" ? "PAUSED" : "ENABLED";
  }
  if (t.kind === "campaign") {
    if (typeof item.name === "string") patch.name = item.name;
    const b = item.budget as { budget?: unknown } | undefined;
    if (b) patch.money = amount("budget", b.budget);
    if (typeof item.endDate === "string") patch.endDate = item.endDate;
    // A given strategy replaces the old one; a given placementBidding replaces the whole list.
    const bidding = readDynamicBidding(t, i, item.dynamicBidding, false);
    if (Array.isArray(bidding)) errs.push(...bidding);
    else {
      if (bidding.strategy !== undefined) patch.biddingStrategy = bidding.strategy;
      if (bidding.placements !== undefined) patch.placements = bidding.placements;
    }
  }
  if (t.kind === "adGroup") {
    if (typeof item.name === "string") patch.name = item.name;
    if (item.defaultBid !== undefined) patch.money = amount("defaultBid", item.defaultBid);
  }
  if ((t.kind === "keyword" || t.kind === "target") && item.bid !== undefined) patch.money = amount("bid", item.bid);
  if (errs.length) return errs;
  const { state, ...rest } = patch;
  const now = ctx.sb.clock.now();
  Object.assign(e, rest, { updatedMs: now });
  if (state) ctx.sb.ads.setState(e, state, now);
  return [];
}

function update(t: EntityTypeSpec) {
  return (ctx: Ctx): Reply => {
    checkMedia(ctx, t);
    const p = profileOf(ctx);
    const repr = String(ctx.req.headers.prefer ?? "").includes("return=representation");
    const success: unknown[] = [];
    const error: unknown[] = [];
    items(ctx, t).forEach((item, index) => {
      const id = item[t.idField];
      if (id === undefined) { error.push({ index, errors: [missing(t, index, t.idField)] }); return; }
      const e = ctx.sb.ads.find(p, t.kind, String(id));
      if (!e || e.state === "ARCHIVED") { error.push({ index, errors: [notFound(t.entityType, String(id))] }); return; }
      const errs = applyUpdate(ctx, p, t, e, item, index);
      if (errs.length) { error.push({ index, errors: errs }); return; }
      const ok: Record<string, unknown> = { index, [t.successId]: e.id };
      if (repr) ok[t.successObj] = entityJson(p, e, false);
      success.push(ok);
    });
    return reply(t, 207, { [t.bodyKey]: { success, error } });
  };
}

function remove(t: EntityTypeSpec) {
  return (ctx: Ctx): Reply => {
    checkMedia(ctx, t);
    const p = profileOf(ctx);
    const body = (ctx.json() ?? {}) as Record<string, unknown>;
    const ids = idsFilter(body, t.idFilter);
    if (!ids) throw spErr(400, "INVALID_ARGUMENT", `${t.idFilter} is required`);
    const success: unknown[] = [];
    const error: unknown[] = [];
    ids.forEach((id, index) => {
      const e = ctx.sb.ads.find(p, t.kind, id);
      if (!e) { error.push({ index, errors: [notFound(t.entityType, id)] }); return; }
      ctx.sb.ads.setState(e, "ARCHIVED", ctx.sb.clock.now());
      success.push({ index, [t.successId]: id, [t.successObj]: entityJson(p, e, false) });
    });
    return reply(t, 207, { [t.bodyKey]: { success, error } });
  };
}

export const spEntityRoutes: Route[] = ENTITY_TYPES.flatMap((t) => [
  { method: "POST", path: `/sp/${t.plural}/list`, operation: `list_${t.plural}`, auth: "ads", handler: list(t) },
  { method: "POST", path: `/sp/${t.plural}`, operation: `create_${t.plural}`, auth: "ads", handler: create(t) },
  { method: "PUT", path: `/sp/${t.plural}`, operation: `update_${t.plural}`, auth: "ads", handler: update(t) },
  { method: "POST", path: `/sp/${t.plural}/delete`, operation: `delete_${t.plural}`, auth: "ads", handler: remove(t) },
] satisfies Route[]);
