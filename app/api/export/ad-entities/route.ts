import { exportAdEntities } from "~/server/advertising/entity-export";
import { createRequestContext } from "~/server/trpc/context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An Advertising table's CSV (campaigns, ad groups, keywords and targets, product ads, negatives). */
export async function GET(request: Request) {
  return exportAdEntities(await createRequestContext(request.headers), new URL(request.url).searchParams);
}
