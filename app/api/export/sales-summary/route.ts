import { exportSalesSummary } from "~/server/sales/export";
import { createRequestContext } from "~/server/trpc/context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The All Sites Sales Summary's CSV (its own query: Amazon's figures beside ours, not a plain list). */
export async function GET(request: Request) {
  return exportSalesSummary(await createRequestContext(request.headers), new URL(request.url).searchParams);
}
