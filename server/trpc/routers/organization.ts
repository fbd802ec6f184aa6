import { z } from "zod";
import { listMemberships } from "~/server/organizations/membership";
import { renameOrganization } from "~/server/organizations/team";
import { createTRPCRouter, organizationProcedure, protectedProcedure } from "../init";

export const organizationRouter = createTRPCRouter({
  /** Every organization the user belongs to, for the switcher. */
  mine: protectedProcedure.query(({ ctx }) => listMemberships(ctx.db, ctx.userId)),

  current: organizationProcedure().query(async ({ ctx }) => {
    const all = await listMemberships(ctx.db, ctx.userId);
    const current = all.find((m) => m.organizationId === ctx.organizationId)!;
    return { id: current.organizationId, name: current.organizationName, role: current.role };
  }),

  rename: organizationProcedure("admin")
    .input(z.object({ name: z.string().trim().min(1).max(100) }))
    .mutation(({ ctx, input }) => renameOrganization(ctx.db, ctx.actor, input.name)),
});
