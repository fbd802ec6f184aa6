import { z } from "zod";
import { listOrders, orderHistoryProgress, orderMarketplaces } from "~/server/orders/queries";
import { createTRPCRouter, organizationProcedure } from "../init";

export const ordersRouter = createTRPCRouter({
  marketplaces: organizationProcedure().query(({ ctx }) => orderMarketplaces(ctx.db, ctx.organizationId)),
  history: organizationProcedure().query(({ ctx }) => orderHistoryProgress(ctx.db, ctx.organizationId)),
  list: organizationProcedure()
    .input(
      z.object({
        days: z.number().int().min(1).max(400),
        storeMarketplaceId: z.uuid().optional(),
        status: z.string().max(40).optional(),
        search: z.string().trim().max(60).optional(),
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(10).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listOrders(ctx.db, ctx.organizationId, input)),
});
