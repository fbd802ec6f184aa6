import { z } from "zod";
import { acceptInvitation, previewInvitation } from "~/server/organizations/invitations";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

const token = z.string().min(10).max(100);

export const invitationRouter = createTRPCRouter({
  preview: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  accept: protectedProcedure
    .input(z.object({ token }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.userId, input.token)),
});
