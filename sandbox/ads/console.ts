import type { Sandbox } from "../state";
import type { Entity, EntityKind, State } from "./entities";
import { ENTITY_TYPES, MAX_PLACEMENT_PERCENTAGE, PLACEMENTS } from "./entities";
import type { ConsoleRun } from "./console-create";
import { createAdGroup, createCampaign, createKeyword, createNegativeKeyword, createNegativeTarget, createProductAd, createTarget } from "./console-create";
import type { Body } from "./console-input";
import { amount, bad, existing, integer, kindParam, oneOf, text } from "./console-input";
import { entityJson } from "./sp-entities";
import type { AdsProfile } from "./state";

// `POST /__sandbox/ads/console`: the seller editing their Sponsored Products "in Seller Central", behind the
// product's back. Each action changes one setting or creates entities; every change stamps the sandbox clock's
// now as the entity's last update, as Amazon's lastUpdateDateTime shows it.

const ALL_KINDS = ENTITY_TYPES.map((t) => t.kind);
const STATES: readonly State[] = ["ENABLED", "PAUSED", "ARCHIVED"];
/** The strategies Seller Central offers (RULE_BASED needs a bidding rule, which the console has no place for). */
const CONSOLE_STRATEGIES = ["LEGACY_FOR_SALES", "AUTO_FOR_SALES", "MANUAL"] as const;

type Action = (r: ConsoleRun, b: Body) => Entity;

/** Finds the entity to edit (`kind` with its default, `id`) and stamps the change. */
const edit = (kinds: readonly EntityKind[], fallback: EntityKind, change: (e: Entity, r: ConsoleRun, b: Body) => void): Action => (r, b) => {
  const e = existing(r.sb.ads, r.p, kindParam(b, kinds, fallback), b, "id");
  change(e, r, b);
  e.updatedMs = r.now;
  return e;
};

const ACTIONS: Record<string, Action> = {
  // An ad group's bid is its default bid, which its keywords and targets without a bid of their own use.
  setBid: edit(["keyword", "target", "adGroup"], "keyword", (e, r, b) => { e.money = amount(b.bid, "bid", r.p.marketplace.currency); }),
  setBudget: edit(["campaign"], "campaign", (e, r, b) => { e.money = amount(b.budget, "budget", r.p.marketplace.currency); }),
  setState: edit(ALL_KINDS, "campaign", (e, r, b) => { r.sb.ads.setState(e, oneOf(b, "state", STATES), r.now); }),
  setBiddingStrategy: edit(["campaign"], "campaign", (e, _r, b) => { e.biddingStrategy = oneOf(b, "strategy", CONSOLE_STRATEGIES); }),
  // Sets one placement's adjustment (added when the campaign has none there); the others stay.
  setPlacement: edit(["campaign"], "campaign", (e, _r, b) => {
    const placement = oneOf(b, "placement", PLACEMENTS);
    const percentage = integer(b, "percentage", 0, MAX_PLACEMENT_PERCENTAGE);
    const rest = (e.placements ?? []).filter((x) => x.placement !== placement);
    const at = (e.placements ?? []).findIndex((x) => x.placement === placement);
    rest.splice(at < 0 ? rest.length : at, 0, { placement, percentage });
    e.placements = rest;
  }),
  rename: edit(["campaign", "adGroup"], "campaign", (e, _r, b) => { e.name = text(b, "name"); }),
  createCampaign,
  createAdGroup,
  createKeyword,
  createTarget,
  createProductAd,
  createNegativeKeyword: (r, b) => createNegativeKeyword(r, b, "adGroup"),
  createNegativeTarget: (r, b) => createNegativeTarget(r, b, "adGroup"),
  createCampaignNegativeKeyword: (r, b) => createNegativeKeyword(r, b, "campaign"),
  createCampaignNegativeTarget: (r, b) => createNegativeTarget(r, b, "campaign"),
};

/** Ids of a campaign's ad groups, keywords, targets and product ads (every state). */
function children(sb: Sandbox, p: AdsProfile, campaignId: string): Record<string, string[]> {
  const of = (kind: EntityKind) => [...sb.ads.list(p, kind).values()].filter((x) => x.campaignId === campaignId).map((x) => x.id);
  return { adGroups: of("adGroup"), keywords: of("keyword"), targets: of("target"), productAds: of("productAd") };
}

/**
 * Runs one console action and answers the entity it changed or created (with extended data), the ids it created
 * per entity type (`created`) and, for a campaign, the ids of its children.
 */
export function adsConsole(sb: Sandbox, p: AdsProfile, b: Body): Record<string, unknown> {
  const action = typeof b.action === "string" && Object.hasOwn(ACTIONS, b.action) ? ACTIONS[b.action] : undefined;
  if (!action) throw bad(`action must be one of ${Object.keys(ACTIONS).join(" | ")}, got ${JSON.stringify(b.action)}`);
  const run: ConsoleRun = { sb, p, now: sb.clock.now(), created: {} };
  const e = action(run, b);
  const out: Record<string, unknown> = { entity: entityJson(p, e, true) };
  if (Object.keys(run.created).length) out.created = run.created;
  if (e.kind === "campaign") out.children = children(sb, p, e.id);
  return out;
}
