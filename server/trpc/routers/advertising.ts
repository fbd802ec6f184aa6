import { z } from "zod";
import { changeHistory } from "~/server/advertising/change-history";
import { entityListInput } from "~/server/advertising/entity-list-input";
import { entityList } from "~/server/advertising/entity-lists";
import { historyInput } from "~/server/advertising/history-input";
import { parentsOf } from "~/server/advertising/parents";
import { connectedProfiles, daySettlement } from "~/server/advertising/queries";
import { inngest } from "~/inngest/client";
import { AD_ENTITY_KINDS } from "~/db/schema";
import { MAX_SELECTED, syncProfileNow, syncSelectedSettingsNow } from "~/server/advertising/entities/sync-now";
import { dayRange } from "~/server/validation/day";
import { createTRPCRouter, organizationProcedure } from "../init";

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
  daySettlement: organizationProcedure()
    .input(range)
    .query(({ ctx, input }) => daySettlement(ctx.db, ctx.organizationId, input)),
});
