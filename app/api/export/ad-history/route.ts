import { exportAdHistory } from "~/server/advertising/history-export";
import { createRequestContext } from "~/server/trpc/context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Advertising history's CSV (an ad profile's changes, not a plain list). */
export async function GET(request: Request) {
  return exportAdHistory(await createRequestContext(request.headers), new URL(request.url).searchParams);
}
