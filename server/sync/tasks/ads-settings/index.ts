import { changesSince } from "~/server/advertising/entities/history";
import { LISTING_ORDER, listAndStorePage } from "~/server/advertising/entities/listing";
import type { ListingMode } from "~/server/advertising/entities/store";
import { BACKFILL, defineSyncTask, type TaskRunContext } from "../../kit/definition";
import { pagedApiRun } from "../../kit/paged-api-task";

/**
 * Every Sponsored Products entity of the profile, kind after kind, one memoized step per page. The
 * authorization's listing stores the whole account; the 12-hour one updates only what the product knows
 * (an entity new to it waits for its first impressions, Advertising ④).
 */
async function listEverything({ plan, steps }: TaskRunContext) {
  const mode: ListingMode = plan.window === BACKFILL ? "authorization" : "settings";
  const target = { organizationId: plan.scope.organizationId, adProfileId: plan.scope.scopeId, region: plan.scope.region };
  let rowsWritten = 0;
  for (const kind of LISTING_ORDER) {
    const done = await pagedApiRun({
      name: kind,
      async page(caller, _plan, token) {
        const stored = await listAndStorePage(caller, target, kind, mode, token);
        return { nextToken: stored.nextToken, written: stored.created + stored.updated, followUp: [] };
      },
    })({ plan, steps });
    rowsWritten += done.rowsWritten;
  }
  const changesDetected = await steps.run("count-changes", () => changesSince(steps.db, target.adProfileId, plan.startedAt));
  return { rowsWritten, detail: { changesDetected } };
}

/** Advertising data ③: Seller Central's changes to settings, every 12 hours or at once by a button. */
export const adsSettings = defineSyncTask({
  key: "ads-settings",
  title: "Ad settings (bids, budgets, status)",
  specItem: "Advertising data ③",
  promise:
    "Changes made in Amazon Seller Central to bids, budgets or Enable/Pause status are synchronized in about 12 hours. You can also synchronize immediately: Advertising → Bulk Actions → Synchronize Budget/Bid or Status.",
  scope: "ad_profile",
  source: [
    "Sponsored Products v3 list: campaigns, ad groups, product ads, keywords, targets, negative keywords and targets (ad group and campaign level), every state",
  ],
  dataset: ["ad_entities", "ad_changes"],
  backfill: { label: "every campaign, ad group, ad and target" },
  windows: [
    { key: "all-entities", label: "settings of every known entity", cadence: { kind: "interval", minMinutes: 12 * 60, maxMinutes: 12 * 60 + 30 }, days: [] },
  ],
  manual: { label: "Synchronize Budget/Bid or Status", path: "/advertising" },
  run: listEverything,
});
