import { z } from "zod";
import { inngest } from "~/inngest/client";
import { SYNC_TASK_KEYS } from "~/server/sync/catalog";
import { retryWindowNow, syncOverview } from "~/server/sync/overview";
import { createTRPCRouter, organizationProcedure } from "../init";

export const syncRouter = createTRPCRouter({
  overview: organizationProcedure().query(({ ctx }) => syncOverview(ctx.db, ctx.organizationId)),

  retryNow: organizationProcedure("operator")
    .input(z.object({ task: z.enum(SYNC_TASK_KEYS), window: z.string().max(100), scopeId: z.uuid() }))
    .mutation(({ ctx, input }) => retryWindowNow(ctx.db, ctx.organizationId, input, (event) => inngest.send(event))),
});
