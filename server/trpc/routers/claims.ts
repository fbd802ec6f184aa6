import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { claimListInput, claimScopeFilters } from "~/server/claims/input";
import { submitClaim, submitClaimInput, withdrawSubmission } from "~/server/claims/lifecycle";
import { claimDetail, claimList, claimsOverview } from "~/server/claims/queries";
import { underpaidReimbursements } from "~/server/claims/underpaid";
import { createTRPCRouter, organizationProcedure } from "../init";

const caseId = z.object({ caseId: z.uuid() });

/** The Claims Assistant: every member reads; recording a claim filed in Seller Central takes an operator. */
export const claimsRouter = createTRPCRouter({
  /** Totals by tab, status and kind, what expires in the next 30 days, the marketplaces, and whether the analysis has run. */
  overview: organizationProcedure()
    .input(claimScopeFilters)
    .query(({ ctx, input }) => claimsOverview(ctx.db, ctx.organizationId, input)),

  list: organizationProcedure()
    .input(claimListInput)
    .query(({ ctx, input }) => claimList(ctx.db, ctx.organizationId, input)),

  /** Cash reimbursements below the seller's unit cost on their day (needs product costs). */
  underpaid: organizationProcedure()
    .input(
      z.object({
        storeId: z.uuid().optional(),
        search: z.string().trim().max(100).optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(10).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => underpaidReimbursements(ctx.db, ctx.organizationId, input)),
  detail: organizationProcedure()
    .input(caseId)
    .query(async ({ ctx, input }) => {
      const found = await claimDetail(ctx.db, ctx.organizationId, input.caseId);
      if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "There is no such claim case in this organization." });
      return found;
    }),

  /** "Mark submitted": the seller filed the case in Seller Central under this Amazon case id on this day. */
  submit: organizationProcedure("operator")
    .input(submitClaimInput)
    .mutation(({ ctx, input }) => submitClaim(ctx.db, { ...input, organizationId: ctx.organizationId, userId: ctx.userId })),

  /** "Undo submission": it was recorded by mistake. */
  withdraw: organizationProcedure("operator")
    .input(caseId)
    .mutation(({ ctx, input }) => withdrawSubmission(ctx.db, { ...input, organizationId: ctx.organizationId, userId: ctx.userId })),
});
