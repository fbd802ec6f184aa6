import { inngest } from "~/inngest/client";
import { latestRateDay } from "~/server/currency/exchange-rates";
import { refreshRecentFigures, summaryMarketplaces } from "~/server/sales/freshness";
import { summaryPageInput, toSummaryFilters } from "~/server/sales/summary-input";
import { baseCurrencyOf, summaryRows, summaryTotals } from "~/server/sales/summary";
import { createTRPCRouter, organizationProcedure } from "../init";

export const salesSummaryRouter = createTRPCRouter({
  /** The All Sites Sales Summary: Amazon's figures beside ours per marketplace day, totals, and how fresh each is. */
  overview: organizationProcedure()
    .input(summaryPageInput)
    .query(async ({ ctx, input }) => {
      const baseCurrency = await baseCurrencyOf(ctx.db, ctx.organizationId);
      const filters = toSummaryFilters(input);
      const [page, totals, marketplaces, ratesAsOf] = await Promise.all([
        summaryRows(ctx.db, ctx.organizationId, baseCurrency, { ...filters, page: input.page, pageSize: input.pageSize }),
        summaryTotals(ctx.db, ctx.organizationId, baseCurrency, filters),
        summaryMarketplaces(ctx.db, ctx.organizationId),
        latestRateDay(ctx.db),
      ]);
      return { ...page, page: input.page, pageSize: input.pageSize, totals, marketplaces, baseCurrency, ratesAsOf };
    }),

  /** The refresh icon: Amazon's figures of the last 3 days fetched now for every marketplace. */
  refresh: organizationProcedure("operator").mutation(({ ctx }) => refreshRecentFigures(ctx.db, ctx.organizationId, (requests) => inngest.send(requests))),
});
