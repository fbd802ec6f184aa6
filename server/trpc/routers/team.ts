import { z } from "zod";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/server/organizations/invitations";
import { ROLES } from "~/server/organizations/roles";
import { changeMemberRole, listMembers, removeMember } from "~/server/organizations/team";
import { createTRPCRouter, organizationProcedure } from "../init";

const role = z.enum(ROLES);

export const teamRouter = createTRPCRouter({
  members: organizationProcedure().query(({ ctx }) => listMembers(ctx.db, ctx.organizationId)),

  invitations: organizationProcedure("admin").query(({ ctx }) => listPendingInvitations(ctx.db, ctx.organizationId)),

  invite: organizationProcedure("admin")
    .input(z.object({ role, email: z.email().optional().or(z.literal("")) }))
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.actor, { role: input.role, email: input.email })),

  revokeInvitation: organizationProcedure("admin")
    .input(z.object({ invitationId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.invitationId)),

  changeRole: organizationProcedure("admin")
    .input(z.object({ userId: z.uuid(), role }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, input.userId, input.role)),

  removeMember: organizationProcedure("admin")
    .input(z.object({ userId: z.uuid() }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input.userId)),

  /** Anyone may leave, except the last owner. */
  leave: organizationProcedure().mutation(({ ctx }) => removeMember(ctx.db, ctx.actor, ctx.userId)),
});
