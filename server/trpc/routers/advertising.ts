import { z } from "zod";
import {
  adGroupPerformance,
  campaignPerformance,
  connectedProfiles,
  daySettlement,
  targetPerformance,
} from "~/server/advertising/queries";
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
  campaigns: organizationProcedure()
    .input(range)
    .query(({ ctx, input }) => campaignPerformance(ctx.db, ctx.organizationId, input)),
  adGroups: organizationProcedure()
    .input(z.intersection(range, z.object({ campaignId: z.string().max(40) })))
    .query(({ ctx, input }) => adGroupPerformance(ctx.db, ctx.organizationId, input)),
  targets: organizationProcedure()
    .input(z.intersection(range, z.object({ adGroupId: z.string().max(40) })))
    .query(({ ctx, input }) => targetPerformance(ctx.db, ctx.organizationId, input)),
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
