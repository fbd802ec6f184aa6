import { costTemplate } from "~/server/costs/export";
import { createRequestContext } from "~/server/trpc/context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The cost upload's template, listing the store's SKUs that have no cost yet. */
export async function GET(request: Request) {
  return costTemplate(await createRequestContext(request.headers), new URL(request.url).searchParams);
}
