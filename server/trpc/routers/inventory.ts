import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { inventoryStatus, skuHistory } from "~/server/inventory/queries";
import { createTRPCRouter, organizationProcedure } from "../init";

export const inventoryRouter = createTRPCRouter({
  /** When each marketplace's inventory was last listed whole, and how many SKUs it holds. */
  status: organizationProcedure().query(({ ctx }) => inventoryStatus(ctx.db, ctx.organizationId)),
  /** One SKU's quantities over time in one marketplace. */
  history: organizationProcedure()
    .input(z.object({ storeMarketplaceId: z.uuid(), sku: z.string().trim().min(1).max(200) }))
    .query(async ({ ctx, input }) => {
      const history = await skuHistory(ctx.db, ctx.organizationId, input);
      if (!history) throw new TRPCError({ code: "NOT_FOUND", message: "This SKU has no FBA inventory in that marketplace." });
      return history;
    }),
});
