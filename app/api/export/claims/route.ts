import { exportClaims } from "~/server/claims/export";
import { createRequestContext } from "~/server/trpc/context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Claims page's CSV (its own query: each case's status on its marketplace's day, not a plain list). */
export async function GET(request: Request) {
  return exportClaims(await createRequestContext(request.headers), new URL(request.url).searchParams);
}
