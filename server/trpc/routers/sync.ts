import { z } from "zod";
import { inngest } from "~/inngest/client";
import { retryWindowNow, syncOverview } from "~/server/sync/overview";
import { attentionItems } from "~/server/sync/health";
import { SYNC_TASK_KEYS } from "~/server/sync/registry";
import { createTRPCRouter, organizationProcedure } from "../init";

export const syncRouter = createTRPCRouter({
  overview: organizationProcedure().query(({ ctx }) => syncOverview(ctx.db, ctx.organizationId)),

  /** What needs the seller (the top bar's badge): authorizations to renew, syncs that keep failing. */
  attention: organizationProcedure().query(({ ctx }) => attentionItems(ctx.db, ctx.organizationId)),

  retryNow: organizationProcedure("operator")
    .input(z.object({ task: z.enum(SYNC_TASK_KEYS), window: z.string().max(100), scopeId: z.uuid() }))
    .mutation(({ ctx, input }) => retryWindowNow(ctx.db, ctx.organizationId, input, (event) => inngest.send(event))),
});
