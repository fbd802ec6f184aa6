import { z } from "zod";
import {
  adGroupPerformance,
  campaignPerformance,
  connectedProfiles,
  daySettlement,
  targetPerformance,
} from "~/server/advertising/queries";
import { createTRPCRouter, organizationProcedure } from "../init";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const range = z.union([
  z.object({ adProfileId: z.uuid(), days: z.number().int().min(1).max(95) }),
  z.object({ adProfileId: z.uuid(), from: day, to: day }),
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
