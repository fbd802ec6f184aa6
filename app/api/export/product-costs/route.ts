import { exportCosts } from "~/server/costs/export";
import { createRequestContext } from "~/server/trpc/context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The product costs list as CSV: the SKUs the page's filters select, in the upload's columns first. */
export async function GET(request: Request) {
  return exportCosts(await createRequestContext(request.headers), new URL(request.url).searchParams);
}
