import { z } from "zod";
import { changeHistory } from "~/server/advertising/change-history";
import { entityListInput } from "~/server/advertising/entity-list-input";
import { entityList } from "~/server/advertising/entity-lists";
import { historyInput } from "~/server/advertising/history-input";
import { parentsOf } from "~/server/advertising/parents";
import { connectedProfiles, daySettlement } from "~/server/advertising/queries";
import { searchTermInput } from "~/server/advertising/search-term-input";
import { searchTermList } from "~/server/advertising/search-terms";
import { inngest } from "~/inngest/client";
import { AD_ENTITY_KINDS } from "~/db/schema";
import { MAX_SELECTED, syncProfileNow, syncSelectedSettingsNow } from "~/server/advertising/entities/sync-now";
import { applyEntityEdits, EDIT_FIELDS, MAX_EDITS } from "~/server/advertising/entities/edits";
import { createEntities, MAX_CREATIONS } from "~/server/advertising/entities/create";
import { dayRange } from "~/server/validation/day";
import { createTRPCRouter, organizationProcedure } from "../init";

const entityId = z.string().regex(/^\d{1,20}$/, "Amazon ids are numbers");
const amount = z.string().regex(/^\d{1,9}(\.\d{1,4})?$/, "An amount such as 0.75");
const moneyChange = z.union([z.object({ set: amount }), z.object({ percent: z.number().min(-99).max(900).multipleOf(0.01) })]);
const percentage = z.number().int().min(0).max(900);
const strategy = z.enum(["LEGACY_FOR_SALES", "AUTO_FOR_SALES", "MANUAL"]);
const entityEdit = z.object({
  kind: z.enum(AD_ENTITY_KINDS),
  entityId,
  state: z.enum(["ENABLED", "PAUSED", "ARCHIVED"]).optional(),
  name: z.string().trim().min(1).max(128).optional(),
  budget: moneyChange.optional(),
  defaultBid: moneyChange.optional(),
  bid: moneyChange.optional(),
  biddingStrategy: strategy.optional(),
  placementTop: percentage.optional(),
  placementProductPage: percentage.optional(),
  placementRestOfSearch: percentage.optional(),
  loaded: z.partialRecord(z.enum(EDIT_FIELDS), z.string().max(200).nullable()).optional(),
});
const newEntity = z.object({
  campaignId: entityId.optional(),
  adGroupId: entityId.optional(),
  state: z.enum(["ENABLED", "PAUSED"]).optional(),
  name: z.string().trim().min(1).max(128).optional(),
  targetingType: z.enum(["AUTO", "MANUAL"]).optional(),
  budget: amount.optional(),
  biddingStrategy: strategy.optional(),
  defaultBid: amount.optional(),
  bid: amount.optional(),
  keywordText: z.string().trim().min(1).max(80).optional(),
  matchType: z.enum(["EXACT", "PHRASE", "BROAD", "NEGATIVE_EXACT", "NEGATIVE_PHRASE", "NEGATIVE_BROAD"]).optional(),
  expression: z.array(z.object({ type: z.string().regex(/^[A-Z_]{1,40}$/), value: z.string().max(200).optional() })).min(1).max(5).optional(),
  sku: z.string().trim().min(1).max(40).optional(),
});

const range = z.union([
  z.object({ adProfileId: z.uuid(), days: z.number().int().min(1).max(95) }),
  z.intersection(z.object({ adProfileId: z.uuid() }), dayRange),
]);

export const advertisingRouter = createTRPCRouter({
  profiles: organizationProcedure().query(({ ctx }) => connectedProfiles(ctx.db, ctx.organizationId)),
  // The entity tables: settings beside the range's performance; one input shape, so one table component reads any.
  campaigns: organizationProcedure()
    .input(entityListInput)
    .query(({ ctx, input }) => entityList(ctx.db, ctx.organizationId, "campaigns", input)),
  adGroups: organizationProcedure()
    .input(entityListInput)
    .query(({ ctx, input }) => entityList(ctx.db, ctx.organizationId, "adGroups", input)),
  targets: organizationProcedure()
    .input(entityListInput)
    .query(({ ctx, input }) => entityList(ctx.db, ctx.organizationId, "targets", input)),
  products: organizationProcedure()
    .input(entityListInput)
    .query(({ ctx, input }) => entityList(ctx.db, ctx.organizationId, "products", input)),
  negatives: organizationProcedure()
    .input(entityListInput)
    .query(({ ctx, input }) => entityList(ctx.db, ctx.organizationId, "negatives", input)),
  /** The names of the campaign and ad group a drill-down page shows. */
  parents: organizationProcedure()
    .input(z.object({ adProfileId: z.uuid(), campaignId: z.string().max(40).optional(), adGroupId: z.string().max(40).optional() }))
    .query(({ ctx, input }) => parentsOf(ctx.db, ctx.organizationId, input)),
  history: organizationProcedure()
    .input(historyInput)
    .query(({ ctx, input }) => changeHistory(ctx.db, ctx.organizationId, input)),
  /** The Search terms tab: what customers searched, what it matched, and the range's performance. */
  searchTerms: organizationProcedure()
    .input(searchTermInput)
    .query(({ ctx, input }) => searchTermList(ctx.db, ctx.organizationId, input)),
  /** Bulk Actions → Synchronize Budget/Bid or Status: the selected entities now, or the whole profile in the background. */
  syncSettings: organizationProcedure("operator")
    .input(
      z.object({
        adProfileId: z.uuid(),
        selection: z.array(z.object({ kind: z.enum(AD_ENTITY_KINDS), ids: z.array(z.string().regex(/^\d{1,20}$/)).max(MAX_SELECTED) })).max(AD_ENTITY_KINDS.length).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      input.selection
        ? { scope: "selected" as const, ...(await syncSelectedSettingsNow(ctx.db, ctx.organizationId, input.adProfileId, input.selection)) }
        : { scope: "profile" as const, ...(await syncProfileNow(ctx.db, ctx.organizationId, input.adProfileId, "settings", (e) => inngest.send(e))) },
    ),
  /** Bulk Actions → Synchronize Amazon Additions: a whole listing of the profile in the background. */
  syncAdditions: organizationProcedure("operator")
    .input(z.object({ adProfileId: z.uuid() }))
    .mutation(({ ctx, input }) => syncProfileNow(ctx.db, ctx.organizationId, input.adProfileId, "additions", (e) => inngest.send(e))),
  /** Edits pushed to Amazon at once, single or bulk; conflicts with Seller Central come back unless overwritten. */
  editEntities: organizationProcedure("operator")
    .input(z.object({ adProfileId: z.uuid(), edits: z.array(entityEdit).min(1).max(MAX_EDITS), overwrite: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => applyEntityEdits(ctx.db, ctx.actor, input.adProfileId, input.edits, { overwrite: input.overwrite })),
  /** Campaigns, ad groups, keywords, targets, product ads and negatives created on Amazon at once, in bulk. */
  createEntities: organizationProcedure("operator")
    .input(z.object({ adProfileId: z.uuid(), kind: z.enum(AD_ENTITY_KINDS), items: z.array(newEntity).min(1).max(MAX_CREATIONS) }))
    .mutation(({ ctx, input }) => createEntities(ctx.db, ctx.actor, input.adProfileId, input.kind, input.items)),
  daySettlement: organizationProcedure()
    .input(range)
    .query(({ ctx, input }) => daySettlement(ctx.db, ctx.organizationId, input)),
});
