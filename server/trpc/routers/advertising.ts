import { z } from "zod";
import {
  adGroupPerformance,
  campaignPerformance,
  connectedProfiles,
  daySettlement,
  targetPerformance,
} from "~/server/advertising/queries";
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
  daySettlement: organizationProcedure()
    .input(range)
    .query(({ ctx, input }) => daySettlement(ctx.db, ctx.organizationId, input)),
});
