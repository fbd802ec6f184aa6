import { deleteBatch, setBatch } from "~/server/costs/batches";
import { importCosts, importCostsInput } from "~/server/costs/csv-import";
import {
  bulkSetCostInput,
  costListInput,
  deleteBatchInput,
  deleteCostInput,
  otherCostFields,
  otherCostId,
  otherCostListInput,
  setBatchInput,
  setCostInput,
  skuRef,
  updateOtherCostInput,
} from "~/server/costs/input";
import { costList, costSkuDetail } from "~/server/costs/list";
import { addOtherCost, deleteOtherCost, otherCostList, updateOtherCost } from "~/server/costs/other-costs";
import { bulkSetCost, deleteCostPeriod, setCost } from "~/server/costs/periods";
import { createTRPCRouter, organizationProcedure } from "../init";

/** Product and other costs: every member reads them; entering, importing or deleting one takes an operator. */
export const costsRouter = createTRPCRouter({
  list: organizationProcedure()
    .input(costListInput)
    .query(({ ctx, input }) => costList(ctx.db, ctx.organizationId, input)),

  /** One SKU: its product, every cost period and its batches. */
  sku: organizationProcedure()
    .input(skuRef)
    .query(({ ctx, input }) => costSkuDetail(ctx.db, ctx.organizationId, input.storeId, input.sku)),

  setCost: organizationProcedure("operator")
    .input(setCostInput)
    .mutation(({ ctx, input }) => setCost(ctx.db, ctx.actor, input)),

  bulkSetCost: organizationProcedure("operator")
    .input(bulkSetCostInput)
    .mutation(({ ctx, input }) => bulkSetCost(ctx.db, ctx.actor, input)),

  deleteCost: organizationProcedure("operator")
    .input(deleteCostInput)
    .mutation(({ ctx, input }) => deleteCostPeriod(ctx.db, ctx.actor, input)),

  /** A CSV upload: every row written, or none and every bad row reported. */
  importCsv: organizationProcedure("operator")
    .input(importCostsInput)
    .mutation(({ ctx, input }) => importCosts(ctx.db, ctx.actor, input)),

  setBatch: organizationProcedure("operator")
    .input(setBatchInput)
    .mutation(({ ctx, input }) => setBatch(ctx.db, ctx.actor, input)),

  deleteBatch: organizationProcedure("operator")
    .input(deleteBatchInput)
    .mutation(({ ctx, input }) => deleteBatch(ctx.db, ctx.actor, input)),

  otherCosts: organizationProcedure()
    .input(otherCostListInput)
    .query(({ ctx, input }) => otherCostList(ctx.db, ctx.organizationId, input)),

  addOtherCost: organizationProcedure("operator")
    .input(otherCostFields)
    .mutation(({ ctx, input }) => addOtherCost(ctx.db, ctx.actor, input)),

  updateOtherCost: organizationProcedure("operator")
    .input(updateOtherCostInput)
    .mutation(({ ctx, input }) => updateOtherCost(ctx.db, ctx.actor, input)),

  deleteOtherCost: organizationProcedure("operator")
    .input(otherCostId)
    .mutation(({ ctx, input }) => deleteOtherCost(ctx.db, ctx.actor, input.otherCostId)),
});
