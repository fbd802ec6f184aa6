import { z } from "zod";
import { listMemberships } from "~/server/organizations/membership";
import { BASE_CURRENCIES } from "~/server/currency/currencies";
import { organizationSettings, setBaseCurrency } from "~/server/organizations/settings";
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

  /** Its name and base currency, for the settings page (every member may read them). */
  settings: organizationProcedure().query(({ ctx }) => organizationSettings(ctx.db, ctx.organizationId)),

  /** The currency totals across marketplaces are shown in (ECB rates of each figure's day). */
  setBaseCurrency: organizationProcedure("admin")
    .input(z.object({ baseCurrency: z.enum(BASE_CURRENCIES) }))
    .mutation(({ ctx, input }) => setBaseCurrency(ctx.db, ctx.actor, input.baseCurrency)),

  rename: organizationProcedure("admin")
    .input(z.object({ name: z.string().trim().min(1).max(100) }))
    .mutation(({ ctx, input }) => renameOrganization(ctx.db, ctx.actor, input.name)),
});
