import { describeList } from "~/server/lists/describe";
import { listDistinctValues, listPage, listScopes } from "~/server/lists/query";
import { daysOf, listPageInput } from "~/server/lists/input";
import { listOf } from "~/server/lists/registry";
import { listSyncState } from "~/server/lists/status";
import { createTRPCRouter, organizationProcedure } from "../init";

export const listsRouter = createTRPCRouter({
  /** One page of a module's data list, with its totals and where its sync stands (for the empty state). */
  page: organizationProcedure()
    .input(listPageInput)
    .query(async ({ ctx, input }) => {
      const list = listOf(input.list)!;
      const [page, sync, scopes, distinct] = await Promise.all([
        listPage(ctx.db, list, ctx.organizationId, { ...input, days: daysOf(input) }),
        listSyncState(ctx.db, ctx.organizationId, list.task),
        listScopes(ctx.db, list, ctx.organizationId),
        listDistinctValues(ctx.db, list, ctx.organizationId),
      ]);
      return { ...page, sync, scopes, ...describeList(list, distinct) };
    }),
});
