import { z } from "zod";
import { getRun, listFunctions, listRuns } from "~/server/runs";
import { createTRPCRouter, organizationProcedure } from "../init";

const status = z.enum(["queued", "running", "completed", "failed", "cancelled"]);

/** The organization's background job runs, with steps, timings, attempts and errors. */
export const runsRouter = createTRPCRouter({
  functions: organizationProcedure("admin").query(async ({ ctx }) =>
    (await listFunctions(ctx.db)).map((f) => ({ id: f.id, name: f.name })),
  ),
  list: organizationProcedure("admin")
    .input(z.object({ functionId: z.string().max(200).optional(), status: status.optional(), cursor: z.string().max(100).optional() }))
    .query(({ ctx, input }) => listRuns(ctx.db, { ...input, organizationId: ctx.organizationId, limit: 50 })),
  get: organizationProcedure("admin")
    .input(z.object({ runId: z.string().max(100) }))
    .query(({ ctx, input }) => getRun(ctx.db, input.runId, ctx.organizationId)),
});
