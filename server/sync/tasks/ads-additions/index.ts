import { and, eq, isNotNull } from "drizzle-orm";
import { syncStates } from "~/db/schema";
import { LISTING_ORDER, listAndStorePage, readByIds, unknownReportedIds } from "~/server/advertising/entities/listing";
import { storeListedEntities } from "~/server/advertising/entities/store";
import { BACKFILL, defineSyncTask, type RunResult, type TaskRunContext } from "../../kit/definition";
import { pagedApiRun } from "../../kit/paged-api-task";

const IMPRESSIONS = "impressions";
const FULL_PASS = "full-pass";

/** Ids a step reads at most: one id filter's worth. */
const BATCH = 1000;

async function settingsBackfilled(ctx: TaskRunContext): Promise<boolean> {
  const [state] = await ctx.steps.db
    .select({ at: syncStates.lastSucceededAt })
    .from(syncStates)
    .where(and(eq(syncStates.task, "ads-settings"), eq(syncStates.scopeId, ctx.plan.scope.scopeId), eq(syncStates.window, BACKFILL), isNotNull(syncStates.lastSucceededAt)));
  return Boolean(state);
}

/**
 * Entities that received impressions on the run's days but are unknown to the product, read by id. Report
 * ids of keywords and targets are one column: an id that is not a keyword is asked for as a target.
 */
async function fetchFirstImpressions(ctx: TaskRunContext): Promise<RunResult> {
  const { plan, steps } = ctx;
  // The account as it stood at authorization comes from the settings task's first listing; until it is
  // stored, every reported id would look new.
  if (!(await steps.run("settings-listed", () => settingsBackfilled(ctx))))
    return { rowsWritten: 0, detail: { waiting: "The first listing of the ad account is not stored yet; additions are looked for after it." } };
  const days = { from: plan.days[0]!, to: plan.days.at(-1)! };
  const unknown = await steps.run("unknown-ids", () => unknownReportedIds(steps.db, plan.scope.scopeId, days));
  const target = { organizationId: plan.scope.organizationId, adProfileId: plan.scope.scopeId };
  let rowsWritten = 0;
  const kinds = [
    ["campaign", unknown.campaign],
    ["adGroup", unknown.adGroup],
    ["productAd", unknown.productAd],
    ["keywordOrTarget", unknown.keywordOrTarget],
  ] as const;
  for (const [kind, ids] of kinds) {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const stored = await steps.amazon(`${kind}-${i / BATCH}`, async (caller) => {
        const region = plan.scope.region;
        const rows =
          kind === "keywordOrTarget"
            ? await (async () => {
                const keywords = await readByIds(caller, region, "keyword", batch);
                const targets = keywords.missing.length ? await readByIds(caller, region, "target", keywords.missing) : { rows: [] };
                return [...keywords.rows, ...targets.rows];
              })()
            : (await readByIds(caller, region, kind, batch)).rows;
        return storeListedEntities(caller.db, target, rows, "impressions");
      });
      rowsWritten += stored.created + stored.updated;
    }
  }
  return { rowsWritten, detail: { unknownIds: kinds.reduce((n, [, ids]) => n + ids.length, 0) } };
}

/** "Synchronize Amazon Additions": a whole listing, storing what the product does not know yet. */
async function listAdditions(ctx: TaskRunContext): Promise<RunResult> {
  const { plan } = ctx;
  const target = { organizationId: plan.scope.organizationId, adProfileId: plan.scope.scopeId, region: plan.scope.region };
  let rowsWritten = 0;
  for (const kind of LISTING_ORDER) {
    const done = await pagedApiRun({
      name: kind,
      async page(caller, _plan, token) {
        const stored = await listAndStorePage(caller, target, kind, "additions-sync", token);
        return { nextToken: stored.nextToken, written: stored.created + stored.updated, followUp: [] };
      },
    })(ctx);
    rowsWritten += done.rowsWritten;
  }
  return { rowsWritten };
}

/** Advertising data ④: additions made in Seller Central, with their first impressions or by a button. */
export const adsAdditions = defineSyncTask({
  key: "ads-additions",
  title: "Ad additions",
  specItem: "Advertising data ④",
  promise:
    "Campaigns, ad groups, promoted products and targeting added in Seller Central appear once they receive impressions. You can also synchronize directly: Advertising → Bulk Actions → Synchronize Amazon Additions.",
  scope: "ad_profile",
  source: [
    "Ids with impressions in the synced performance reports (ad_campaign_daily, ad_group_daily, ad_product_daily, ad_target_daily) that the product does not know",
    "Sponsored Products v3 list by id filter; a whole listing for the button",
  ],
  dataset: ["ad_entities", "ad_changes"],
  windows: [
    {
      key: IMPRESSIONS,
      label: "entities with their first impressions",
      // Right behind the performance reports' last 2 days (every 30–60 minutes), so an addition appears
      // with the report that first shows it; after a pause, every day since the last success.
      cadence: { kind: "interval", minMinutes: 30, maxMinutes: 60 },
      days: [{ fromDaysAgo: 2, toDaysAgo: 0 }],
      catchUpDays: 60,
    },
    { key: FULL_PASS, label: "all additions (Synchronize Amazon Additions)", cadence: { kind: "on-demand" }, days: [] },
  ],
  manual: { label: "Synchronize Amazon Additions", path: "/advertising" },
  run: (ctx) => (ctx.plan.window === FULL_PASS ? listAdditions(ctx) : fetchFirstImpressions(ctx)),
});
