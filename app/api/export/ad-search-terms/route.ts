import { exportSearchTerms } from "~/server/advertising/search-term-export";
import { createRequestContext } from "~/server/trpc/context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Advertising Search terms tab's CSV (an ad profile's search terms for the days the page showed). */
export async function GET(request: Request) {
  return exportSearchTerms(await createRequestContext(request.headers), new URL(request.url).searchParams);
}
