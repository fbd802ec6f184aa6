import { exportList } from "~/server/lists/export";
import { createRequestContext } from "~/server/trpc/context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  return exportList(await createRequestContext(request.headers), (await params).list, new URL(request.url).searchParams);
}
